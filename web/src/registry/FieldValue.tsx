import type { ExtractedField } from '../api/types.ts';
import { formatPercent } from '../platform/format.ts';
import { fr } from './fr.ts';

/** One extracted value, its confidence, and the excerpt of the document it was read from. */
export function FieldValue({ field }: { field: ExtractedField }) {
  const where = field.page !== null ? ` (${fr.item.page(field.page + 1)})` : '';
  return (
    <li className="fr-mb-1w" title={field.excerpt || undefined}>
      <span className="fr-text--bold">{field.value}</span>{' '}
      <span className="fr-text--xs octo-muted octo-nowrap">
        · {fr.item.confidence} {formatPercent(field.confidence)}
      </span>
      {field.excerpt && (
        <span className="fr-text--xs octo-muted" style={{ display: 'block' }}>
          « {field.excerpt} »{where}
        </span>
      )}
    </li>
  );
}
