import type { MailItemDetail } from '../api/types.ts';
import { formatDate, formatDateTime } from '../platform/format.ts';
import { ChannelBadge } from './ChannelBadge.tsx';
import { directionLabels, fr } from './fr.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function MailItemHeader({ item }: { item: MailItemDetail }) {
  return (
    <div className="fr-mb-3w">
      <h1 className="fr-mb-1w">{fr.item.title(item.chrono)}</h1>
      <p className="fr-mb-1w">
        <StatusBadge status={item.status} small={false} />
      </p>
      {item.subject && <p className="fr-text--lead fr-mb-1w">{item.subject}</p>}
      <ul className="fr-raw-list fr-text--sm fr-grid-row fr-grid-row--gutters">
        <li className="fr-col-auto">
          {fr.item.receivedAt} <strong>{formatDateTime(item.receivedAt)}</strong>
        </li>
        <li className="fr-col-auto">
          {fr.item.channel} <ChannelBadge channel={item.channel} />
        </li>
        <li className="fr-col-auto">
          {fr.item.direction} <strong>{directionLabels[item.direction]}</strong>
        </li>
        {item.letterDate && (
          <li className="fr-col-auto">
            {fr.item.letterDate} <strong>{formatDate(item.letterDate)}</strong>
          </li>
        )}
        <li className="fr-col-auto">
          {fr.item.pages} <strong>{item.pageCount}</strong>
        </li>
      </ul>
    </div>
  );
}
