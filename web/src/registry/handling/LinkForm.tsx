import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { addLink, type LinkKind } from './api.ts';
import { fr, linkKindLabels } from './fr.ts';
import { useHandlingAction } from './queries.ts';

/** Links the item to another one of the entity: its reply, or a related item. */
export function LinkForm({ code, chrono, onDone }: { code: string; chrono: string; onDone: (message: string) => void }) {
  const action = useHandlingAction(code, chrono, addLink);
  const [other, setOther] = useState('');
  const [kind, setKind] = useState<LinkKind>('related');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const target = other.trim();
    action.mutate(
      { chrono: target, kind },
      {
        onSuccess: () => {
          onDone(fr.forms.link.done(target));
          setOther('');
        },
      },
    );
  }

  const option = (value: LinkKind, hintText: string) => ({
    label: linkKindLabels[value],
    hintText,
    nativeInputProps: { value, checked: kind === value, onChange: () => setKind(value) },
  });

  return (
    <form onSubmit={onSubmit} aria-label={fr.forms.link.title}>
      <Input
        label={fr.forms.link.chrono}
        hintText={fr.forms.link.chronoHint}
        nativeInputProps={{ id: 'link-chrono', value: other, maxLength: 64, autoComplete: 'off', onChange: (e) => setOther(e.target.value) }}
      />
      <RadioButtons
        legend={fr.forms.link.kind}
        name="link-kind"
        small
        options={[option('reply', fr.forms.link.replyHint), option('related', fr.forms.link.relatedHint)]}
      />
      {action.isError && <Alert severity="error" small description={errorMessage(action.error)} className="fr-mb-2w" />}
      <Button type="submit" disabled={action.isPending || other.trim() === ''}>
        {action.isPending ? fr.forms.submitting : fr.forms.link.submit}
      </Button>
    </form>
  );
}
