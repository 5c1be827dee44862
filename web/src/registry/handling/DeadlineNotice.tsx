import { formatDate } from '../../platform/format.ts';
import type { HandlingView } from './api.ts';
import { DaysLeft } from './DaysLeft.tsx';
import { formatLongDate } from './format.ts';
import { fr } from './fr.ts';

/** The legal deadline, shown prominently: day of the implicit decision, days left, acknowledgement due. */
export function DeadlineNotice({ handling }: { handling: HandlingView }) {
  const { deadline, ackDueDate } = handling;
  if (!deadline && !ackDueDate) {
    return handling.requestType ? <p className="fr-mb-2w">{fr.deadline.none}</p> : null;
  }
  const late = deadline !== null && deadline.daysLeft < 0;
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
        borderLeft: `4px solid var(${late ? '--border-plain-error' : '--border-plain-blue-france'})`,
        background: 'var(--background-alt-blue-france)',
      }}
    >
      <h3 className="fr-text--sm fr-text--bold fr-mb-1v">
        <span className="fr-icon-time-line fr-icon--sm fr-mr-1v" aria-hidden="true" />
        {fr.deadline.title}
      </h3>
      {deadline && sentence && (
        <p className="fr-text--lead fr-text--bold fr-mb-1v">
          {sentence} — <DaysLeft daysLeft={deadline.daysLeft} />
        </p>
      )}
      {ackDueDate && <p className="fr-mb-0">{fr.deadline.ack(formatDate(ackDueDate))}</p>}
    </div>
  );
}
