import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { AssignForm } from './AssignForm.tsx';
import type { HandlingView } from './api.ts';
import { CommentForm } from './CommentForm.tsx';
import { CopyForm } from './CopyForm.tsx';
import { fr } from './fr.ts';
import { LinkForm } from './LinkForm.tsx';
import { QualifyForm } from './QualifyForm.tsx';
import { StatusForm } from './StatusForm.tsx';
import { TransferForm } from './TransferForm.tsx';

/** The handling actions, one DSFR accordion each. */
export function HandlingActions({
  code,
  chrono,
  handling,
  onDone,
}: {
  code: string;
  chrono: string;
  handling: HandlingView;
  onDone: (message: string) => void;
}) {
  const props = { code, chrono, onDone };
  return (
    <section aria-labelledby="handling-actions-title">
      <h3 id="handling-actions-title" className="fr-text--md fr-text--bold fr-mb-1w">
        {fr.panel.actions}
      </h3>
      <div className="fr-accordions-group">
        <Accordion label={fr.forms.qualify.title} titleAs="h4" defaultExpanded={handling.requestType === null}>
          <QualifyForm {...props} current={handling.requestType?.code ?? null} />
        </Accordion>
        <Accordion label={fr.forms.assign.title} titleAs="h4">
          <AssignForm {...props} />
        </Accordion>
        <Accordion label={fr.forms.copy.title} titleAs="h4">
          <CopyForm {...props} />
        </Accordion>
        <Accordion label={fr.forms.comment.title} titleAs="h4">
          <CommentForm {...props} />
        </Accordion>
        <Accordion label={fr.forms.link.title} titleAs="h4">
          <LinkForm {...props} />
        </Accordion>
        <Accordion label={fr.forms.status.title} titleAs="h4">
          <StatusForm {...props} current={handling.handlingStatus} />
        </Accordion>
        {!['closed', 'answered', 'transferred_out'].includes(handling.handlingStatus ?? '') && (
          <Accordion label="Transmettre à l’entité compétente" titleAs="h4">
            <TransferForm {...props} />
          </Accordion>
        )}
      </div>
    </section>
  );
}
