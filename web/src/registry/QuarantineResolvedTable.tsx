import { Table } from '@codegouvfr/react-dsfr/Table';
import type { QuarantineEntry } from '../api/types.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { formatDateTime } from '../platform/format.ts';
import { ChannelBadge } from './ChannelBadge.tsx';
import { fr, quarantineStatusLabels } from './fr.ts';
import { MailItemLink } from './MailItemLink.tsx';

export function QuarantineResolvedTable({ entries }: { entries: QuarantineEntry[] }) {
  const { code } = useEntity();
  return (
    <Table
      id="quarantine-resolved"
      caption={fr.quarantine.captionResolved}
      noCaption
      headers={[...fr.quarantine.headersResolved]}
      data={entries.map((entry) => [
        <span key="date" className="octo-nowrap">
          {formatDateTime(entry.createdAt)}
        </span>,
        entry.filename,
        <ChannelBadge key="channel" channel={entry.channel} />,
        entry.message,
        quarantineStatusLabels[entry.status],
        <span key="resolved" className="octo-nowrap">
          {formatDateTime(entry.resolvedAt)}
        </span>,
        entry.resolutionNote ?? '—',
        entry.mailItemChrono ? <MailItemLink key="chrono" entityCode={code} chrono={entry.mailItemChrono} /> : '—',
      ])}
    />
  );
}
