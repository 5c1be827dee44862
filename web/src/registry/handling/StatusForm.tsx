import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { changeStatus, type HandlingStatus } from './api.ts';
import { fr, handlingStatusLabels, handlingStatusOrder } from './fr.ts';
import { useHandlingAction } from './queries.ts';

/** Changes the handling status; the server requires a reason to close an item and says so in French. */
export function StatusForm({ code, chrono, current, onDone }: { code: string; chrono: string; current: HandlingStatus; onDone: (message: string) => void }) {
  const action = useHandlingAction(code, chrono, changeStatus);
  const [status, setStatus] = useState<HandlingStatus>(current);
  const [reason, setReason] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    action.mutate(
      { status, ...(text ? { reason: text } : {}) },
      {
        onSuccess: () => {
          onDone(fr.forms.status.done(handlingStatusLabels[status]));
          setReason('');
        },
      },
    );
  }

  // The server's message about the reason goes under the reason field; any other error above the button.
  const reasonError = action.isError && status === 'closed' && reason.trim() === '' ? errorMessage(action.error) : null;

  return (
    <form onSubmit={onSubmit} aria-label={fr.forms.status.title}>
      <Select
        label={fr.forms.status.status}
        nativeSelectProps={{
          id: 'status-value',
          value: status,
          onChange: (e) => {
            action.reset();
            setStatus(e.target.value as HandlingStatus);
          },
        }}
      >
        {handlingStatusOrder.map((value) => (
          <option key={value} value={value}>
            {handlingStatusLabels[value]}
          </option>
        ))}
      </Select>
      <Input
        label={fr.forms.status.reason}
        hintText={fr.forms.status.reasonHint}
        textArea
        state={reasonError ? 'error' : 'default'}
        stateRelatedMessage={reasonError}
        nativeTextAreaProps={{ id: 'status-reason', value: reason, rows: 2, maxLength: 1000, onChange: (e) => setReason(e.target.value) }}
      />
      {action.isError && !reasonError && <Alert severity="error" small description={errorMessage(action.error)} className="fr-mb-2w" />}
      <Button type="submit" disabled={action.isPending}>
        {action.isPending ? fr.forms.submitting : fr.forms.status.submit}
      </Button>
    </form>
  );
}
