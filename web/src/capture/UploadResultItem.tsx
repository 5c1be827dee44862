import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link } from 'react-router';
import type { UploadResult } from '../api/types.ts';
import { fr } from './fr.ts';

export function UploadResultItem({ code, result }: { code: string; result: UploadResult }) {
  const base = `/e/${encodeURIComponent(code)}`;
  if (result.item) {
    return (
      <Alert
        severity="success"
        small
        className="fr-mb-2w"
        description={
          <>
            <strong>{result.filename}</strong> — {fr.registeredAs}{' '}
            <Link to={`${base}/courriers/${encodeURIComponent(result.item.chrono)}`} className="fr-link" data-chrono={result.item.chrono}>
              {result.item.chrono}
            </Link>
          </>
        }
      />
    );
  }
  return (
    <Alert
      severity="error"
      className="fr-mb-2w"
      as="h3"
      title={`${result.filename} — ${fr.quarantined}`}
      description={
        <>
          {result.quarantine?.message ?? fr.unknownResult}{' '}
          {result.quarantine && (
            <Link to={`${base}/quarantaine`} className="fr-link">
              {fr.seeQuarantine}
            </Link>
          )}
        </>
      }
    />
  );
}
