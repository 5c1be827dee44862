import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { formatDateTime } from '../platform/format.ts';
import { Loading } from '../platform/Loading.tsx';
import { QueryError } from '../platform/QueryError.tsx';
import { usePageTitle } from '../platform/usePageTitle.ts';
import { useOutbox, usePendingReceipts, useRetryMessage } from './api.ts';
import { fr } from './fr.ts';
import { OutboxStatusBadge } from './StatusTag.tsx';

/** The entity's outgoing e-mails and the electronic receipts still to send (admin view). */
export function OutboxPage() {
  const { code } = useEntity();
  const outbox = useOutbox(code);
  const receipts = usePendingReceipts(code);
  const retry = useRetryMessage(code);
  usePageTitle(fr.pageTitle);
  const itemLink = (chrono: string | null) => (chrono ? <Link to={`/e/${encodeURIComponent(code)}/courriers/${encodeURIComponent(chrono)}`}>{chrono}</Link> : '—');
  return (
    <>
      <h1>{fr.pageTitle}</h1>
      <p>{fr.lead}</p>
      <h2 className="fr-h4">{fr.receiptsTitle}</h2>
      <p className="fr-text--sm">{fr.receiptsLead}</p>
      {receipts.isPending && <Loading />}
      {receipts.isError && <QueryError error={receipts.error} onRetry={() => void receipts.refetch()} />}
      {receipts.data && receipts.data.receipts.length === 0 && <p>{fr.receiptsEmpty}</p>}
      {receipts.data && receipts.data.receipts.length > 0 && (
        <Table
          headers={[fr.receiptColumns.chrono, fr.receiptColumns.due, fr.receiptColumns.reason]}
          data={receipts.data.receipts.map((r) => [itemLink(r.chrono), <>{r.dueDate ?? '—'} {r.late && <strong>({fr.late})</strong>}</>, r.reason ?? ''])}
        />
      )}
      <h2 className="fr-h4 fr-mt-4w">{fr.pageTitle}</h2>
      {outbox.data && <p className="fr-text--sm">{fr.sender(outbox.data.sender)}</p>}
      {outbox.data && !outbox.data.relayConfigured && <Alert severity="warning" small description={fr.noRelay} className="fr-mb-2w" />}
      {retry.isError && <Alert severity="error" small description={errorMessage(retry.error)} className="fr-mb-2w" />}
      {outbox.isPending && <Loading />}
      {outbox.isError && <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.data && outbox.data.messages.length === 0 && <p>{fr.empty}</p>}
      {outbox.data && outbox.data.messages.length > 0 && (
        <Table
          headers={Object.values(fr.columns)}
          data={outbox.data.messages.map((m) => [
            formatDateTime(m.createdAt),
            m.kindFr,
            itemLink(m.reference),
            m.to,
            <OutboxStatusBadge key="s" status={m.status} label={m.statusFr} />,
            m.reason ?? m.smtpResponse ?? '',
            m.status === 'failed' || m.status === 'waiting' ? (
              <Button key="r" size="small" priority="secondary" disabled={retry.isPending} onClick={() => retry.mutate(m.id)}>
                {fr.retry}
              </Button>
            ) : (
              ''
            ),
          ])}
        />
      )}
    </>
  );
}
