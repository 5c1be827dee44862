import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import type { QuarantineEntry } from '../api/types.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { fr } from './fr.ts';
import { useDismissQuarantine } from './queries.ts';

/** Dismisses one quarantine entry; the note is required and kept with the decision. */
export function DismissForm({
  entry,
  onDone,
  onCancel,
}: {
  entry: QuarantineEntry;
  onDone: (entry: QuarantineEntry) => void;
  onCancel: () => void;
}) {
  const { code } = useEntity();
  const dismiss = useDismissQuarantine(code);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  const missing = note.trim() === '';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (missing) return;
    dismiss.mutate({ id: entry.id, note: note.trim() }, { onSuccess: onDone });
  }

  const error = dismiss.isError ? errorMessage(dismiss.error) : touched && missing ? fr.quarantine.noteRequired : null;

  return (
    <form onSubmit={onSubmit} className="fr-p-3w fr-mb-3w" style={{ background: 'var(--background-alt-grey)' }}>
      <h2 ref={titleRef} tabIndex={-1} className="fr-h5">
        {fr.quarantine.dismissTitle(entry.filename)}
      </h2>
      <p className="fr-text--sm">{entry.message}</p>
      <Input
        label={fr.quarantine.noteLabel}
        hintText={fr.quarantine.noteHint}
        textArea
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error}
        nativeTextAreaProps={{ id: 'dismiss-note', value: note, onChange: (e) => setNote(e.target.value), rows: 3 }}
      />
      <Button type="submit" disabled={dismiss.isPending} className="fr-mr-2w">
        {fr.quarantine.confirm}
      </Button>
      <Button type="button" priority="secondary" onClick={onCancel}>
        {fr.quarantine.cancel}
      </Button>
    </form>
  );
}
