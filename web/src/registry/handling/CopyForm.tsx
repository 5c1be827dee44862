import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { addCopy } from './api.ts';
import { fr } from './fr.ts';
import { useHandlingAction } from './queries.ts';
import { ServiceSelect } from './ServiceSelect.tsx';
import { useServiceName } from './serviceTree.ts';

/** Puts a service in copy of the item (distribution list). */
export function CopyForm({ code, chrono, onDone }: { code: string; chrono: string; onDone: (message: string) => void }) {
  const action = useHandlingAction(code, chrono, addCopy);
  const serviceName = useServiceName();
  const [serviceCode, setServiceCode] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    action.mutate(
      { serviceCode },
      {
        onSuccess: () => {
          onDone(fr.forms.copy.done(serviceName(serviceCode)));
          setServiceCode('');
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.forms.copy.title}>
      <ServiceSelect id="copy-service" label={fr.forms.copy.service} value={serviceCode} onChange={setServiceCode} emptyLabel={fr.forms.serviceNone} required />
      {action.isError && <Alert severity="error" small description={errorMessage(action.error)} className="fr-mb-2w" />}
      <Button type="submit" disabled={action.isPending || serviceCode === ''}>
        {action.isPending ? fr.forms.submitting : fr.forms.copy.submit}
      </Button>
    </form>
  );
}
