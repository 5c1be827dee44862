import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { fr } from './fr.ts';

export function AppFooter() {
  return (
    <Footer
      id="footer"
      accessibility="non compliant"
      contentDescription={fr.footerDescription}
      license={fr.footerLicense}
      domains={['code.gouv.fr', 'systeme-de-design.gouv.fr']}
    />
  );
}
