import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { errorMessage } from '../api/client.ts';
import { fr } from './fr.ts';

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      severity="error"
      title={fr.errorTitle}
      className="fr-mb-4w"
      description={
        <>
          <span>{errorMessage(error)}</span>
          {onRetry && (
            <span className="fr-ml-2w">
              <Button size="small" priority="secondary" onClick={onRetry}>
                {fr.retry}
              </Button>
            </span>
          )}
        </>
      }
    />
  );
}
