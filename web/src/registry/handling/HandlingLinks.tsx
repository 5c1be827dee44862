import { useEntity } from '../../platform/EntityContext.tsx';
import { MailItemLink } from '../MailItemLink.tsx';
import type { HandlingView } from './api.ts';
import { fr, linkLabels } from './fr.ts';

export function HandlingLinks({ links }: { links: HandlingView['links'] }) {
  const { code } = useEntity();
  return (
    <section className="fr-mb-2w" aria-labelledby="handling-links-title">
      <h3 id="handling-links-title" className="fr-text--md fr-text--bold fr-mb-1w">
        {fr.panel.links}
      </h3>
      {links.length === 0 ? (
        <p className="fr-text--sm octo-muted">{fr.panel.noLinks}</p>
      ) : (
        <ul className="fr-raw-list" data-testid="handling-links">
          {links.map((link) => (
            <li key={`${link.direction}-${link.kind}-${link.chrono}`} className="fr-mb-1v">
              {linkLabels[link.kind][link.direction]} <MailItemLink entityCode={code} chrono={link.chrono} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
