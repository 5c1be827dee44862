import cityHall from '@codegouvfr/react-dsfr/dsfr/artwork/pictograms/buildings/city-hall.svg';
import school from '@codegouvfr/react-dsfr/dsfr/artwork/pictograms/buildings/school.svg';
import environment from '@codegouvfr/react-dsfr/dsfr/artwork/pictograms/environment/environment.svg';
import hospital from '@codegouvfr/react-dsfr/dsfr/artwork/pictograms/health/hospital.svg';
import money from '@codegouvfr/react-dsfr/dsfr/artwork/pictograms/institutions/money.svg';

/** DSFR pictogram for an entity, chosen from its code prefix. */
export function entityPictogram(code: string): string {
  if (code.startsWith('ARS')) return hospital;
  if (code.startsWith('DREAL')) return environment;
  if (code.startsWith('DRFIP')) return money;
  if (code.startsWith('AC-')) return school;
  return cityHall;
}
