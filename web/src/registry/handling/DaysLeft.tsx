import { fr } from './fr.ts';

/** « dans 59 jours », « aujourd’hui », or « dépassée de 3 jours » in red. */
export function DaysLeft({ daysLeft }: { daysLeft: number }) {
  const late = daysLeft < 0;
  return (
    <span className={late ? 'fr-text--bold' : undefined} style={late ? { color: 'var(--text-default-error)' } : undefined}>
      {fr.deadline.relative(daysLeft)}
    </span>
  );
}
