import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { useSearchParams } from 'react-router';
import { pageCount, withPage } from './filters.ts';

export function ListPagination({ total, page, pageSize }: { total: number; page: number; pageSize: number }) {
  const [searchParams] = useSearchParams();
  const count = pageCount(total, pageSize);
  if (count <= 1) return null;
  return (
    <Pagination
      className="fr-mt-3w"
      count={count}
      defaultPage={Math.min(page, count)}
      showFirstLast
      getPageLinkProps={(n) => ({ to: withPage(searchParams, n) })}
    />
  );
}
