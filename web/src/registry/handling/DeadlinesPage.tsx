import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useEntity } from '../../platform/EntityContext.tsx';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { DeadlinesBasket } from './DeadlinesBasket.tsx';
import { formatLongDate } from './format.ts';
import { fr } from './fr.ts';
import { useDeadlineBaskets } from './queries.ts';

/** « Échéances »: the items whose implicit decision has passed, and those due within 7 days. */
export function DeadlinesPage() {
  const { code, entity } = useEntity();
  const baskets = useDeadlineBaskets(code);
  usePageTitle(fr.deadlines.title);

  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: '/' }}
        segments={[{ label: entity?.shortName ?? code, linkProps: { to: `/e/${encodeURIComponent(code)}/courriers` } }]}
        currentPageLabel={fr.deadlines.title}
      />
      <h1>{fr.deadlines.title}</h1>
      <p>
        {fr.deadlines.lead}
        {baskets.data && <> {fr.deadlines.today(formatLongDate(baskets.data.today))}</>}
      </p>
      {baskets.isPending && <Loading />}
      {baskets.isError && <QueryError error={baskets.error} onRetry={() => void baskets.refetch()} />}
      {baskets.data && (
        <>
          <DeadlinesBasket id="deadlines-late" title={fr.deadlines.late} items={baskets.data.late} empty={fr.deadlines.lateEmpty} />
          <DeadlinesBasket id="deadlines-due-soon" title={fr.deadlines.dueSoon} items={baskets.data.dueSoon} empty={fr.deadlines.dueSoonEmpty} />
        </>
      )}
    </>
  );
}
