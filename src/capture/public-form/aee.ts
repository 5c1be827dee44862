// The accusé d'enregistrement électronique (CRPA L112-11, R112-11-2): sent at once, it states the
// date of receipt and the registration number, and announces the ARE and its latest date.
import { formatDateFr, type IsoDate } from '../../registry/deadlines/index.ts';
import type { RefusedAttachment } from '../composed-intake.service.ts';

export interface AeeFacts {
  entityName: string;
  chrono: string;
  receivedAt: Date;
  requesterName: string;
  requestTypeName: string;
  subject: string;
  acceptedFiles: string[];
  refusedFiles: RefusedAttachment[];
  areDueDate: IsoDate;
}

const CRPA = 'du code des relations entre le public et l’administration';

/** « lundi 2 mars 2026 à 10 h 15 », Paris time. */
export function parisDateTimeFr(at: Date): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const iso = `${get('year')}-${get('month')}-${get('day')}` as IsoDate;
  return { date: formatDateFr(iso), time: `${get('hour')} h ${get('minute')}` };
}

export function buildAee(facts: AeeFacts): { subject: string; text: string } {
  const received = parisDateTimeFr(facts.receivedAt);
  const lines = [
    `Bonjour ${facts.requesterName},`,
    '',
    `${facts.entityName} a bien reçu votre envoi par voie électronique. Le présent message en est l’accusé d’enregistrement électronique (article L112-11 ${CRPA}).`,
    '',
    `- Numéro d’enregistrement : ${facts.chrono}`,
    `- Date de réception : ${received.date} à ${received.time} (heure de Paris)`,
    `- Destinataire : ${facts.entityName}`,
    `- Type de demande : ${facts.requestTypeName}`,
    `- Objet : ${facts.subject}`,
    `- Pièces jointes reçues : ${facts.acceptedFiles.length ? facts.acceptedFiles.join(', ') : 'aucune'}`,
    ...(facts.refusedFiles.length
      ? [`- Pièces jointes non lisibles, conservées mais à renvoyer sous une autre forme : ${facts.refusedFiles.map((f) => `${f.filename} (${f.reason})`).join(' ; ')}`]
      : []),
    '',
    `Un accusé de réception électronique vous sera adressé au plus tard le ${formatDateFr(facts.areDueDate)}, dans les dix jours ouvrés suivant la réception (article R112-11-2 ${CRPA}). Il indiquera le service chargé de votre demande et ses coordonnées et, si votre demande peut faire naître une décision implicite, la date et la nature de cette décision ainsi que les voies de recours ou le droit d’en obtenir l’attestation.`,
    '',
    `La date de réception indiquée ci-dessus fait foi (article L112-13 ${CRPA}). Votre envoi n’a pas à être confirmé ni renouvelé sous une autre forme (article L112-8).`,
    '',
    `Rappelez le numéro ${facts.chrono} dans toute correspondance. Ce message est envoyé automatiquement : merci de ne pas y répondre.`,
    '',
    facts.entityName,
  ];
  return { subject: `Accusé d’enregistrement électronique de votre demande n° ${facts.chrono}`, text: lines.join('\n') };
}
