import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client.ts';
import { usePublicForm, useSubmitPublicForm, type FieldError, type RequesterKind, type SubmissionDraft } from './api.ts';
import { fr } from './fr.ts';
import { SubmissionConfirmation } from './SubmissionConfirmation.tsx';

const EMPTY: SubmissionDraft = {
  requesterKind: 'person', lastName: '', firstName: '', organisationName: '', siret: '', rna: '', email: '',
  addressLines: ['', ''], postcode: '', city: '', country: '', phone: '', requestTypeCode: '', subject: '', message: '',
};
const ACCEPT = '.pdf,.tif,.tiff,.jpg,.jpeg,.png,application/pdf,image/tiff,image/jpeg,image/png';
const fieldId = (field: string) => `pf-${field}`;

/** The public form of an entity (/demarches/:entityCode): no account needed (CRPA L112-8). */
export function PublicFormPage() {
  const { entityCode = '' } = useParams();
  const form = usePublicForm(entityCode);
  const submit = useSubmitPublicForm(entityCode);
  const [draft, setDraft] = useState<SubmissionDraft>(EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [formKey, setFormKey] = useState(0);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${form.data ? fr.title(form.data.entity.name) : fr.serviceTitle} — ${fr.serviceTitle}`;
  }, [form.data]);
  // After a refused send, the summary lists the errors and the first wrong field takes the focus.
  useEffect(() => {
    if (errors.length === 0) return;
    // the first wrong field in the page's order (the server lists identity checks in its own order)
    const first = document.querySelector<HTMLElement>('form [aria-invalid="true"]') ?? document.getElementById(fieldId(errors[0]!.field));
    (first ?? summary.current)?.focus();
  }, [errors]);

  if (form.isPending) return <p>Chargement…</p>;
  if (form.isError) {
    const unknown = form.error instanceof ApiError && form.error.status === 404;
    return <Alert severity="error" title={unknown ? fr.unknownEntity : 'Erreur'} description={unknown ? '' : errorMessage(form.error)} />;
  }
  if (submit.data) {
    return (
      <SubmissionConfirmation
        receipt={submit.data}
        onAgain={() => {
          submit.reset();
          setDraft(EMPTY);
          setFiles([]);
          setFormKey((k) => k + 1);
        }}
      />
    );
  }

  const set = <K extends keyof SubmissionDraft>(key: K, value: SubmissionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const state = (field: string) => (errorOf(field) ? ('error' as const) : ('default' as const));
  const text = (field: keyof SubmissionDraft, label: string, extra: { hint?: string; type?: string; autoComplete?: string } = {}) => (
    <Input
      label={label}
      hintText={extra.hint}
      state={state(field)}
      stateRelatedMessage={errorOf(field)}
      nativeInputProps={{
        id: fieldId(field),
        name: field,
        'aria-invalid': errorOf(field) ? true : undefined,
        type: extra.type ?? 'text',
        autoComplete: extra.autoComplete,
        value: draft[field] as string,
        onChange: (e) => set(field, e.target.value as never),
      }}
    />
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    const payload = { ...draft, addressLines: draft.addressLines.filter((l) => l.trim()) };
    submit.mutate(
      { draft: payload, files },
      {
        onError: (error) => {
          const fields = error instanceof ApiError ? (error.details?.fields as FieldError[] | undefined) : undefined;
          if (fields?.length) setErrors(fields);
          else summary.current?.focus();
        },
      },
    );
  }

  const { entity, requestTypes } = form.data;
  const kind = draft.requesterKind;
  return (
    <>
      <h1>{fr.title(entity.name)}</h1>
      <p>{fr.lead}</p>
      <div ref={summary} tabIndex={-1} aria-live="assertive">
        {errors.length > 0 && (
          <Alert
            severity="error"
            title={fr.errorSummary(errors.length)}
            className="fr-mb-3w"
            description={
              <ul>
                {errors.map((e) => (
                  <li key={`${e.field}-${e.code}`}>
                    <a href={`#${fieldId(e.field)}`}>{e.message}</a>
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {submit.isError && errors.length === 0 && <Alert severity="error" title="Envoi impossible" description={errorMessage(submit.error)} className="fr-mb-3w" />}
      </div>
      <p className="fr-hint-text">{fr.required}</p>
      <form key={formKey} onSubmit={onSubmit} noValidate className="fr-col-12 fr-col-md-8">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h4">{fr.identity}</legend>
          <div className="fr-fieldset__content" style={{ width: '100%' }}>
            <RadioButtons
              legend={fr.kindLegend}
              orientation="horizontal"
              options={(Object.keys(fr.kinds) as RequesterKind[]).map((k) => ({
                label: fr.kinds[k],
                nativeInputProps: { name: 'requesterKind', value: k, checked: kind === k, onChange: () => set('requesterKind', k) },
              }))}
            />
            {kind !== 'person' && text('organisationName', fr.organisationName[kind], { autoComplete: 'organization' })}
            {kind === 'company' && text('siret', fr.siret, { hint: fr.siretHint })}
            {kind === 'association' && text('rna', fr.rna, { hint: fr.rnaHint })}
            {text('lastName', fr.lastName, { autoComplete: 'family-name' })}
            {text('firstName', fr.firstName, { autoComplete: 'given-name' })}
            {text('email', fr.email, { hint: fr.emailHint, type: 'email', autoComplete: 'email' })}
            <Input
              label={fr.addressLine1}
              state={state('addressLines')}
              stateRelatedMessage={errorOf('addressLines')}
              nativeInputProps={{ id: fieldId('addressLines'), name: 'address1', 'aria-invalid': errorOf('addressLines') ? true : undefined, autoComplete: 'address-line1', value: draft.addressLines[0], onChange: (e) => set('addressLines', [e.target.value, draft.addressLines[1] ?? '']) }}
            />
            <Input
              label={fr.addressLine2}
              nativeInputProps={{ id: 'pf-address2', name: 'address2', autoComplete: 'address-line2', value: draft.addressLines[1], onChange: (e) => set('addressLines', [draft.addressLines[0] ?? '', e.target.value]) }}
            />
            {text('postcode', fr.postcode, { autoComplete: 'postal-code' })}
            {text('city', fr.city, { autoComplete: 'address-level2' })}
            {text('country', fr.country, { autoComplete: 'country-name' })}
            {text('phone', fr.phone, { type: 'tel', autoComplete: 'tel' })}
          </div>
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h4">{fr.request}</legend>
          <div className="fr-fieldset__content" style={{ width: '100%' }}>
            <Select
              label={fr.requestType}
              state={state('requestTypeCode')}
              stateRelatedMessage={errorOf('requestTypeCode')}
              nativeSelectProps={{ id: fieldId('requestTypeCode'), name: 'requestTypeCode', 'aria-invalid': errorOf('requestTypeCode') ? true : undefined, value: draft.requestTypeCode, onChange: (e) => set('requestTypeCode', e.target.value) }}
            >
              <option value="" disabled>{fr.requestTypePlaceholder}</option>
              {requestTypes.map((t) => (
                <option key={t.code} value={t.code}>{t.name}</option>
              ))}
            </Select>
            {text('subject', fr.subject)}
            <Input
              label={fr.message}
              textArea
              state={state('message')}
              stateRelatedMessage={errorOf('message')}
              nativeTextAreaProps={{ id: fieldId('message'), name: 'message', 'aria-invalid': errorOf('message') ? true : undefined, rows: 8, value: draft.message, onChange: (e) => set('message', e.target.value) }}
            />
            <Upload
              id={fieldId('attachments')}
              label={fr.attachments}
              hint={fr.attachmentsHint(form.data.maxAttachments, form.data.maxAttachmentMb)}
              multiple
              state={state('attachments')}
              stateRelatedMessage={errorOf('attachments')}
              nativeInputProps={{ name: 'pieces', accept: ACCEPT, onChange: (e) => setFiles(Array.from(e.target.files ?? [])) }}
            />
          </div>
        </fieldset>
        <Button type="submit" iconId="fr-icon-send-plane-line" disabled={submit.isPending} className="fr-mt-2w">
          {submit.isPending ? fr.sending : fr.submit}
        </Button>
      </form>
    </>
  );
}
