import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { channelLabels } from '../fr.ts';
import type { BasketList } from './api.ts';
import { FILTER_FIELDS, type FilterField } from './filters.ts';
import { fr } from './fr.ts';

/** Channel, request type, service and deadline filters, kept in the URL (shared by every basket). */
export function BasketFiltersForm({ services, requestTypes }: Pick<BasketList, 'services' | 'requestTypes'>) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [values, setValues] = useState<Record<FilterField, string>>(() => ({
    channel: searchParams.get('channel') ?? '',
    type: searchParams.get('type') ?? '',
    service: searchParams.get('service') ?? '',
    deadlineBy: searchParams.get('deadlineBy') ?? '',
  }));
  const set = (field: FilterField) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  function apply(next: Record<FilterField, string>) {
    const params = new URLSearchParams(searchParams);
    for (const field of FILTER_FIELDS) {
      if (next[field]) params.set(field, next[field]);
      else params.delete(field);
    }
    params.delete('page');
    setSearchParams(params);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    apply(values);
  }

  function onReset() {
    const empty = { channel: '', type: '', service: '', deadlineBy: '' };
    setValues(empty);
    apply(empty);
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.filters.legend} className="fr-mb-2w">
      <fieldset className="fr-fieldset" style={{ alignItems: 'flex-end' }}>
        <legend className="fr-fieldset__legend fr-text--md fr-pb-0">{fr.filters.legend}</legend>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
          <Select label={fr.filters.channel} nativeSelectProps={{ id: 'basket-filter-channel', value: values.channel, onChange: set('channel') }}>
            <option value="">{fr.filters.all}</option>
            {Object.entries(channelLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
          <Select label={fr.filters.type} nativeSelectProps={{ id: 'basket-filter-type', value: values.type, onChange: set('type') }}>
            <option value="">{fr.filters.all}</option>
            {requestTypes.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
          <Select label={fr.filters.service} nativeSelectProps={{ id: 'basket-filter-service', value: values.service, onChange: set('service') }}>
            <option value="">{fr.filters.all}</option>
            {services.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
          <Input
            label={fr.filters.deadlineBy}
            nativeInputProps={{ id: 'basket-filter-deadline', type: 'date', value: values.deadlineBy, onChange: set('deadlineBy') }}
          />
        </div>
        <div className="fr-fieldset__element">
          <Button type="submit" iconId="fr-icon-filter-line" className="fr-mr-2w">
            {fr.filters.apply}
          </Button>
          <Button type="button" priority="tertiary no outline" onClick={onReset} size="small">
            {fr.filters.reset}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
