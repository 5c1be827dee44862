import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { formatDateTime } from '../../platform/format.ts';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useAntivirusStatus, type AntivirusStatus } from './api.ts';
import { fr } from './fr.ts';

function StatusAlert({ status }: { status: AntivirusStatus }) {
  const [severity, title] = !status.configured
    ? (['warning', fr.notConfiguredTitle] as const)
    : status.reachable
      ? (['success', fr.activeTitle] as const)
      : (['error', fr.unreachableTitle] as const);
  return <Alert severity={severity} title={title} description={status.message} className="fr-mb-4w" />;
}

function Details({ status }: { status: AntivirusStatus }) {
  const rows: Array<[string, string]> = [];
  if (status.endpoint) rows.push([fr.endpoint, status.endpoint]);
  if (status.engine) rows.push([fr.engine, status.engine]);
  if (status.reachable) {
    rows.push([fr.signatures, status.signatureVersion ? fr.signatureValue(status.signatureVersion, status.signatureDate) : fr.noOfficialSignatures]);
  }
  rows.push([fr.held, fr.heldValue(status.heldCount)]);
  rows.push([fr.checkedAt, formatDateTime(status.checkedAt)]);
  return (
    <dl id="antivirus-details" className="fr-mb-4w">
      {rows.map(([term, value]) => (
        <div key={term} className="fr-mb-1w">
          <dt className="fr-text--bold">{term}</dt>
          <dd className="fr-ml-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** « Administration > Antivirus »: whether received files are scanned, and by which clamd. */
export function AntivirusPage() {
  usePageTitle(fr.title);
  const status = useAntivirusStatus();
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: '/' }} segments={[{ label: fr.breadcrumbAdmin, linkProps: { to: '/administration' } }]} currentPageLabel={fr.title} />
      <h1>{fr.title}</h1>
      <p className="fr-text--lead">{fr.lead}</p>
      {status.isPending && <Loading />}
      {status.isError && <QueryError error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <>
          <StatusAlert status={status.data} />
          {status.data.warnings.map((warning) => (
            <Alert key={warning} severity="warning" small description={warning} className="fr-mb-2w" />
          ))}
          <Details status={status.data} />
          <Button iconId="fr-icon-refresh-line" priority="secondary" disabled={status.isFetching} onClick={() => void status.refetch()}>
            {fr.recheck}
          </Button>
          <p className="fr-text--sm fr-mt-4w">{fr.howTo}</p>
        </>
      )}
    </>
  );
}
