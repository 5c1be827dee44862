import { formatDate } from '../../platform/format.ts';
import type { HandlingView } from './api.ts';
import { DaysLeft } from './DaysLeft.tsx';
import { formatLongDate } from './format.ts';
import { fr, handlingStatusLabels } from './fr.ts';

/** The legal deadline, shown prominently: day of the implicit decision, days left, acknowledgement due. */
export function DeadlineNotice({ handling }: { handling: HandlingView }) {
  const { deadline, ackDueDate } = handling;
  if (!deadline && !ackDueDate) {
    return handling.requestType ? <p className="fr-mb-2w">{fr.deadline.none}</p> : null;
  }
  // Once answered or closed, the deadline is history: shown plainly, without the countdown.
  const settled = handling.handlingStatus === 'answered' || handling.handlingStatus === 'closed' || handling.handlingStatus === 'transferred_out';
  const late = !settled && deadline !== null && deadline.daysLeft < 0;
  const sentence = deadline
    ? (deadline.kind === 'acceptance' ? fr.deadline.acceptance : deadline.kind === 'rejection' ? fr.deadline.rejection : fr.deadline.other)(
        formatLongDate(deadline.date),
      )
    : null;
  return (
    <div
      className="fr-p-2w fr-mb-2w"
      data-testid="handling-deadline"
      style={{
        borderLeft: `4px solid var(${settled ? '--border-default-grey' : late ? '--border-plain-error' : '--border-plain-blue-france'})`,
        background: `var(${settled ? '--background-alt-grey' : '--background-alt-blue-france'})`,
      }}
    >
      <h3 className="fr-text--sm fr-text--bold fr-mb-1v">
        <span className="fr-icon-time-line fr-icon--sm fr-mr-1v" aria-hidden="true" />
        {fr.deadline.title}
      </h3>
      {deadline && sentence && settled && (
        <>
          <p className="fr-mb-1v">{sentence}</p>
          <p className="fr-text--sm fr-mb-0 octo-muted">{fr.deadline.settled(handlingStatusLabels[handling.handlingStatus])}</p>
        </>
      )}
      {deadline && sentence && !settled && (
        <p className="fr-text--lead fr-text--bold fr-mb-1v">
          {sentence} — <DaysLeft daysLeft={deadline.daysLeft} />
        </p>
      )}
      {ackDueDate && !settled && <p className="fr-mb-0">{fr.deadline.ack(formatDate(ackDueDate))}</p>}
    </div>
  );
}
