import { Button } from '@codegouvfr/react-dsfr/Button';
import { fr } from './fr.ts';

export function PageNavigation({
  page,
  count,
  onChange,
}: {
  page: number;
  count: number;
  onChange: (page: number) => void;
}) {
  return (
    <nav aria-label={fr.item.pageNavigation} className="fr-grid-row fr-grid-row--middle fr-my-2w">
      <Button
        priority="secondary"
        size="small"
        iconId="fr-icon-arrow-left-s-line"
        disabled={page <= 1}
        onClick={() => onChange(page - 1)}
      >
        {fr.item.previousPage}
      </Button>
      <p className="fr-mx-2w fr-mb-0" aria-live="polite">
        {fr.item.pageOf(page, count)}
      </p>
      <Button
        priority="secondary"
        size="small"
        iconId="fr-icon-arrow-right-s-line"
        iconPosition="right"
        disabled={page >= count}
        onClick={() => onChange(page + 1)}
      >
        {fr.item.nextPage}
      </Button>
    </nav>
  );
}
