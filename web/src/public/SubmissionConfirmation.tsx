import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';
import type { SubmissionReceipt } from './api.ts';
import { fr } from './fr.ts';

function dateFr(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
}

/** What the requester sees once the request is registered: its number, dates and what comes next. */
export function SubmissionConfirmation({ receipt, onAgain }: { receipt: SubmissionReceipt; onAgain: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const time = new Date(receipt.receivedAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
  return (
    <section aria-labelledby="confirmation-title">
      <h1 id="confirmation-title" ref={heading} tabIndex={-1}>{fr.confirmationTitle}</h1>
      <Alert severity="success" small description={fr.aee(receipt.email, receipt.aeeStatus)} className="fr-mb-3w" />
      <dl className="fr-mb-3w">
        <dt className="fr-text--bold">{fr.chrono}</dt>
        <dd data-testid="chrono" className="fr-text--lead">{receipt.chrono}</dd>
        <dt className="fr-text--bold">{fr.receivedOn}</dt>
        <dd>{receipt.receivedOnFr} à {time}</dd>
        <dt className="fr-text--bold">{fr.recipient}</dt>
        <dd>{receipt.entityName}</dd>
        <dt className="fr-text--bold">{fr.requestTypeDone}</dt>
        <dd>{receipt.requestType}</dd>
        {receipt.attachments.length > 0 && (
          <>
            <dt className="fr-text--bold">{fr.attachmentsDone}</dt>
            <dd>
              <ul>
                {receipt.attachments.map((a) => (
                  <li key={a.filename}>
                    {a.filename}
                    {!a.accepted && ` — ${fr.attachmentRefused} : ${a.reason}`}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {receipt.areDueDate && <p>{fr.are(dateFr(receipt.areDueDate))}</p>}
      <p>{fr.keep}</p>
      <Button priority="secondary" onClick={onAgain}>{fr.again}</Button>
    </section>
  );
}
