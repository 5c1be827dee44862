import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { errorMessage } from '../../api/client.ts';
import { formatPercent } from '../../platform/format.ts';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { useRequestTypes } from '../../registry/handling/queries.ts';
import { useServiceName } from '../../registry/handling/serviceTree.ts';
import type { ModelStats } from './api.ts';
import { fr } from './fr.ts';
import { useModelStats, useRetrain } from './queries.ts';

/** The entity's routing model: what it has learnt per service and per type, its threshold; retrain. */
export function ModelStatsPanel({ code }: { code: string }) {
  const stats = useModelStats(code, true);
  const retrain = useRetrain(code);
  const serviceName = useServiceName();
  const types = useRequestTypes(code);
  const typeName = (c: string) => types.data?.find((t) => t.code === c)?.name ?? c;
  const t = fr.rules.model;

  const part = (id: string, title: string, model: ModelStats['service'], name: (c: string) => string) => (
    <div className="fr-col-12 fr-col-md-6" data-testid={id}>
      <h3 className="fr-h6 fr-mb-1w">{title}</h3>
      <p className="fr-text--sm fr-mb-1w">
        {t.examples(model.examples)} — {t.vocabulary(model.vocabulary)}
      </p>
      {model.labels.length === 0 ? (
        <p className="octo-muted">{t.noLabels}</p>
      ) : (
        <Table caption={title} noCaption fixed={false} headers={[...t.headers]} data={model.labels.map((l) => [name(l.label), l.examples])} />
      )}
    </div>
  );

  return (
    <section aria-labelledby="routing-model-title" className="fr-mb-4w">
      <h2 id="routing-model-title" className="fr-h4">
        {t.title}
      </h2>
      {stats.isPending && <Loading />}
      {stats.isError && <QueryError error={stats.error} onRetry={() => void stats.refetch()} />}
      {retrain.isError && <Alert severity="error" small description={errorMessage(retrain.error)} className="fr-mb-2w" />}
      {retrain.isSuccess && <Alert severity="success" small description={t.retrained} className="fr-mb-2w" />}
      {stats.data && (
        <>
          <p>{t.lead(formatPercent(stats.data.threshold), stats.data.minExamples)}</p>
          <div className="fr-grid-row fr-grid-row--gutters">
            {part('routing-model-service', t.service, stats.data.service, serviceName)}
            {part('routing-model-type', t.requestType, stats.data.requestType, typeName)}
          </div>
          <Button priority="secondary" iconId="fr-icon-refresh-line" disabled={retrain.isPending} onClick={() => retrain.mutate()}>
            {t.retrain}
          </Button>
        </>
      )}
    </section>
  );
}
