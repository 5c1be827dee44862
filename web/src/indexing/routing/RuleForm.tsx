import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { ServiceSelect } from '../../registry/handling/ServiceSelect.tsx';
import { useRequestTypes } from '../../registry/handling/queries.ts';
import type { RoutingRule } from './api.ts';
import { fr } from './fr.ts';
import { useAddRule } from './queries.ts';

const EMPTY = { name: '', priority: '', senderDomain: '', senderAddress: '', keywords: '', formType: '', mailbox: '', serviceCode: '', requestTypeCode: '' };
type Field = keyof typeof EMPTY;

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** Adds a rule: conditions (sender, keywords, form, mailbox) → service and type. The server checks it. */
export function RuleForm({ code, onAdded }: { code: string; onAdded: (rule: RoutingRule) => void }) {
  const [values, setValues] = useState(EMPTY);
  const add = useAddRule(code);
  const types = useRequestTypes(code);
  const t = fr.rules.form;
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const text = (field: Field, label: string, hint?: string, type = 'text') => (
    <Input label={label} hintText={hint} nativeInputProps={{ id: `rule-${field}`, type, value: values[field], onChange: set(field) }} />
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const keywords = values.keywords.split(',').map((k) => k.trim()).filter(Boolean);
    add.mutate(
      {
        name: values.name.trim(),
        priority: values.priority.trim() ? Number(values.priority) : undefined,
        senderDomain: orNull(values.senderDomain),
        senderAddress: orNull(values.senderAddress),
        keywords: keywords.length ? keywords : null,
        formType: orNull(values.formType),
        mailbox: orNull(values.mailbox),
        serviceCode: orNull(values.serviceCode),
        requestTypeCode: orNull(values.requestTypeCode),
      },
      {
        onSuccess: (rule) => {
          setValues(EMPTY);
          onAdded(rule);
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="rule-form-title" className="fr-p-3w fr-mb-4w" style={{ border: '1px solid var(--border-default-grey)' }}>
      <h2 id="rule-form-title" className="fr-h5">
        {t.title}
      </h2>
      {add.isError && <Alert severity="error" small description={errorMessage(add.error)} className="fr-mb-2w" />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">{text('name', t.name, t.nameHint)}</div>
        <div className="fr-col-12 fr-col-md-4">{text('priority', t.priority, t.priorityHint, 'number')}</div>
      </div>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-text--md">{t.conditions}</legend>
        <div className="fr-fieldset__element">{text('keywords', t.keywords, t.keywordsHint)}</div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">{text('senderDomain', t.senderDomain, t.senderDomainHint)}</div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">{text('senderAddress', t.senderAddress, undefined, 'email')}</div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">{text('formType', t.formType)}</div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">{text('mailbox', t.mailbox, undefined, 'email')}</div>
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-text--md">{t.decision}</legend>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <ServiceSelect id="rule-service" label={t.service} value={values.serviceCode} onChange={(v) => setValues((s) => ({ ...s, serviceCode: v }))} emptyLabel={t.serviceNone} />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select label={t.requestType} nativeSelectProps={{ id: 'rule-request-type', value: values.requestTypeCode, onChange: set('requestTypeCode') }}>
            <option value="">{t.requestTypeNone}</option>
            {(types.data ?? []).map((type) => (
              <option key={type.code} value={type.code}>
                {type.name}
              </option>
            ))}
          </Select>
        </div>
      </fieldset>
      <Button type="submit" iconId="fr-icon-add-line" disabled={add.isPending}>
        {add.isPending ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
