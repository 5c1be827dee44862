import { Table } from '@codegouvfr/react-dsfr/Table';
import { formatDateTime } from '../../platform/format.ts';
import { fr as registryFr } from '../fr.ts';
import { MailItemLink } from '../MailItemLink.tsx';
import type { DeadlineItem } from './api.ts';
import { DaysLeft } from './DaysLeft.tsx';
import { formatLongDate } from './format.ts';
import { fr } from './fr.ts';

export function DeadlinesTable({ id, items, caption }: { id: string; items: DeadlineItem[]; caption: string }) {
  return (
    <Table
      id={id}
      caption={caption}
      noCaption
      fixed={false}
      headers={[...fr.deadlines.headers]}
      data={items.map((item) => [
        <MailItemLink key="chrono" entityCode={item.entityCode} chrono={item.chrono} />,
        <span key="received" className="octo-nowrap">
          {formatDateTime(item.receivedAt)}
        </span>,
        item.senderName ?? <span className="octo-muted">{registryFr.inbox.unknownSender}</span>,
        item.subject ?? <span className="octo-muted">{registryFr.inbox.noSubject}</span>,
        <span key="date" className="octo-nowrap">
          {formatLongDate(item.implicitDecisionDate)}
        </span>,
        <DaysLeft key="days" daysLeft={item.daysLeft} />,
      ])}
    />
  );
}
