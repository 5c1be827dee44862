import { fr } from './fr.ts';

/** « 40 % » with a bar of that width; the bar is hidden from screen readers (the text says it all). */
export function ShareBar({ count, total }: { count: number; total: number }) {
  const share = total > 0 ? count / total : 0;
  return (
    <span className="octo-nowrap">
      <span className="octo-stat-bar fr-mr-1w" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      {fr.percent(total > 0 ? share : null)}
    </span>
  );
}
