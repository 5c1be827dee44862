import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { SideMenu } from '@codegouvfr/react-dsfr/SideMenu';
import { useSearchParams } from 'react-router';
import { useEntity } from '../../platform/EntityContext.tsx';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { formatLongDate } from '../handling/format.ts';
import { ListPagination } from '../ListPagination.tsx';
import { BasketFiltersForm } from './BasketFiltersForm.tsx';
import { BasketTable } from './BasketTable.tsx';
import { basketHref, readBasket, readBasketFilters } from './filters.ts';
import { fr } from './fr.ts';
import { useBasketItems, useBaskets } from './queries.ts';

/** « Bannettes »: the agent's baskets with their counts, and the chosen basket's open mail. */
export function BasketsPage() {
  const { code, entity } = useEntity();
  const [searchParams] = useSearchParams();
  const filters = readBasketFilters(searchParams);
  const { page: _page, pageSize: _pageSize, ...countFilters } = filters;
  const baskets = useBaskets(code, countFilters);
  const asked = readBasket(searchParams);
  const available = baskets.data?.baskets ?? [];
  // No basket in the URL: the first the agent has (« à qualifier » for the mailroom, « à traiter » for a service).
  const current = asked ? available.find((b) => b.code === asked) : available[0];
  const items = useBasketItems(code, baskets.data ? current?.code : undefined, filters);
  usePageTitle(current ? `${fr.title} — ${current.label}` : fr.title);
  const filtered = Object.values(countFilters).some(Boolean);

  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: '/' }}
        segments={[{ label: entity?.shortName ?? code, linkProps: { to: `/e/${encodeURIComponent(code)}/courriers` } }]}
        currentPageLabel={fr.title}
      />
      <h1>{fr.title}</h1>
      {baskets.isPending && <Loading />}
      {baskets.isError && <QueryError error={baskets.error} onRetry={() => void baskets.refetch()} />}
      {baskets.data && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-3">
            <SideMenu
              title={fr.menuTitle}
              burgerMenuButtonText={fr.menuButton}
              items={available.map((b) => ({
                text: fr.menuItem(b.label, b.count),
                isActive: b.code === current?.code,
                linkProps: { to: basketHref(code, b.code, searchParams) },
              }))}
            />
          </div>
          <div className="fr-col-12 fr-col-md-9">
            <p>
              {baskets.data.wholeEntity ? fr.leadWholeEntity : fr.leadServices} {fr.today(formatLongDate(baskets.data.today))}
            </p>
            <BasketFiltersForm services={baskets.data.services} requestTypes={baskets.data.requestTypes} />
            {available.length === 0 && <p>{fr.noBasket}</p>}
            {asked && !current && <Alert severity="warning" small description={fr.unknownBasket} className="fr-mb-3w" />}
            {current && (
              <section aria-labelledby="basket-title" data-testid="basket">
                <h2 id="basket-title" className="fr-h4 fr-mb-1w">
                  {current.label}
                </h2>
                {items.isPending && <Loading />}
                {items.isError && <QueryError error={items.error} onRetry={() => void items.refetch()} />}
                {items.data && (
                  <>
                    <p className="fr-text--sm fr-mb-1w" role="status">
                      {fr.total(items.data.total)}
                    </p>
                    {items.data.items.length === 0 ? (
                      <p>{filtered ? fr.emptyFiltered : fr.empty[current.code]}</p>
                    ) : (
                      <BasketTable items={items.data.items} caption={current.label} />
                    )}
                    <ListPagination total={items.data.total} page={items.data.page} pageSize={items.data.pageSize} />
                  </>
                )}
              </section>
            )}
          </div>
        </div>
      )}
    </>
  );
}
