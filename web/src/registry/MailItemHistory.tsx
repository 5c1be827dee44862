import { formatDateTime } from '../platform/format.ts';
import { fr } from './fr.ts';
import { useMailItemHistory } from './queries.ts';

/** Who did what to the item, from the hash-chained audit log. */
export function MailItemHistory({ code, chrono, busy, status }: { code: string; chrono: string; busy: boolean; status: string }) {
  const history = useMailItemHistory(code, chrono, busy, status);
  const events = history.data?.events ?? [];
  return (
    <section className="fr-mt-4w" aria-labelledby="item-history-title">
      <h2 id="item-history-title" className="fr-h5">
        {fr.item.historyTitle}
      </h2>
      {history.isSuccess && events.length === 0 && <p>{fr.item.historyEmpty}</p>}
      <ol className="fr-pl-0" style={{ listStyle: 'none' }}>
        {events.map((event) => (
          <li key={event.seq} className="fr-mb-2v">
            <span className="fr-text--bold">{fr.item.historyActions[event.action] ?? event.action}</span>
            <br />
            <span className="fr-text--sm fr-mb-0">
              {formatDateTime(event.occurredAt)} — {event.actorLabel ?? event.actorType}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
