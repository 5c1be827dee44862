import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { OutboxStatus } from './api.ts';

const SEVERITY = { sent: 'success', failed: 'error', waiting: 'warning', retrying: 'warning', queued: 'info' } as const;

export function OutboxStatusBadge({ status, label }: { status: OutboxStatus; label: string }) {
  return <Badge small severity={SEVERITY[status]} noIcon={false}>{label}</Badge>;
}
