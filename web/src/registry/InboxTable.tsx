import { Table } from '@codegouvfr/react-dsfr/Table';
import type { MailItemSummary } from '../api/types.ts';
import { formatDateTime } from '../platform/format.ts';
import { ChannelBadge } from './ChannelBadge.tsx';
import { fr } from './fr.ts';
import { MailItemLink } from './MailItemLink.tsx';
import { StatusBadge } from './StatusBadge.tsx';

export function InboxTable({ items, caption }: { items: MailItemSummary[]; caption: string }) {
  return (
    <Table
      id="inbox-table"
      caption={caption}
      noCaption
      fixed={false}
      headers={[...fr.inbox.headers]}
      data={items.map((item) => [
        <MailItemLink key="chrono" entityCode={item.entityCode} chrono={item.chrono} />,
        <span key="date" className="octo-nowrap">
          {formatDateTime(item.receivedAt)}
        </span>,
        item.senderName ?? <span className="octo-muted">{fr.inbox.unknownSender}</span>,
        item.subject ?? <span className="octo-muted">{fr.inbox.noSubject}</span>,
        <ChannelBadge key="channel" channel={item.channel} />,
        <StatusBadge key="status" status={item.status} />,
        item.pageCount,
      ])}
    />
  );
}
