import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { channelLabels, fr, statusLabels } from './fr.ts';

const FIELDS = ['channel', 'status', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];

/** Filters by channel, status and period, kept in the page URL so that a filtered view can be shared. */
export function MailFiltersForm({ idPrefix }: { idPrefix: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    channel: searchParams.get('channel') ?? '',
    status: searchParams.get('status') ?? '',
    from: searchParams.get('from') ?? '',
    to: searchParams.get('to') ?? '',
  }));
  const rangeInvalid = values.from !== '' && values.to !== '' && values.from > values.to;
  const set = (field: Field) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  function apply(next: Record<Field, string>) {
    const params = new URLSearchParams(searchParams);
    for (const field of FIELDS) {
      if (next[field]) params.set(field, next[field]);
      else params.delete(field);
    }
    params.delete('page');
    setSearchParams(params);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!rangeInvalid) apply(values);
  }

  function onReset() {
    const empty = { channel: '', status: '', from: '', to: '' };
    setValues(empty);
    apply(empty);
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.filters.legend} className="fr-mb-3w">
      <fieldset className="fr-fieldset" style={{ alignItems: 'flex-end' }}>
        <legend className="fr-fieldset__legend fr-text--md fr-pb-0">{fr.filters.legend}</legend>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
          <Select label={fr.filters.channel} nativeSelectProps={{ id: `${idPrefix}-channel`, value: values.channel, onChange: set('channel') }}>
            <option value="">{fr.filters.all}</option>
            {Object.entries(channelLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
          <Select label={fr.filters.status} nativeSelectProps={{ id: `${idPrefix}-status`, value: values.status, onChange: set('status') }}>
            <option value="">{fr.filters.all}</option>
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-6 fr-col-md-2">
          <Input
            label={fr.filters.from}
            nativeInputProps={{ id: `${idPrefix}-from`, type: 'date', value: values.from, onChange: set('from') }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-6 fr-col-md-2">
          <Input
            label={fr.filters.to}
            state={rangeInvalid ? 'error' : 'default'}
            stateRelatedMessage={fr.filters.invalidRange}
            nativeInputProps={{ id: `${idPrefix}-to`, type: 'date', value: values.to, onChange: set('to') }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-2">
          <Button type="submit" iconId="fr-icon-filter-line" className="fr-mb-1w">
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
