import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useSearchParams } from 'react-router';
import { useEntity } from '../../platform/EntityContext.tsx';
import { formatDate } from '../../platform/format.ts';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { channelLabels } from '../fr.ts';
import { handlingStatusLabels } from '../handling/fr.ts';
import { statisticsCsvUrl, type EntityStatistics } from './api.ts';
import { CountTable } from './CountTable.tsx';
import { fr } from './fr.ts';
import { KeyFigures } from './KeyFigures.tsx';
import { useEntityStatistics } from './queries.ts';
import { StatisticsPeriodForm } from './StatisticsPeriodForm.tsx';
import './statistics.css';

function Breakdowns({ stats }: { stats: EntityStatistics }) {
  const t = fr.tables;
  return (
    <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
      <CountTable id="stat-by-channel" title={t.byChannel.title} label={t.byChannel.label}
        rows={stats.byChannel.map((r) => ({ key: r.channel, label: channelLabels[r.channel], count: r.count }))} />
      <CountTable id="stat-by-status" title={t.byHandlingStatus.title} label={t.byHandlingStatus.label}
        rows={stats.byHandlingStatus.map((r) => ({ key: r.status, label: handlingStatusLabels[r.status], count: r.count }))} />
      <CountTable id="stat-by-type" title={t.byRequestType.title} label={t.byRequestType.label}
        rows={stats.byRequestType.map((r) => ({ key: r.code ?? '', label: r.code === null ? t.unqualified : (r.name ?? r.code), count: r.count }))} />
      <CountTable id="stat-by-service" title={t.byService.title} label={t.byService.label}
        rows={stats.byService.map((r) => ({ key: r.code ?? '', label: r.code === null ? t.unassigned : (r.name ?? r.code), count: r.count }))} />
      <CountTable id="stat-backlog" title={t.backlog.title} label={t.backlog.label} lead={t.backlog.lead} empty={t.backlog.lead}
        rows={stats.backlog.buckets.map((b) => ({ key: b.key, label: t.bucket(b.minDays, b.maxDays), count: b.count }))} />
    </div>
  );
}

/** « Pilotage »: the steering figures of the entity over a period, and their CSV export. */
export function StatisticsPage() {
  const { code, entity } = useEntity();
  const [searchParams] = useSearchParams();
  const period = { from: searchParams.get('from') || undefined, to: searchParams.get('to') || undefined };
  const stats = useEntityStatistics(code, period);
  usePageTitle(fr.title);

  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: '/' }}
        segments={[{ label: entity?.shortName ?? code, linkProps: { to: `/e/${encodeURIComponent(code)}/courriers` } }]}
        currentPageLabel={fr.title}
      />
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h1 className="fr-col fr-mb-0">{fr.title}</h1>
        {stats.data && (
          <Button
            priority="secondary"
            iconId="fr-icon-download-line"
            title={fr.downloadHint}
            linkProps={{ to: statisticsCsvUrl(code, stats.data.period), reloadDocument: true, download: '' }}
          >
            {fr.download}
          </Button>
        )}
      </div>
      <p>{fr.lead}</p>
      <StatisticsPeriodForm key={stats.data ? `${stats.data.period.from}/${stats.data.period.to}` : 'loading'} shown={stats.data?.period} />
      {stats.isError && <QueryError error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.isPending && <Loading />}
      {stats.data && (
        <div aria-busy={stats.isFetching}>
          <p className="fr-text--sm octo-muted" role="status">
            {fr.period(formatDate(stats.data.period.from), formatDate(stats.data.period.to), formatDate(stats.data.today))}
          </p>
          <KeyFigures stats={stats.data} />
          <Breakdowns stats={stats.data} />
          <section aria-labelledby="stat-definitions-title" className="fr-mb-4w">
            <h2 id="stat-definitions-title" className="fr-h6">
              {fr.definitions.title}
            </h2>
            <ul className="fr-text--sm">
              {fr.definitions.items.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  );
}
