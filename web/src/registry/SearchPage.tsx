import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar';
import { useSearchParams } from 'react-router';
import { useEntity } from '../platform/EntityContext.tsx';
import { Loading } from '../platform/Loading.tsx';
import { QueryError } from '../platform/QueryError.tsx';
import { usePageTitle } from '../platform/usePageTitle.ts';
import { readFilters } from './filters.ts';
import { fr } from './fr.ts';
import { ListPagination } from './ListPagination.tsx';
import { MailFiltersForm } from './MailFiltersForm.tsx';
import { useSearch } from './queries.ts';
import { SearchResultItem } from './SearchResultItem.tsx';

export function SearchPage() {
  const { code } = useEntity();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = (searchParams.get('q') ?? '').trim();
  const filters = readFilters(searchParams);
  const search = useSearch(code, q, filters);
  usePageTitle(q ? `${fr.search.title} ${fr.search.for(q)}` : fr.search.title);

  function onSearch(text: string) {
    const params = new URLSearchParams(searchParams);
    params.set('q', text.trim());
    params.delete('page');
    setSearchParams(params);
  }

  return (
    <>
      <h1>{fr.search.title}</h1>
      <SearchBar
        key={q}
        id="page-search"
        big
        label={fr.search.label}
        defaultValue={q}
        onButtonClick={onSearch}
        className="fr-mb-3w"
      />
      <MailFiltersForm idPrefix="search-filter" />
      {!q && <p>{fr.search.prompt}</p>}
      {q && search.isError && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
      {q && search.isPending && <Loading />}
      {q && search.data && (
        <>
          <p className="fr-text--bold" role="status" id="search-total">
            {fr.search.total(search.data.total)} {fr.search.for(q)}
          </p>
          {search.data.results.length === 0 ? (
            <p>{fr.search.empty}</p>
          ) : (
            <ul className="fr-raw-list" aria-labelledby="search-total">
              {search.data.results.map((result) => (
                <SearchResultItem key={result.item.id} result={result} />
              ))}
            </ul>
          )}
          <ListPagination total={search.data.total} page={search.data.page} pageSize={search.data.pageSize} />
        </>
      )}
    </>
  );
}
