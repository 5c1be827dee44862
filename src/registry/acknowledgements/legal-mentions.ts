// The mandatory block of an AR, built from facts only — no template can remove it (see
// ack-templates.ts). CRPA R112-5 (paper AR), R112-11-1 (electronic AR), L114-5 and R112-11-4
// (incomplete request), L232-3 (attestation of an implicit acceptance); legal-rules.md A4, A10,
// A11, A12, A14, A15.
import { addDelay, describeDelayFr, formatDateFr, type IsoDate } from '../deadlines/index.ts';
import type { AckBlock, RequiredMention } from './ack-document.ts';
import { appealRoutes, type AppealCourt } from './appeal-routes.ts';

export interface ServiceContactFacts {
  name: string;
  entityName: string;
  addressLines: string[];
  postcode: string;
  city: string;
  email: string | null;
  phone: string;
}

export interface AckFacts {
  entityName: string;
  requestType: { code: string; name: string; regime: 'sva' | 'svr' | 'none'; delay: string | null; legalBasis: string };
  /** Receipt of the request (by the first administration when it was transferred). */
  receivedOn: IsoDate;
  /** Receipt by this entity after a transfer (L114-2), with the first one's name. */
  transfer: { receivedHereOn: IsoDate; from: string } | null;
  /** Birth of the implicit decision (null while an acceptance awaits the missing items). */
  implicitDecisionDate: IsoDate | null;
  incomplete: { missingItems: string[]; requestedOn: IsoDate; dueDate: IsoDate } | null;
  service: ServiceContactFacts;
  court: AppealCourt;
}

export interface AckMentions {
  receivedOn: IsoDate;
  decisionKind: 'acceptance' | 'rejection' | null;
  /** The date stated in the AR: the birth of the implicit decision; for an acceptance awaiting
   *  missing items, the latest birth date if they arrive by the due date. */
  implicitDecisionDate: IsoDate | null;
  implicitDecisionDateIsConditional: boolean;
  service: { name: string; postalAddress: string[]; email: string | null; phone: string };
  appealRoutes: { court: string; lastDay: IsoDate } | null;
  attestationRight: boolean;
  incomplete: { missingItems: string[]; dueDate: IsoDate; effect: 'acceptance_delay_starts_on_receipt' | 'rejection_delay_suspended' | 'instruction_waits' } | null;
}

const CRPA = 'du code des relations entre le public et l’administration';

export function postalLines(service: ServiceContactFacts): string[] {
  return [...service.addressLines, `${service.postcode} ${service.city}`];
}

/** The mandatory block (before the contact block), the contact block, the mentions and their proofs. */
export function buildLegalMentions(facts: AckFacts): { blocks: AckBlock[]; contact: AckBlock[]; mentions: AckMentions; required: RequiredMention[] } {
  const { regime } = facts.requestType;
  const delay = facts.requestType.delay ?? '2m';
  const delayFr = describeDelayFr(delay);
  const received = formatDateFr(facts.receivedOn);
  const blocks: AckBlock[] = [{ type: 'heading', text: `Informations sur votre demande (article R112-5 ${CRPA})` }];
  const required: RequiredMention[] = [{ label: 'la date de réception de la demande', needle: `Date de réception de votre demande : ${received}` }];

  blocks.push({
    type: 'paragraph',
    text: facts.transfer
      ? `Date de réception de votre demande : ${received}, par ${facts.transfer.from}, qui l’a transmise à ${facts.entityName} (article L114-2 ${CRPA}), où elle a été reçue le ${formatDateFr(facts.transfer.receivedHereOn)}.`
      : `Date de réception de votre demande : ${received}.`,
  });

  let decisionDate = facts.implicitDecisionDate;
  let conditional = false;
  const awaiting = regime === 'sva' && !decisionDate && facts.incomplete;
  if (regime === 'none') {
    blocks.push({ type: 'paragraph', text: 'Décision : votre demande ne peut pas donner lieu à une décision implicite ; elle appellera une réponse expresse.' });
  } else if (awaiting) {
    decisionDate = addDelay(facts.incomplete!.dueDate, delay);
    conditional = true;
    blocks.push({
      type: 'paragraph',
      text: `Décision implicite d’acceptation : le silence gardé pendant ${delayFr} vaut acceptation (${facts.requestType.legalBasis.replace(/\s*:.*$/, '')}). Votre dossier étant incomplet, ce délai ne courra qu’à compter de la réception de l’ensemble des pièces et informations manquantes indiquées ci-dessous. Si elles nous parviennent au plus tard le ${formatDateFr(facts.incomplete!.dueDate)}, votre demande sera réputée acceptée au plus tard le ${formatDateFr(decisionDate)}, en l’absence de réponse expresse.`,
    });
    required.push({ label: 'la nature de la décision implicite', needle: 'réputée acceptée' });
  } else if (decisionDate) {
    const accepted = regime === 'sva';
    blocks.push({
      type: 'paragraph',
      text: `Décision implicite ${accepted ? 'd’acceptation' : 'de rejet'} : en l’absence de réponse expresse, votre demande sera réputée ${accepted ? 'acceptée' : 'rejetée'} le ${formatDateFr(decisionDate)}${facts.incomplete && !accepted ? ' (au plus tard, compte tenu de la suspension indiquée ci-dessous)' : ''}. Le silence gardé par l’administration pendant ${delayFr} vaut ${accepted ? 'acceptation' : 'rejet'} (${facts.requestType.legalBasis.replace(/\s*:.*$/, '')}).`,
    });
    required.push({ label: 'la nature de la décision implicite', needle: `réputée ${accepted ? 'acceptée' : 'rejetée'}` });
  }
  if (regime !== 'none') {
    if (!decisionDate) throw new Error('implicit decision date missing');
    required.push({ label: 'la date de la décision implicite', needle: formatDateFr(decisionDate) });
  }

  let appeal: AckMentions['appealRoutes'] = null;
  if (regime === 'sva') {
    blocks.push(
      { type: 'heading', text: 'Attestation de décision implicite d’acceptation' },
      {
        type: 'paragraph',
        text: `Lorsque votre demande aura été acceptée implicitement, vous pourrez obtenir, sur simple demande adressée au service indiqué ci-dessous, une attestation de cette acceptation (article L232-3 ${CRPA}).`,
      },
    );
    required.push({ label: 'le droit à l’attestation d’acceptation implicite (L232-3)', needle: 'attestation de cette acceptation (article L232-3' });
  } else if (regime === 'svr') {
    const routes = appealRoutes({ requestTypeCode: facts.requestType.code, entityName: facts.entityName, court: facts.court, decisionDate: decisionDate! });
    blocks.push(...routes.blocks);
    required.push(...routes.required);
    appeal = { court: facts.court.name, lastDay: routes.lastDay };
  }

  let incomplete: AckMentions['incomplete'] = null;
  if (facts.incomplete) {
    const { missingItems, requestedOn, dueDate } = facts.incomplete;
    const due = formatDateFr(dueDate);
    const effect = regime === 'sva' ? 'acceptance_delay_starts_on_receipt' : regime === 'svr' ? 'rejection_delay_suspended' : 'instruction_waits';
    blocks.push(
      { type: 'heading', text: `Pièces et informations manquantes (article L114-5 ${CRPA})` },
      { type: 'paragraph', text: `Votre demande est incomplète. Pour que nous puissions l’instruire, merci de nous faire parvenir, au plus tard le ${due}, les pièces et informations suivantes :` },
      ...missingItems.map((item) => ({ type: 'bullet' as const, text: item })),
      {
        type: 'paragraph',
        text:
          effect === 'acceptance_delay_starts_on_receipt'
            ? `Effet sur le délai : le délai de ${delayFr} au terme duquel votre demande sera réputée acceptée ne court qu’à compter de la réception de ces pièces et informations. Tant qu’elles ne nous sont pas parvenues, aucune décision implicite d’acceptation ne peut naître.`
            : effect === 'rejection_delay_suspended'
              ? `Effet sur le délai : le délai au terme duquel votre demande sera réputée rejetée est suspendu à compter du ${formatDateFr(requestedOn)}, pendant le délai qui vous est imparti, soit jusqu’au ${due} au plus tard ; la production de ces pièces et informations avant cette date met fin à la suspension, et la date de la décision implicite est avancée d’autant.`
              : 'Effet : l’instruction de votre demande reprendra à la réception de ces pièces et informations.',
      },
    );
    required.push(
      ...missingItems.map((item) => ({ label: `la pièce manquante « ${item} »`, needle: item })),
      { label: 'le délai imparti pour produire les pièces manquantes', needle: `au plus tard le ${due}, les pièces` },
      { label: 'l’effet sur les délais (L114-5)', needle: 'Effet sur le délai' },
    );
    if (regime === 'none') required.pop();
    incomplete = { missingItems, dueDate, effect };
  }

  const service = facts.service;
  const postal = postalLines(service);
  const contact: AckBlock[] = [
    { type: 'heading', text: 'Service chargé de votre dossier' },
    {
      type: 'paragraph',
      text: [
        `${service.name} — ${service.entityName}`,
        `Adresse postale : ${postal.join(', ')}`,
        ...(service.email ? [`Courriel : ${service.email}`] : []),
        `Téléphone : ${service.phone}`,
      ].join('\n'),
    },
  ];
  required.push(
    { label: 'la désignation du service chargé du dossier', needle: service.name },
    { label: 'l’adresse postale du service', needle: `Adresse postale : ${postal.join(', ')}` },
    { label: 'le téléphone du service', needle: `Téléphone : ${service.phone}` },
    ...(service.email ? [{ label: 'le courriel du service', needle: `Courriel : ${service.email}` }] : []),
  );

  return {
    blocks,
    contact,
    required,
    mentions: {
      receivedOn: facts.receivedOn,
      decisionKind: regime === 'sva' ? 'acceptance' : regime === 'svr' ? 'rejection' : null,
      implicitDecisionDate: decisionDate,
      implicitDecisionDateIsConditional: conditional,
      service: { name: service.name, postalAddress: postal, email: service.email, phone: service.phone },
      appealRoutes: appeal,
      attestationRight: regime === 'sva',
      incomplete,
    },
  };
}
