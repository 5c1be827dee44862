import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { fr } from '../../platform/api-tokens/fr.ts';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { createWebhook, listWebhooks, removeWebhook, WEBHOOK_EVENTS } from './api.ts';
import { DeliveryLog } from './DeliveryLog.tsx';

/** The entity's webhook subscriptions: subscribe a URL (secret shown once), read the log, remove. */
export function WebhooksSection({ code }: { code: string }) {
  const queryClient = useQueryClient();
  const subscriptions = useQuery({ queryKey: ['webhooks', code], queryFn: ({ signal }) => listWebhooks(code, signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks', code] });
  const create = useMutation({ mutationFn: (body: Parameters<typeof createWebhook>[1]) => createWebhook(code, body), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: string) => removeWebhook(code, id), onSuccess: refresh });
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['item.registered', 'item.status_changed']);
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (events.length === 0) return setProblem(fr.webhooks.eventsRequired);
    setProblem(null);
    create.mutate({ url: url.trim(), events, description: description.trim() || null }, { onSuccess: () => setUrl('') });
  }

  const error = problem ?? (create.isError ? errorMessage(create.error) : null);
  const shown = subscriptions.data?.find((s) => s.id === logOf);
  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{fr.webhooks.title}</h2>
      {create.data && (
        <Alert severity="success" title={fr.webhooks.created} description={<code data-testid="new-secret">{create.data.secret}</code>} className="fr-mb-3w" />
      )}
      <form onSubmit={onSubmit} className="fr-p-3w fr-mb-3w" style={{ background: 'var(--background-alt-grey)' }}>
        <Input label={fr.webhooks.url} hintText={fr.webhooks.urlHint} nativeInputProps={{ type: 'url', required: true, value: url, onChange: (e) => setUrl(e.target.value) }} />
        <Checkbox
          legend={fr.webhooks.events}
          options={WEBHOOK_EVENTS.map((name) => ({
            label: `${fr.webhooks.eventLabels[name] ?? name} (${name})`,
            nativeInputProps: {
              name: 'events',
              value: name,
              checked: events.includes(name),
              onChange: (e) => setEvents((current) => (e.target.checked ? [...current, name] : current.filter((n) => n !== name))),
            },
          }))}
        />
        <Input label={fr.webhooks.description} nativeInputProps={{ value: description, onChange: (e) => setDescription(e.target.value), maxLength: 300 }} />
        {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
        <Button type="submit" disabled={create.isPending}>{fr.webhooks.create}</Button>
      </form>
      {subscriptions.isPending && <Loading />}
      {subscriptions.isError && <QueryError error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />}
      {remove.isError && <Alert severity="error" small description={errorMessage(remove.error)} className="fr-mb-2w" />}
      {subscriptions.data?.length === 0 && <p>{fr.webhooks.empty}</p>}
      {subscriptions.data && subscriptions.data.length > 0 && (
        <Table
          headers={fr.webhooks.columns}
          data={subscriptions.data.map((s) => [
            <span key="u">{s.url}{s.description ? <><br /><span className="fr-text--xs">{s.description}</span></> : null}</span>,
            s.events.map((name) => fr.webhooks.eventLabels[name] ?? name).join(', '),
            s.active ? fr.webhooks.active : fr.webhooks.removed,
            <span key="a">
              <Button size="small" priority="tertiary" className="fr-mr-1w" onClick={() => setLogOf(logOf === s.id ? null : s.id)}>
                {logOf === s.id ? fr.webhooks.hideLog : fr.webhooks.showLog}
              </Button>
              {s.active && (
                <Button size="small" priority="secondary" onClick={() => window.confirm(fr.webhooks.confirmRemove(s.url)) && remove.mutate(s.id)}>
                  {fr.webhooks.remove}
                </Button>
              )}
            </span>,
          ])}
        />
      )}
      {shown && <DeliveryLog code={code} subscription={shown} />}
    </section>
  );
}
