import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { Outlet } from 'react-router';
import { fr } from './fr.ts';

/** The frame of the public pages: no sign-in, no agent navigation. */
export function PublicLayout() {
  return (
    <>
      <SkipLinks links={[{ label: 'Contenu', anchor: '#contenu' }, { label: 'Pied de page', anchor: '#footer' }]} />
      <Header
        brandTop={<>République<br />Française</>}
        homeLinkProps={{ to: '#contenu', title: `${fr.serviceTitle} — accueil` }}
        serviceTitle={fr.serviceTitle}
        serviceTagline={fr.serviceTagline}
      />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-4w" style={{ minHeight: '60vh' }}>
        <Outlet />
      </main>
      <Footer id="footer" accessibility="non compliant" contentDescription={fr.serviceTagline} />
    </>
  );
}
