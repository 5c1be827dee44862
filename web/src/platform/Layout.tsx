import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { useRef } from 'react';
import { Outlet, useMatch } from 'react-router';
import { AppFooter } from './AppFooter.tsx';
import { AppHeader } from './AppHeader.tsx';
import { EntityProvider } from './EntityContext.tsx';
import { fr } from './fr.ts';
import { Loading } from './Loading.tsx';
import { QueryError } from './QueryError.tsx';
import { sessionEndedByServer, useSession } from './session/api.ts';
import { SignInPage } from './session/SignInPage.tsx';

/**
 * Page frame: DSFR header and footer; the current entity comes from /e/:entityCode. Signed out,
 * every address shows the sign-in form, and the page asked for once signed in.
 */
export function Layout() {
  const match = useMatch({ path: '/e/:entityCode', end: false });
  const session = useSession();
  const wasSignedIn = useRef(false);
  if (session.data) wasSignedIn.current = true;
  const signedIn = Boolean(session.data);
  return (
    <EntityProvider code={signedIn ? (match?.params.entityCode ?? null) : null}>
      <SkipLinks links={[{ label: fr.skipToContent, anchor: '#contenu' }, { label: fr.skipToFooter, anchor: '#footer' }]} />
      <AppHeader session={session.data ?? null} />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-4w" style={{ minHeight: '60vh' }}>
        {session.isPending && <Loading />}
        {session.isError && <QueryError error={session.error} onRetry={() => void session.refetch()} />}
        {session.data === null && <SignInPage sessionEnded={wasSignedIn.current && sessionEndedByServer()} />}
        {signedIn && <Outlet />}
      </main>
      <AppFooter />
    </EntityProvider>
  );
}
