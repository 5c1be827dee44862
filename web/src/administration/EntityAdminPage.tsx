import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Link } from 'react-router';
import { useEntities } from '../platform/api.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { fr as platformFr } from '../platform/fr.ts';
import { Loading } from '../platform/Loading.tsx';
import { QueryError } from '../platform/QueryError.tsx';
import { useSession } from '../platform/session/api.ts';
import { usePageTitle } from '../platform/usePageTitle.ts';
import type { EntityService } from '../registry/handling/serviceTree.ts';
import { AbsencesSection } from './AbsencesSection.tsx';
import { AgentsSection } from './AgentsSection.tsx';
import { fr } from './fr.ts';
import { ServicesSection } from './ServicesSection.tsx';

/**
 * /e/:entityCode/administration — for the entity's admins (and platform admins, whom the API
 * lets administer any entity). Anyone else gets an explicit refusal; the API refuses them too.
 */
export function EntityAdminPage() {
  usePageTitle(fr.entity.title);
  const { code, entity } = useEntity();
  const entities = useEntities();
  const session = useSession();
  if (entities.isError) return <QueryError error={entities.error} onRetry={() => void entities.refetch()} />;
  if (entity === undefined || !session.data) return <Loading />;
  if (entity === null) {
    return (
      <>
        <h1>{platformFr.unknownEntityTitle}</h1>
        <Alert severity="error" small description={<>{platformFr.unknownEntity(code)} <Link to="/">{platformFr.backHome}</Link></>} />
      </>
    );
  }
  if (!entity.myRoles.includes('entity_admin') && !session.data.principal.isPlatformAdmin) {
    return (
      <>
        <h1>{fr.entity.refusedTitle}</h1>
        <Alert severity="error" small description={<>{fr.entity.refused(code)} <Link to="/">{platformFr.backHome}</Link></>} />
      </>
    );
  }
  const services = entity.services as EntityService[];
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: '/' }} segments={[{ label: fr.hub.title, linkProps: { to: '/administration' } }]} currentPageLabel={entity.shortName || entity.name} />
      <h1>{fr.entity.title}</h1>
      <p className="fr-text--lead">{entity.name}</p>
      <nav aria-label={fr.entity.title} className="fr-mb-4w">
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
          {(['agents', 'absences', 'services'] as const).map((section) => (
            <li key={section}>
              <a className="fr-btn fr-btn--tertiary" href={`#admin-${section}`}>
                {fr.entity.sections[section]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <AgentsSection code={entity.code} services={new Map(services.map((s) => [s.code, s.name]))} />
      <AbsencesSection code={entity.code} />
      <ServicesSection code={entity.code} services={services} />
    </>
  );
}
