// Voies et délais de recours against an implicit rejection, as an AR must state them (CRPA R112-5,
// L112-6; legal-rules.md A4, A5, A15, B3). The contentious delay is 2 months (CJA R421-1), a délai
// franc extended to the next working day (appealDeadline). The competent court is the tribunal
// administratif of the seat of the authority that decides (CJA R312-1): Lyon for the whole pilot.
import { appealDeadline, formatDateFr, type IsoDate } from '../deadlines/index.ts';
import type { AckBlock, RequiredMention } from './ack-document.ts';

export interface AppealCourt {
  name: string;
  address: string;
}

export const TRIBUNAL_ADMINISTRATIF_DE_LYON: AppealCourt = {
  name: 'tribunal administratif de Lyon',
  address: '184 rue Duguesclin, 69433 Lyon Cedex 03',
};

/** Court by entity code; entities outside Lyon add theirs here until it becomes entity data. */
const COURT_BY_ENTITY: Record<string, AppealCourt> = {
  PREF69: TRIBUNAL_ADMINISTRATIF_DE_LYON,
  'ARS-ARA': TRIBUNAL_ADMINISTRATIF_DE_LYON,
  'DREAL-ARA': TRIBUNAL_ADMINISTRATIF_DE_LYON,
  'DRFIP-ARA': TRIBUNAL_ADMINISTRATIF_DE_LYON,
  'AC-LYON': TRIBUNAL_ADMINISTRATIF_DE_LYON,
};

export function appealCourtOf(entityCode: string): AppealCourt {
  return COURT_BY_ENTITY[entityCode] ?? TRIBUNAL_ADMINISTRATIF_DE_LYON;
}

const TELERECOURS = 'Le tribunal peut être saisi par l’application « Télérecours citoyens », accessible sur le site www.telerecours.fr.';
const CRPA = 'du code des relations entre le public et l’administration';

export interface AppealRoutes {
  blocks: AckBlock[];
  required: RequiredMention[];
  /** Last day of the 2-month delay counted from the implicit rejection (délai franc, extended). */
  lastDay: IsoDate;
}

/** The routes open against the implicit rejection born on `decisionDate`, by request type. */
export function appealRoutes(input: { requestTypeCode: string; entityName: string; court: AppealCourt; decisionDate: IsoDate }): AppealRoutes {
  const { court, entityName } = input;
  const lastDay = appealDeadline(input.decisionDate).lastDay;
  const last = formatDateFr(lastDay);
  const courtText = `${court.name} (${court.address})`;
  const blocks: AckBlock[] = [
    { type: 'heading', text: 'Voies et délais de recours contre la décision implicite de rejet' },
    { type: 'paragraph', text: `À compter de la naissance de la décision implicite de rejet, le ${formatDateFr(input.decisionDate)}, vous pourrez la contester :` },
  ];
  if (input.requestTypeCode === 'ACCES-DOCUMENTS') {
    blocks.push(
      { type: 'bullet', text: `en saisissant d’abord la Commission d’accès aux documents administratifs (CADA, TSA 50730, 75334 Paris Cedex 07, www.cada.fr) dans un délai de deux mois, soit au plus tard le ${last} : cette saisine est un préalable obligatoire à tout recours contentieux (articles L342-1 et R343-1 ${CRPA}) ;` },
      { type: 'bullet', text: `puis, si le refus est confirmé (le silence gardé pendant deux mois à compter de l’enregistrement de votre demande par la commission vaut confirmation du refus, article R343-5), par un recours contentieux devant le ${courtText}, dans un délai de deux mois. ${TELERECOURS}` },
    );
  } else if (input.requestTypeCode === 'RECOURS') {
    blocks.push(
      { type: 'bullet', text: `par un recours contentieux devant le ${courtText}, dans un délai de deux mois, soit au plus tard le ${last}. ${TELERECOURS}` },
      { type: 'paragraph', text: 'Votre demande étant elle-même un recours administratif, un nouveau recours gracieux ou hiérarchique ne prorogerait pas ce délai.' },
    );
  } else {
    blocks.push(
      { type: 'bullet', text: `par un recours gracieux adressé à ${entityName}, ou par un recours hiérarchique adressé au ministre compétent, dans un délai de deux mois ; le silence gardé pendant deux mois sur ce recours vaut décision de rejet ;` },
      { type: 'bullet', text: `par un recours contentieux devant le ${courtText}, dans un délai de deux mois, soit au plus tard le ${last} ; si vous avez formé un recours gracieux ou hiérarchique dans ce délai, le délai de recours contentieux court à nouveau à compter de la décision prise sur ce recours. ${TELERECOURS}` },
    );
  }
  blocks.push({
    type: 'paragraph',
    text: `Vous pouvez demander, dans le délai de recours contentieux, la communication des motifs de la décision implicite de rejet : ils vous seront communiqués dans le mois qui suit votre demande, et le délai de recours sera alors prorogé jusqu’à l’expiration de deux mois suivant le jour où ils vous auront été communiqués (article L232-4 ${CRPA}).`,
  });
  return {
    blocks,
    lastDay,
    required: [
      { label: 'les voies de recours (recours contentieux)', needle: 'recours contentieux' },
      { label: 'la juridiction compétente', needle: court.name },
      { label: 'le délai de recours', needle: `au plus tard le ${last}` },
      { label: 'la saisine par Télérecours citoyens', needle: 'Télérecours citoyens' },
    ],
  };
}
