import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { errorMessage } from '../api/client.ts';
import { formatDateTime } from '../platform/format.ts';
import { useHandling } from '../registry/handling/queries.ts';
import { useOutbox, useSendByEmail } from './api.ts';
import { fr } from './fr.ts';
import { OutboxStatusBadge } from './StatusTag.tsx';

/** On an item's page: send its AR (or transfer notice) by e-mail, and follow each message sent. */
export function ItemMailPanel({ code, chrono }: { code: string; chrono: string }) {
  const outbox = useOutbox(code, chrono);
  const handling = useHandling(code, chrono);
  const send = useSendByEmail(code, chrono);
  const messages = outbox.data?.messages ?? [];
  // the API's handling view carries the transfer (not yet typed in the web's HandlingView)
  const transferredTo = (handling.data as { transferredToChrono?: string | null } | undefined)?.transferredToChrono;
  return (
    <section className="fr-mb-4w" aria-labelledby="item-mail-title" data-testid="item-mail-panel">
      <h2 id="item-mail-title" className="fr-h5">{fr.itemTitle}</h2>
      {send.isError && <Alert severity="error" small description={errorMessage(send.error)} className="fr-mb-2w" />}
      {send.data && <Alert severity="success" small description={fr.queued(send.data.to)} className="fr-mb-2w" />}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        <li>
          <Button priority="secondary" size="small" iconId="fr-icon-mail-line" disabled={send.isPending} onClick={() => send.mutate('acknowledgement')}>
            {fr.sendAck}
          </Button>
        </li>
        {transferredTo && (
          <li>
            <Button priority="secondary" size="small" iconId="fr-icon-mail-line" disabled={send.isPending} onClick={() => send.mutate('transfer-notice')}>
              {fr.sendTransfer}
            </Button>
          </li>
        )}
      </ul>
      {outbox.isSuccess && messages.length === 0 && <p className="fr-text--sm">{fr.none}</p>}
      {messages.length > 0 && (
        <ul className="fr-text--sm">
          {messages.map((m) => (
            <li key={m.id} className="fr-mb-1w">
              {m.kindFr} — {m.to} — {formatDateTime(m.createdAt)} <OutboxStatusBadge status={m.status} label={m.statusFr} />
              {m.reason && <div className="fr-hint-text">{m.reason}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
