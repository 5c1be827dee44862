import type { HandlingView } from './api.ts';
import { formatDelay } from './format.ts';
import { fr, regimeLabels } from './fr.ts';
import { HandlingStatusBadge } from './HandlingStatusBadge.tsx';

/** What the item is (type of request and its legal regime), who handles it, where it stands. */
export function HandlingSummary({ handling }: { handling: HandlingView }) {
  const { requestType } = handling;
  const term = 'fr-text--sm fr-mb-0 octo-muted';
  return (
    <dl className="fr-raw-list fr-mb-2w" data-testid="handling-summary">
      <div className="fr-mb-2w">
        <dt className={term}>{fr.panel.requestType}</dt>
        <dd>
          {requestType ? (
            <>
              <strong>{requestType.name}</strong>
              <br />
              {fr.panel.regime(regimeLabels[requestType.regime], requestType.delay ? formatDelay(requestType.delay) : null)}
              <span className="fr-hint-text">{requestType.legalBasis}</span>
            </>
          ) : (
            <span className="octo-muted">{fr.panel.notQualified}</span>
          )}
        </dd>
      </div>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-sm-4">
          <dt className={term}>{fr.panel.service}</dt>
          <dd>{handling.service?.name ?? <span className="octo-muted">{fr.panel.noService}</span>}</dd>
        </div>
        <div className="fr-col-12 fr-col-sm-4">
          <dt className={term}>{fr.panel.assignee}</dt>
          <dd>{handling.assigneeLabel ?? <span className="octo-muted">{fr.panel.noAssignee}</span>}</dd>
        </div>
        <div className="fr-col-12 fr-col-sm-4">
          <dt className={term}>{fr.panel.status}</dt>
          <dd data-testid="handling-status">
            <HandlingStatusBadge status={handling.handlingStatus} />
            {handling.handlingReason && (
              <span className="fr-text--sm fr-mb-0" style={{ display: 'block' }}>
                {fr.panel.reason} : {handling.handlingReason}
              </span>
            )}
          </dd>
        </div>
      </div>
      <div className="fr-mt-2w">
        <dt className={term}>{fr.panel.copies}</dt>
        <dd>
          {handling.copies.length === 0 ? <span className="octo-muted">{fr.panel.noCopies}</span> : handling.copies.map((c) => c.name).join(', ')}
        </dd>
      </div>
    </dl>
  );
}
