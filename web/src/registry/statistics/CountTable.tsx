import { Table } from '@codegouvfr/react-dsfr/Table';
import { fr } from './fr.ts';
import { ShareBar } from './ShareBar.tsx';

export interface CountTableRow {
  key: string;
  label: string;
  count: number;
}

/** One breakdown of the items: label, count and share of the total, in a section of its own. */
export function CountTable({ id, title, label, rows, lead, empty = fr.tables.empty }: { id: string; title: string; label: string; rows: CountTableRow[]; lead?: string; empty?: string }) {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <section className="fr-col-12 fr-col-lg-6" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`} className="fr-h5 fr-mb-1w">
        {title}
      </h2>
      {lead && <p className="fr-text--sm octo-muted fr-mb-1w">{lead}</p>}
      {total === 0 ? (
        <p>{empty}</p>
      ) : (
        <Table
          id={id}
          caption={title}
          noCaption
          fixed={false}
          bordered
          headers={[label, fr.tables.count, fr.tables.share]}
          data={rows.map((row) => [
            row.label,
            <span key="count" className="fr-text--bold">
              {new Intl.NumberFormat('fr-FR').format(row.count)}
            </span>,
            <ShareBar key="share" count={row.count} total={total} />,
          ])}
        />
      )}
    </section>
  );
}
