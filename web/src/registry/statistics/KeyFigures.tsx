import { Tile } from '@codegouvfr/react-dsfr/Tile';
import type { EntityStatistics } from './api.ts';
import { fr } from './fr.ts';

function Figure({ id, title, value, detail }: { id: string; title: string; value: string; detail: string }) {
  return (
    <div className="fr-col-12 fr-col-sm-6 fr-col-lg-3">
      <Tile
        id={id}
        titleAs="h3"
        title={title}
        desc={<span className="octo-stat-figure">{value}</span>}
        detail={detail}
        noIcon
      />
    </div>
  );
}

/** The four key figures, as DSFR tiles: received, answered within the legal delay, median delay, backlog. */
export function KeyFigures({ stats }: { stats: EntityStatistics }) {
  const { legalDelay, processingTime, backlog } = stats;
  const over90 = backlog.buckets.find((b) => b.maxDays === null)?.count ?? 0;
  return (
    <section className="fr-mb-4w" aria-labelledby="stat-key-figures-title" data-testid="statistics-key-figures">
      <h2 id="stat-key-figures-title" className="fr-h4">
        {fr.keyFigures.title}
      </h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <Figure id="stat-figure-received" title={fr.keyFigures.received} value={new Intl.NumberFormat('fr-FR').format(stats.received)} detail={fr.keyFigures.receivedDetail} />
        <Figure
          id="stat-figure-within-delay"
          title={fr.keyFigures.withinDelay}
          value={fr.percent(legalDelay.rate)}
          detail={`${fr.keyFigures.withinDelayDetail(legalDelay.withinDelay, legalDelay.answered)}${fr.keyFigures.openPastDate(legalDelay.openPastDate)}`}
        />
        <Figure
          id="stat-figure-median"
          title={fr.keyFigures.median}
          value={processingTime.medianDays === null ? fr.keyFigures.none : fr.days(processingTime.medianDays)}
          detail={fr.keyFigures.medianDetail(processingTime.count, processingTime.p90Days)}
        />
        <Figure id="stat-figure-backlog" title={fr.keyFigures.backlog} value={new Intl.NumberFormat('fr-FR').format(backlog.total)} detail={fr.keyFigures.backlogDetail(over90)} />
      </div>
    </section>
  );
}
