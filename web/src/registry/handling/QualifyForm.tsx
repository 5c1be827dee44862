import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { qualify } from './api.ts';
import { formatDelay } from './format.ts';
import { fr, regimeLabels } from './fr.ts';
import { useHandlingAction, useRequestTypes } from './queries.ts';
import { ServiceSelect } from './ServiceSelect.tsx';

/** Qualifies the item: type of request (its regime gives the legal deadline) and, optionally, the service. */
export function QualifyForm({ code, chrono, current, onDone }: { code: string; chrono: string; current: string | null; onDone: (message: string) => void }) {
  const types = useRequestTypes(code);
  const action = useHandlingAction(code, chrono, qualify);
  const [typeCode, setTypeCode] = useState(current ?? '');
  const [serviceCode, setServiceCode] = useState('');
  const selected = types.data?.find((t) => t.code === typeCode);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    action.mutate(
      { requestTypeCode: typeCode, ...(serviceCode ? { serviceCode } : {}) },
      { onSuccess: () => onDone(fr.forms.qualify.done) },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.forms.qualify.title}>
      <Select
        label={fr.forms.qualify.type}
        hint={selected ? `${regimeLabels[selected.regime]}${selected.delay ? ` — ${formatDelay(selected.delay)}` : ''}` : undefined}
        nativeSelectProps={{ id: 'qualify-type', value: typeCode, required: true, onChange: (e) => setTypeCode(e.target.value) }}
      >
        <option value="" disabled>
          {fr.forms.qualify.typeNone}
        </option>
        {types.data?.map((t) => (
          <option key={t.code} value={t.code}>
            {t.name}
          </option>
        ))}
      </Select>
      <ServiceSelect
        id="qualify-service"
        label={fr.forms.qualify.service}
        value={serviceCode}
        onChange={setServiceCode}
        emptyLabel={fr.forms.qualify.serviceNone}
      />
      {action.isError && <Alert severity="error" small description={errorMessage(action.error)} className="fr-mb-2w" />}
      <Button type="submit" disabled={action.isPending || typeCode === ''}>
        {action.isPending ? fr.forms.submitting : fr.forms.qualify.submit}
      </Button>
    </form>
  );
}
