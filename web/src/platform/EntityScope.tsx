import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link, Outlet } from 'react-router';
import { useEntities } from './api.ts';
import { useEntity } from './EntityContext.tsx';
import { QueryError } from './QueryError.tsx';
import { Loading } from './Loading.tsx';
import { fr } from './fr.ts';

/** Routes under /e/:entityCode render only once the entity is known to exist. */
export function EntityScope() {
  const { code, entity } = useEntity();
  const entities = useEntities();
  if (entities.isError) return <QueryError error={entities.error} onRetry={() => void entities.refetch()} />;
  if (entity === undefined) return <Loading />;
  // An entity where the agent holds no role is, for this agent, an entity without mail to show.
  if (entity === null || entity.myRoles.length === 0) {
    return (
      <>
        <h1>{fr.unknownEntityTitle}</h1>
        <Alert
          severity="error"
          small
          description={
            <>
              {fr.unknownEntity(code)} <Link to="/">{fr.backHome}</Link>
            </>
          }
        />
      </>
    );
  }
  return <Outlet />;
}
