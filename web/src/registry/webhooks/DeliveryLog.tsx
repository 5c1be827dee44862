import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery } from '@tanstack/react-query';
import { fr } from '../../platform/api-tokens/fr.ts';
import { formatDateTime } from '../../platform/format.ts';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { listDeliveries, type WebhookSubscription } from './api.ts';

/** The deliveries of one subscription, refreshed while some are still under way. */
export function DeliveryLog({ code, subscription }: { code: string; subscription: WebhookSubscription }) {
  const deliveries = useQuery({
    queryKey: ['webhook-deliveries', code, subscription.id],
    queryFn: ({ signal }) => listDeliveries(code, subscription.id, signal),
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'pending' || d.status === 'retrying') ? 3000 : false),
  });
  if (deliveries.isPending) return <Loading />;
  if (deliveries.isError) return <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.length === 0) return <p>{fr.deliveries.empty}</p>;
  return (
    <Table
      caption={fr.deliveries.caption(subscription.url)}
      headers={fr.deliveries.columns}
      data={deliveries.data.map((d) => [
        formatDateTime(d.createdAt),
        fr.webhooks.eventLabels[d.eventType] ?? d.eventType,
        fr.deliveries.states[d.status] ?? d.status,
        String(d.attempts),
        [d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : null, d.lastResponse].filter(Boolean).join(' — ') || '—',
      ])}
    />
  );
}
