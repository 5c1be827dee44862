import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { Outlet, useMatch } from 'react-router';
import { AppFooter } from './AppFooter.tsx';
import { AppHeader } from './AppHeader.tsx';
import { DemoNotice } from './DemoNotice.tsx';
import { EntityProvider } from './EntityContext.tsx';
import { fr } from './fr.ts';

/** Page frame: DSFR header and footer, demo notice; the current entity comes from /e/:entityCode. */
export function Layout() {
  const match = useMatch({ path: '/e/:entityCode', end: false });
  return (
    <EntityProvider code={match?.params.entityCode ?? null}>
      <SkipLinks links={[{ label: fr.skipToContent, anchor: '#contenu' }, { label: fr.skipToFooter, anchor: '#footer' }]} />
      <AppHeader />
      <DemoNotice />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-4w" style={{ minHeight: '60vh' }}>
        <Outlet />
      </main>
      <AppFooter />
    </EntityProvider>
  );
}
