import { formatDateTime } from '../../platform/format.ts';
import type { HandlingView } from './api.ts';
import { fr } from './fr.ts';

export function HandlingComments({ comments }: { comments: HandlingView['comments'] }) {
  return (
    <section className="fr-mb-2w" aria-labelledby="handling-comments-title">
      <h3 id="handling-comments-title" className="fr-text--md fr-text--bold fr-mb-1w">
        {fr.panel.comments}
      </h3>
      {comments.length === 0 ? (
        <p className="fr-text--sm octo-muted">{fr.panel.noComments}</p>
      ) : (
        <ul className="fr-raw-list" data-testid="handling-comments">
          {comments.map((comment) => (
            <li key={comment.id} className="fr-mb-2w fr-pl-2w" style={{ borderLeft: '2px solid var(--border-default-grey)' }}>
              <p className="fr-mb-0" style={{ whiteSpace: 'pre-wrap' }}>
                {comment.body}
              </p>
              <p className="fr-text--xs fr-mb-0 octo-muted">{fr.panel.commentBy(comment.author, formatDateTime(comment.createdAt))}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
