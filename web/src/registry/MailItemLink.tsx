import { Link } from 'react-router';

export function mailItemPath(entityCode: string, chrono: string): string {
  return `/e/${encodeURIComponent(entityCode)}/courriers/${encodeURIComponent(chrono)}`;
}

export function MailItemLink({ entityCode, chrono }: { entityCode: string; chrono: string }) {
  return (
    <Link to={mailItemPath(entityCode, chrono)} className="fr-link octo-nowrap">
      {chrono}
    </Link>
  );
}
