import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { useEntities } from './api.ts';
import { readStoredEntityCode } from './EntityContext.tsx';
import { entityPictogram } from './entityPictograms.ts';
import { fr } from './fr.ts';
import { Loading } from './Loading.tsx';
import { QueryError } from './QueryError.tsx';
import { usePageTitle } from './usePageTitle.ts';

export function EntityPickerPage() {
  const entities = useEntities();
  const lastUsed = readStoredEntityCode();
  usePageTitle(fr.picker.title);

  return (
    <>
      <h1>{fr.picker.title}</h1>
      <p className="fr-text--lead">{fr.picker.lead}</p>
      {entities.isPending && <Loading />}
      {entities.isError && <QueryError error={entities.error} onRetry={() => void entities.refetch()} />}
      {entities.data?.length === 0 && <p>{fr.picker.empty}</p>}
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list" aria-label={fr.picker.title}>
        {entities.data?.map((entity) => (
          <li key={entity.code} className="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <Tile
              title={entity.name}
              titleAs="h2"
              desc={`${entity.shortName} · ${entity.code}`}
              detail={entity.code === lastUsed ? fr.picker.lastUsed : fr.picker.services(entity.services.length)}
              imageUrl={entityPictogram(entity.code)}
              imageSvg
              linkProps={{ to: `/e/${encodeURIComponent(entity.code)}/courriers` }}
              enlargeLinkOrButton
            />
          </li>
        ))}
      </ul>
    </>
  );
}
