import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useState } from 'react';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { DeadlineNotice } from './DeadlineNotice.tsx';
import { fr } from './fr.ts';
import { HandlingActions } from './HandlingActions.tsx';
import { HandlingComments } from './HandlingComments.tsx';
import { HandlingLinks } from './HandlingLinks.tsx';
import { HandlingSummary } from './HandlingSummary.tsx';
import { useHandling } from './queries.ts';
import { useOptionalEntity } from '../../platform/EntityContext.tsx';

/** « Traitement » of an item: type and legal deadline, service and agent, status, and the actions on them. */
export function HandlingPanel({ code, chrono }: { code: string; chrono: string }) {
  const handling = useHandling(code, chrono);
  // Only the roles that work on mail see the actions (an auditor reads; the server checks anyway).
  const roles = useOptionalEntity()?.entity?.myRoles ?? [];
  const works = roles.some((role) => ['mailroom_agent', 'service_agent', 'head_of_service'].includes(role));
  const [done, setDone] = useState<{ message: string; n: number } | null>(null);

  return (
    <section
      className="fr-p-3w fr-mb-4w"
      style={{ border: '1px solid var(--border-default-grey)' }}
      aria-labelledby="handling-title"
      data-testid="handling-panel"
    >
      <h2 id="handling-title" className="fr-h4">
        {fr.panel.title}
      </h2>
      {handling.isPending && <Loading />}
      {handling.isError && <QueryError error={handling.error} onRetry={() => void handling.refetch()} />}
      {done && (
        <Alert
          key={done.n}
          severity="success"
          small
          closable
          description={done.message}
          onClose={() => setDone(null)}
          className="fr-mb-3w"
        />
      )}
      {handling.data && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className={works ? 'fr-col-12 fr-col-lg-7' : 'fr-col-12'}>
            <DeadlineNotice handling={handling.data} />
            <HandlingSummary handling={handling.data} />
            <HandlingLinks links={handling.data.links} />
            <HandlingComments comments={handling.data.comments} />
          </div>
          {works && (
            <div className="fr-col-12 fr-col-lg-5">
              <HandlingActions
                code={code}
                chrono={chrono}
                handling={handling.data}
                onDone={(message) => setDone((previous) => ({ message, n: (previous?.n ?? 0) + 1 }))}
              />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
