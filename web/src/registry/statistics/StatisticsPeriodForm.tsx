import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { fr } from './fr.ts';

/**
 * The period, kept in the page URL (?from=&to=) so that a view can be shared. The fields show the
 * period of the figures on screen (by default the server's: the 12 months ending today); the page
 * gives this form a new key when that period changes.
 */
export function StatisticsPeriodForm({ shown }: { shown: { from: string; to: string } | undefined }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [values, setValues] = useState({ from: shown?.from ?? searchParams.get('from') ?? '', to: shown?.to ?? searchParams.get('to') ?? '' });
  const rangeInvalid = values.from !== '' && values.to !== '' && values.from > values.to;

  function apply(next: { from: string; to: string }) {
    const params = new URLSearchParams(searchParams);
    for (const field of ['from', 'to'] as const) {
      if (next[field]) params.set(field, next[field]);
      else params.delete(field);
    }
    setSearchParams(params);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!rangeInvalid) apply(values);
  }

  function onReset() {
    // Already the default period: put its days back in the fields; otherwise the new figures will.
    if (!searchParams.get('from') && !searchParams.get('to') && shown) setValues(shown);
    apply({ from: '', to: '' });
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.filters.legend} className="fr-mb-3w">
      <fieldset className="fr-fieldset" style={{ alignItems: 'flex-end' }}>
        <legend className="fr-fieldset__legend fr-text--md fr-pb-0">{fr.filters.legend}</legend>
        <div className="fr-fieldset__element fr-col-6 fr-col-md-3">
          <Input
            label={fr.filters.from}
            nativeInputProps={{ id: 'stat-from', type: 'date', value: values.from, onChange: (e) => setValues((v) => ({ ...v, from: e.target.value })) }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-6 fr-col-md-3">
          <Input
            label={fr.filters.to}
            state={rangeInvalid ? 'error' : 'default'}
            stateRelatedMessage={fr.filters.invalidRange}
            nativeInputProps={{ id: 'stat-to', type: 'date', value: values.to, onChange: (e) => setValues((v) => ({ ...v, to: e.target.value })) }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Button type="submit" iconId="fr-icon-calendar-line" className="fr-mb-1w fr-mr-2w">
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
