import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { useState, type FormEvent } from 'react';
import { useEntities } from '../platform/api.ts';
import { QueryError } from '../platform/QueryError.tsx';
import { useSession } from '../platform/session/api.ts';
import { usePageTitle } from '../platform/usePageTitle.ts';
import { useCreateEntity } from './api.ts';
import { fr } from './fr.ts';
import { MutationError } from './MutationError.tsx';

function NewEntityForm() {
  const create = useCreateEntity();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    create.mutate(
      { code, name, ...(shortName.trim() ? { shortName } : {}) },
      {
        onSuccess: (entity) => {
          setNotice(fr.newEntity.done(entity.name, entity.code));
          setCode('');
          setName('');
          setShortName('');
        },
      },
    );
  }

  return (
    <section aria-labelledby="new-entity" className="fr-mt-6w">
      <h2 id="new-entity">{fr.newEntity.title}</h2>
      <p className="fr-hint-text">{fr.newEntity.lead}</p>
      {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" />}
      <form onSubmit={onSubmit} aria-label={fr.newEntity.title}>
        <Input label={fr.newEntity.code} hintText={fr.newEntity.codeHint} nativeInputProps={{ id: 'entity-code', value: code, required: true, maxLength: 40, onChange: (e) => setCode(e.target.value) }} />
        <Input label={fr.newEntity.name} nativeInputProps={{ id: 'entity-name', value: name, required: true, maxLength: 200, onChange: (e) => setName(e.target.value) }} />
        <Input label={fr.newEntity.shortName} nativeInputProps={{ id: 'entity-short-name', value: shortName, maxLength: 60, onChange: (e) => setShortName(e.target.value) }} />
        {create.isError && <MutationError error={create.error} />}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? fr.submitting : fr.newEntity.submit}
        </Button>
      </form>
    </section>
  );
}

/** /administration: what the signed-in agent may administer (antivirus status, their entities, new entities for platform admins). */
export function AdministrationHubPage() {
  usePageTitle(fr.hub.title);
  const session = useSession();
  const entities = useEntities();
  const isPlatformAdmin = session.data?.principal.isPlatformAdmin ?? false;
  const administered = (entities.data ?? []).filter((e) => isPlatformAdmin || e.myRoles.includes('entity_admin'));
  return (
    <>
      <h1>{fr.hub.title}</h1>
      <p className="fr-text--lead">{fr.hub.lead}</p>
      {entities.isError && <QueryError error={entities.error} onRetry={() => void entities.refetch()} />}
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
        <li className="fr-col-12 fr-col-md-4">
          <Tile title={fr.hub.antivirus} desc={fr.hub.antivirusDesc} linkProps={{ to: '/administration/antivirus' }} orientation="vertical" />
        </li>
        {administered.map((entity) => (
          <li key={entity.code} className="fr-col-12 fr-col-md-4">
            <Tile
              title={fr.hub.entityAdmin(entity.shortName || entity.name)}
              desc={fr.hub.entityAdminDesc}
              linkProps={{ to: `/e/${encodeURIComponent(entity.code)}/administration` }}
              orientation="vertical"
            />
          </li>
        ))}
      </ul>
      {isPlatformAdmin && <NewEntityForm />}
    </>
  );
}
