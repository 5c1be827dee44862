import { Button } from '@codegouvfr/react-dsfr/Button';
import { useSearchParams } from 'react-router';
import { useEntity } from '../platform/EntityContext.tsx';
import { Loading } from '../platform/Loading.tsx';
import { QueryError } from '../platform/QueryError.tsx';
import { usePageTitle } from '../platform/usePageTitle.ts';
import { readFilters } from './filters.ts';
import { fr } from './fr.ts';
import { InboxTable } from './InboxTable.tsx';
import { ListPagination } from './ListPagination.tsx';
import { MailFiltersForm } from './MailFiltersForm.tsx';
import { isBusy, useMailItems } from './queries.ts';

export function InboxPage() {
  const { code, entity } = useEntity();
  const [searchParams] = useSearchParams();
  const filters = readFilters(searchParams);
  const list = useMailItems(code, filters);
  usePageTitle(fr.inbox.title);
  const busy = list.data?.items.some(isBusy) ?? false;

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h1 className="fr-col fr-mb-0">{fr.inbox.title}</h1>
        <Button iconId="fr-icon-upload-line" linkProps={{ to: `/e/${encodeURIComponent(code)}/deposer` }}>
          {fr.inbox.upload}
        </Button>
      </div>
      <MailFiltersForm idPrefix="inbox-filter" />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Loading />}
      {list.data && (
        <>
          <p className="fr-text--sm fr-mb-1w" role="status">
            {fr.inbox.total(list.data.total)}
            {busy && <span className="fr-ml-1w octo-muted">— {fr.inbox.refreshing}</span>}
          </p>
          {list.data.items.length === 0 ? (
            <p>{fr.inbox.empty}</p>
          ) : (
            <InboxTable items={list.data.items} caption={fr.inbox.caption(entity?.name ?? code)} />
          )}
          <ListPagination total={list.data.total} page={list.data.page} pageSize={list.data.pageSize} />
        </>
      )}
    </>
  );
}
