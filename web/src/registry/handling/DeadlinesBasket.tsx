import type { DeadlineItem } from './api.ts';
import { DeadlinesTable } from './DeadlinesTable.tsx';
import { fr } from './fr.ts';

export function DeadlinesBasket({ id, title, items, empty }: { id: string; title: string; items: DeadlineItem[]; empty: string }) {
  return (
    <section className="fr-mb-6w" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fr-h4 fr-mb-1w">
        {title}
      </h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <p className="fr-text--sm octo-muted">{fr.deadlines.count(items.length)}</p>
          <DeadlinesTable id={id} items={items} caption={title} />
        </>
      )}
    </section>
  );
}
