import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { useEntities } from './api.ts';
import { readStoredEntityCode } from './EntityContext.tsx';
import { entityPictogram } from './entityPictograms.ts';
import { fr } from './fr.ts';
import { Loading } from './Loading.tsx';
import { QueryError } from './QueryError.tsx';
import { usePageTitle } from './usePageTitle.ts';
import { fr as sessionFr } from './session/fr.ts';

/** Where an entity's tile leads: its mail, or its administration for an agent who only administers it. */
function entityHome(code: string, roles: string[]): string {
  const onlyAdministers = roles.length > 0 && roles.every((role) => role === 'entity_admin');
  return `/e/${encodeURIComponent(code)}/${onlyAdministers ? 'administration' : 'courriers'}`;
}

export function EntityPickerPage() {
  const all = useEntities();
  const entities = { ...all, data: all.data?.filter((entity) => entity.myRoles.length > 0) };
  const lastUsed = readStoredEntityCode();
  usePageTitle(fr.picker.title);

  return (
    <>
      <h1>{fr.picker.title}</h1>
      <p className="fr-text--lead">{fr.picker.lead}</p>
      {entities.isPending && <Loading />}
      {entities.isError && <QueryError error={entities.error} onRetry={() => void all.refetch()} />}
      {entities.data?.length === 0 && <p>{fr.picker.empty}</p>}
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list" aria-label={fr.picker.title}>
        {entities.data?.map((entity) => (
          <li key={entity.code} className="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <Tile
              title={entity.name}
              titleAs="h2"
              desc={`${entity.shortName} · ${entity.code}`}
              detail={[entity.myRoles.map((role) => sessionFr.roles[role] ?? role).join(', '), entity.code === lastUsed ? fr.picker.lastUsed : null].filter(Boolean).join(' · ')}
              imageUrl={entityPictogram(entity.code)}
              imageSvg
              linkProps={{ to: entityHome(entity.code, entity.myRoles) }}
              enlargeLinkOrButton
            />
          </li>
        ))}
      </ul>
    </>
  );
}
