import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { HandlingStatus } from './api.ts';
import { handlingStatusLabels, handlingStatusSeverity } from './fr.ts';

export function HandlingStatusBadge({ status, small = false }: { status: HandlingStatus; small?: boolean }) {
  return (
    <Badge as="span" small={small} severity={handlingStatusSeverity[status]} noIcon>
      {handlingStatusLabels[status] ?? status}
    </Badge>
  );
}
