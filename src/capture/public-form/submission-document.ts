import { parisDateTimeFr } from './aee.ts';
import type { ValidSubmission } from './submission-validation.ts';

const KIND_FR = { person: 'Particulier', company: 'Entreprise', association: 'Association' } as const;

/** The submission as a text document: what the agent reads and what the search indexes. */
export function renderSubmissionText(entityName: string, requestTypeName: string, receivedAt: Date, s: ValidSubmission, attachmentNames: string[]): string {
  const received = parisDateTimeFr(receivedAt);
  const identity = [
    `Demandeur : ${KIND_FR[s.requesterKind]}`,
    ...(s.organisationName ? [`${s.requesterKind === 'company' ? 'Raison sociale' : 'Association'} : ${s.organisationName}`] : []),
    ...(s.siret ? [`SIRET : ${s.siret}`] : []),
    ...(s.rna ? [`Numéro RNA : ${s.rna}`] : []),
    `Nom : ${s.lastName}`,
    `Prénom : ${s.firstName}`,
    `Adresse postale : ${[...s.addressLines, `${s.postcode} ${s.city}`, ...(s.country ? [s.country] : [])].join(', ')}`,
    `Adresse électronique : ${s.email}`,
    ...(s.phone ? [`Téléphone : ${s.phone}`] : []),
  ];
  return [
    `Saisine par voie électronique — formulaire en ligne de ${entityName}`,
    `Reçue le ${received.date} à ${received.time} (heure de Paris)`,
    '',
    ...identity,
    '',
    `Type de demande : ${requestTypeName}`,
    `Objet : ${s.subject}`,
    '',
    s.message,
    '',
    `Pièces jointes : ${attachmentNames.length ? attachmentNames.join(', ') : 'aucune'}`,
  ].join('\n');
}
