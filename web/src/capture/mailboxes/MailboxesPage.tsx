import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useEntity } from '../../platform/EntityContext.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { MailItemLink } from '../../registry/MailItemLink.tsx';
import {
  addGatewayAddress,
  createMailbox,
  listGatewayAddresses,
  listMailboxes,
  removeGatewayAddress,
  removeMailbox,
  syncMailbox,
  updateMailbox,
  type Mailbox,
  type MailboxSecurity,
  type MailboxSyncResult,
} from './api.ts';
import { fr } from './fr.ts';

function MailboxState({ mailbox }: { mailbox: Mailbox }) {
  if (mailbox.lastError) {
    return (
      <>
        <Badge as="span" small severity="error">
          {fr.error}
        </Badge>
        <span className="fr-text--sm" style={{ display: 'block' }} data-testid="mailbox-error">
          {mailbox.lastError.message}
        </span>
      </>
    );
  }
  if (!mailbox.active) return <Badge as="span" small>{fr.inactive}</Badge>;
  if (!mailbox.lastSuccessAt) return <Badge as="span" small severity="info">{fr.waiting}</Badge>;
  return <Badge as="span" small severity="success">{fr.ok}</Badge>;
}

function SyncReport({ result, onClose }: { result: MailboxSyncResult; onClose: () => void }) {
  const { code } = useEntity();
  return (
    <Alert
      severity={result.ok ? 'success' : 'error'}
      title={fr.syncResultTitle(result.name)}
      closable
      onClose={onClose}
      className="fr-mb-3w"
      description={
        result.error ? (
          result.error.message
        ) : result.messages.length === 0 ? (
          fr.syncNothing
        ) : (
          <ul data-testid="sync-report">
            {result.messages.map((m) => (
              <li key={m.uid}>
                {m.subject ?? fr.noSubject} —{' '}
                {m.outcome === 'registered' && m.chrono ? (
                  <>
                    {fr.registered} <MailItemLink entityCode={code} chrono={m.chrono} />
                  </>
                ) : m.outcome === 'quarantined' ? (
                  `${fr.quarantined} ${m.quarantine?.message ?? ''}`
                ) : (
                  fr.alreadyTaken
                )}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}

function AddMailboxForm({ onAdded }: { onAdded: (mailbox: Mailbox) => void }) {
  const { code } = useEntity();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', host: '', port: '993', security: 'tls' as MailboxSecurity, username: '', password: '', folder: 'INBOX', moveTo: '' });
  const [touched, setTouched] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      createMailbox(code, {
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
        host: form.host.trim(),
        port: Number(form.port),
        security: form.security,
        username: form.username,
        password: form.password,
        folder: form.folder.trim() || 'INBOX',
        moveTo: form.moveTo.trim() || null,
      }),
    onSuccess: (mailbox) => {
      void queryClient.invalidateQueries({ queryKey: ['mailboxes', code] });
      setForm((f) => ({ ...f, name: '', username: '', password: '' }));
      setTouched(false);
      onAdded(mailbox);
    },
  });
  const missing = (value: string) => touched && value.trim() === '';
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!form.host.trim() || !form.username || !form.password || !form.port) return;
    create.mutate();
  }

  return (
    <form onSubmit={onSubmit} className="fr-p-3w fr-mb-4w" style={{ background: 'var(--background-alt-grey)' }} aria-labelledby="add-mailbox-title">
      <h2 id="add-mailbox-title" className="fr-h5">
        {fr.addTitle}
      </h2>
      {create.isError && <Alert severity="error" small description={errorMessage(create.error)} className="fr-mb-2w" />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input label={fr.fields.name} hintText={fr.fields.nameHint} nativeInputProps={{ id: 'mailbox-name', value: form.name, onChange: set('name') }} />
        </div>
        <div className="fr-col-12 fr-col-md-5">
          <Input
            label={fr.fields.host}
            state={missing(form.host) ? 'error' : 'default'}
            stateRelatedMessage={fr.required}
            nativeInputProps={{ id: 'mailbox-host', value: form.host, onChange: set('host'), required: true, autoComplete: 'off' }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input
            label={fr.fields.port}
            state={missing(form.port) ? 'error' : 'default'}
            stateRelatedMessage={fr.required}
            nativeInputProps={{ id: 'mailbox-port', type: 'number', min: 1, max: 65535, value: form.port, onChange: set('port'), required: true }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label={fr.fields.security}
            nativeSelectProps={{
              id: 'mailbox-security',
              value: form.security,
              onChange: (e) => {
                const security = e.target.value as MailboxSecurity;
                setForm((f) => ({ ...f, security, port: f.port === '993' || f.port === '143' ? (security === 'tls' ? '993' : '143') : f.port }));
              },
            }}
          >
            {fr.securityOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label={fr.fields.username}
            state={missing(form.username) ? 'error' : 'default'}
            stateRelatedMessage={fr.required}
            nativeInputProps={{ id: 'mailbox-username', value: form.username, onChange: set('username'), required: true, autoComplete: 'off' }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label={fr.fields.password}
            hintText={fr.fields.passwordHint}
            state={missing(form.password) ? 'error' : 'default'}
            stateRelatedMessage={fr.required}
            nativeInputProps={{ id: 'mailbox-password', type: 'password', value: form.password, onChange: set('password'), required: true, autoComplete: 'new-password' }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label={fr.fields.folder} nativeInputProps={{ id: 'mailbox-folder', value: form.folder, onChange: set('folder') }} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label={fr.fields.moveTo} hintText={fr.fields.moveToHint} nativeInputProps={{ id: 'mailbox-move-to', value: form.moveTo, onChange: set('moveTo') }} />
        </div>
      </div>
      <Button type="submit" disabled={create.isPending} iconId="fr-icon-add-line">
        {fr.add}
      </Button>
    </form>
  );
}

function GatewayAddresses() {
  const { code } = useEntity();
  const queryClient = useQueryClient();
  const addresses = useQuery({ queryKey: ['gateway-addresses', code], queryFn: ({ signal }) => listGatewayAddresses(code, signal) });
  const [address, setAddress] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['gateway-addresses', code] });
  const add = useMutation({ mutationFn: () => addGatewayAddress(code, address.trim()), onSuccess: () => { setAddress(''); void refresh(); } });
  const remove = useMutation({ mutationFn: (a: string) => removeGatewayAddress(code, a), onSuccess: () => void refresh() });

  return (
    <section aria-labelledby="gateway-title" className="fr-mt-6w">
      <h2 id="gateway-title">{fr.gatewayTitle}</h2>
      <p>{fr.gatewayLead}</p>
      {addresses.isPending && <Loading />}
      {addresses.isError && <QueryError error={addresses.error} onRetry={() => void addresses.refetch()} />}
      {remove.isError && <Alert severity="error" small description={errorMessage(remove.error)} className="fr-mb-2w" />}
      {addresses.data?.length === 0 && <p>{fr.gatewayEmpty}</p>}
      {addresses.data && addresses.data.length > 0 && (
        <ul data-testid="gateway-addresses">
          {addresses.data.map((a) => (
            <li key={a.address}>
              <code>{a.address}</code>{' '}
              <Button size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" title={fr.gatewayRemove(a.address)} onClick={() => remove.mutate(a.address)}>
                {fr.remove}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (address.trim()) add.mutate();
        }}
        className="fr-mt-2w"
      >
        <Input
          label={fr.gatewayAddress}
          state={add.isError ? 'error' : 'default'}
          stateRelatedMessage={add.isError ? errorMessage(add.error) : undefined}
          nativeInputProps={{ id: 'gateway-address', type: 'email', value: address, onChange: (e) => setAddress(e.target.value), placeholder: `courrier@${code.toLowerCase()}.octo.localhost` }}
        />
        <Button type="submit" priority="secondary" disabled={add.isPending}>
          {fr.gatewayAdd}
        </Button>
      </form>
    </section>
  );
}

/** The entity's e-mail channels in: IMAP mailboxes (state of the last relève, add, relever) and gateway addresses. */
export function MailboxesPage() {
  const { code } = useEntity();
  const queryClient = useQueryClient();
  usePageTitle(fr.title);
  const mailboxes = useQuery({ queryKey: ['mailboxes', code], queryFn: ({ signal }) => listMailboxes(code, signal), refetchInterval: 30_000 });
  const [report, setReport] = useState<MailboxSyncResult | null>(null);
  const [added, setAdded] = useState<Mailbox | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['mailboxes', code] });
  const sync = useMutation({ mutationFn: (id: string) => syncMailbox(code, id), onSuccess: (result) => { setReport(result); void refresh(); } });
  const toggle = useMutation({ mutationFn: (m: Mailbox) => updateMailbox(code, m.id, { active: !m.active }), onSuccess: () => void refresh() });
  const remove = useMutation({ mutationFn: (id: string) => removeMailbox(code, id), onSuccess: () => void refresh() });
  const actionError = sync.error ?? toggle.error ?? remove.error;

  return (
    <>
      <h1>{fr.title}</h1>
      <p>{fr.lead}</p>
      {report && <SyncReport result={report} onClose={() => setReport(null)} />}
      {added && <Alert severity="success" small description={fr.added(added.name)} closable onClose={() => setAdded(null)} className="fr-mb-3w" />}
      {actionError && <Alert severity="error" small description={errorMessage(actionError)} className="fr-mb-3w" />}
      <h2>{fr.mailboxesTitle}</h2>
      {mailboxes.isPending && <Loading />}
      {mailboxes.isError && <QueryError error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />}
      {mailboxes.data?.length === 0 && <p>{fr.empty}</p>}
      {mailboxes.data && mailboxes.data.length > 0 && (
        <Table
          id="mailboxes"
          caption={fr.caption}
          noCaption
          headers={[...fr.headers]}
          data={mailboxes.data.map((m) => [
            <strong key="name">{m.name}</strong>,
            <span key="account">
              {m.username}
              <span className="fr-text--xs octo-muted" style={{ display: 'block' }}>
                {m.host}:{m.port} ({fr.security[m.security]})
              </span>
            </span>,
            <span key="folder">
              {m.folder}
              <span className="fr-text--xs octo-muted" style={{ display: 'block' }}>
                {m.moveTo ? fr.moveTo(m.moveTo) : fr.flagged}
              </span>
            </span>,
            <span key="last">
              {m.lastSyncAt ? formatDateTime(m.lastSyncAt) : fr.neverSynced}
              {m.lastSuccessAt && !m.lastError && (
                <span className="fr-text--xs octo-muted" style={{ display: 'block' }}>
                  {fr.created(m.lastSyncCreated)}
                </span>
              )}
            </span>,
            <MailboxState key="state" mailbox={m} />,
            <span key="actions" className="octo-nowrap">
              <Button size="small" iconId="fr-icon-refresh-line" title={fr.syncTitle(m.name)} disabled={sync.isPending} onClick={() => sync.mutate(m.id)} className="fr-mr-1w">
                {fr.sync}
              </Button>
              <Button size="small" priority="secondary" onClick={() => toggle.mutate(m)} className="fr-mr-1w">
                {m.active ? fr.deactivate : fr.activate}
              </Button>
              <Button
                size="small"
                priority="tertiary"
                iconId="fr-icon-delete-line"
                onClick={() => {
                  if (window.confirm(fr.removeConfirm(m.name))) remove.mutate(m.id);
                }}
              >
                {fr.remove}
              </Button>
            </span>,
          ])}
        />
      )}
      <AddMailboxForm onAdded={setAdded} />
      <GatewayAddresses />
    </>
  );
}
