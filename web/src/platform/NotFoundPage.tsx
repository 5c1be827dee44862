import { Link } from 'react-router';
import { fr } from './fr.ts';

export function NotFoundPage() {
  return (
    <>
      <h1>{fr.notFoundTitle}</h1>
      <p>{fr.notFoundText}</p>
      <Link to="/" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        {fr.backHome}
      </Link>
    </>
  );
}
