import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { fr } from './fr.ts';

export function ItemWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert
      severity="warning"
      title={fr.item.warningsTitle}
      as="h2"
      className="fr-mb-3w"
      description={
        <ul>
          {warnings.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      }
    />
  );
}
