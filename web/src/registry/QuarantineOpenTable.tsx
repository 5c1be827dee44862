import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { QuarantineEntry } from '../api/types.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { formatDateTime, formatSize } from '../platform/format.ts';
import { fileUrls } from './api.ts';
import { ChannelBadge } from './ChannelBadge.tsx';
import { fr } from './fr.ts';
import { MailItemLink } from './MailItemLink.tsx';

const WITHHELD_CODES = new Set(['CAPTURE_VIRUS_FOUND', 'CAPTURE_ANTIVIRUS_UNAVAILABLE']);
const WITHHELD_TEXT = 'Téléchargement bloqué (antivirus)';

export function QuarantineOpenTable({
  entries,
  onDismiss,
}: {
  entries: QuarantineEntry[];
  onDismiss: (entry: QuarantineEntry) => void;
}) {
  const { code } = useEntity();
  return (
    <Table
      id="quarantine-open"
      caption={fr.quarantine.captionOpen}
      noCaption
      headers={[...fr.quarantine.headersOpen]}
      data={entries.map((entry) => [
        <span key="date" className="octo-nowrap">
          {formatDateTime(entry.createdAt)}
        </span>,
        <span key="file">
          {entry.filename}
          <span className="fr-text--xs octo-muted" style={{ display: 'block' }}>
            {formatSize(entry.sizeBytes)}
          </span>
        </span>,
        <ChannelBadge key="channel" channel={entry.channel} />,
        entry.message,
        <code key="code">{entry.code}</code>,
        entry.mailItemChrono ? <MailItemLink key="chrono" entityCode={code} chrono={entry.mailItemChrono} /> : '—',
        <span key="actions" className="octo-nowrap">
          {/* An infected or not yet scanned file is never served (the API refuses it too). */}
          {WITHHELD_CODES.has(entry.code) ? (
            <span className="fr-text--xs octo-muted fr-mr-1w">{WITHHELD_TEXT}</span>
          ) : (
          <Button
            size="small"
            priority="tertiary"
            iconId="fr-icon-download-line"
            title={fr.quarantine.downloadTitle(entry.filename)}
            linkProps={{ to: fileUrls.quarantineOriginal(code, entry.id), reloadDocument: true, download: entry.filename }}
            className="fr-mr-1w"
          >
            {fr.quarantine.download}
          </Button>
          )}
          <Button
            size="small"
            priority="secondary"
            iconId="fr-icon-delete-line"
            title={fr.quarantine.dismissTitle(entry.filename)}
            onClick={() => onDismiss(entry)}
          >
            {fr.quarantine.dismiss}
          </Button>
        </span>,
      ])}
    />
  );
}
