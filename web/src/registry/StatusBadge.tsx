import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Status } from '../api/types.ts';
import { statusLabels, statusSeverity } from './fr.ts';

export function StatusBadge({ status, small = true }: { status: Status; small?: boolean }) {
  return (
    <Badge as="span" small={small} severity={statusSeverity[status]}>
      {statusLabels[status] ?? status}
    </Badge>
  );
}
