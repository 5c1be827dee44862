import type { SearchResult } from '../api/types.ts';
import { formatDate, formatDateTime } from '../platform/format.ts';
import { ChannelBadge } from './ChannelBadge.tsx';
import { fr } from './fr.ts';
import { MailItemLink } from './MailItemLink.tsx';
import { Snippet } from './Snippet.tsx';
import { StatusBadge } from './StatusBadge.tsx';

export function SearchResultItem({ result }: { result: SearchResult }) {
  const { item } = result;
  return (
    <li className="fr-py-2w" style={{ borderBottom: '1px solid var(--border-default-grey)' }}>
      <h2 className="fr-h6 fr-mb-1v">
        <MailItemLink entityCode={item.entityCode} chrono={item.chrono} />
        <span className="fr-ml-1w">— {item.subject ?? fr.inbox.noSubject}</span>
      </h2>
      <p className="fr-text--sm fr-mb-1v">
        {item.senderName ?? fr.inbox.unknownSender}
        {' · '}
        {fr.item.receivedAt.toLowerCase()} {formatDateTime(item.receivedAt)}
        {item.letterDate && (
          <>
            {' · '}
            {fr.item.letterDate.toLowerCase()} : {formatDate(item.letterDate)}
          </>
        )}{' '}
        <ChannelBadge channel={item.channel} /> <StatusBadge status={item.status} />
      </p>
      <Snippet snippet={result.snippet} />
    </li>
  );
}
