import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { fr } from './fr.ts';

export function DemoNotice() {
  return <Notice id="demo-notice" severity="warning" title={fr.demoTitle} description={fr.demoDescription} />;
}
