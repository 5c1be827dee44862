import { fr } from './fr.ts';

export function Loading({ label = fr.loading }: { label?: string }) {
  return (
    <p role="status" aria-live="polite" className="fr-text--sm fr-my-2w">
      <span className="fr-icon-refresh-line fr-icon--sm fr-mr-1w" aria-hidden="true" />
      {label}
    </p>
  );
}
