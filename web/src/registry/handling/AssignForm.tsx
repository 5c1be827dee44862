import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { assign } from './api.ts';
import { fr } from './fr.ts';
import { useHandlingAction } from './queries.ts';
import { ServiceSelect } from './ServiceSelect.tsx';
import { useServiceName } from './serviceTree.ts';

/** Assigns (or reassigns) the item to a service and, optionally, to a named agent. */
export function AssignForm({ code, chrono, onDone }: { code: string; chrono: string; onDone: (message: string) => void }) {
  const action = useHandlingAction(code, chrono, assign);
  const serviceName = useServiceName();
  const [serviceCode, setServiceCode] = useState('');
  const [assignee, setAssignee] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const assigneeLabel = assignee.trim();
    action.mutate(
      { serviceCode, ...(assigneeLabel ? { assigneeLabel } : {}) },
      {
        onSuccess: () => {
          onDone(fr.forms.assign.done(serviceName(serviceCode)));
          setAssignee('');
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.forms.assign.title}>
      <ServiceSelect id="assign-service" label={fr.forms.assign.service} value={serviceCode} onChange={setServiceCode} emptyLabel={fr.forms.serviceNone} required />
      <Input
        label={fr.forms.assign.assignee}
        hintText={fr.forms.assign.assigneeHint}
        nativeInputProps={{ id: 'assign-agent', value: assignee, maxLength: 200, autoComplete: 'off', onChange: (e) => setAssignee(e.target.value) }}
      />
      {action.isError && <Alert severity="error" small description={errorMessage(action.error)} className="fr-mb-2w" />}
      <Button type="submit" disabled={action.isPending || serviceCode === ''}>
        {action.isPending ? fr.forms.submitting : fr.forms.assign.submit}
      </Button>
    </form>
  );
}
