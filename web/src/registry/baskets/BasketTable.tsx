import { Table } from '@codegouvfr/react-dsfr/Table';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { fr as registryFr } from '../fr.ts';
import { DaysLeft } from '../handling/DaysLeft.tsx';
import { MailItemLink } from '../MailItemLink.tsx';
import type { BasketItem } from './api.ts';
import { fr } from './fr.ts';

const muted = (text: string) => <span className="octo-muted">{text}</span>;

export function BasketTable({ items, caption }: { items: BasketItem[]; caption: string }) {
  return (
    <Table
      id="basket-table"
      caption={caption}
      noCaption
      fixed={false}
      headers={[...fr.headers]}
      data={items.map((item) => [
        <MailItemLink key="chrono" entityCode={item.entityCode} chrono={item.chrono} />,
        <span key="received" className="octo-nowrap">
          {formatDateTime(item.receivedAt)}
        </span>,
        item.senderName ?? muted(registryFr.inbox.unknownSender),
        item.subject ?? muted(registryFr.inbox.noSubject),
        item.service?.name ?? muted(fr.noService),
        item.requestType?.name ?? muted(fr.noType),
        item.implicitDecisionDate && item.daysLeft !== null ? (
          <span key="deadline">
            <span className="octo-nowrap">{formatDate(item.implicitDecisionDate)}</span>
            <br />
            <DaysLeft daysLeft={item.daysLeft} />
          </span>
        ) : (
          muted(fr.noDeadline)
        ),
      ])}
    />
  );
}
