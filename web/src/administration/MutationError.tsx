import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ApiError, errorMessage } from '../api/client.ts';
import { fr } from './fr.ts';

/** The API's French refusal; a password refused by the policy lists every rule it breaks. */
export function MutationError({ error }: { error: unknown }) {
  const messages = error instanceof ApiError && error.code === 'AUTH_PASSWORD_POLICY' ? error.details?.messages : undefined;
  if (Array.isArray(messages) && messages.length > 0) {
    return (
      <Alert
        severity="error"
        small
        className="fr-mb-2w"
        description={
          <>
            <span>{fr.agents.add.policyTitle}</span>
            <ul data-testid="password-policy-errors">
              {messages.map((message) => (
                <li key={String(message)}>{String(message)}</li>
              ))}
            </ul>
          </>
        }
      />
    );
  }
  return <Alert severity="error" small description={errorMessage(error)} className="fr-mb-2w" />;
}
