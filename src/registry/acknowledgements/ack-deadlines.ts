// The CRPA dates an AR states: receipt, implicit decision, and the L114-5 facts of an incomplete
// request (given with the AR, or recorded on the item by the handling service).
import { OctoError } from '../../platform/errors.ts';
import { addDelay, compareIsoDates, computeCrpaDeadlines, daysBetween, formatDateFr, normalizeIsoDate, parisDateOf, type IsoDate } from '../deadlines/index.ts';
import type { RegistryMailItemTable, RegistryRequestTypeTable } from '../tables.ts';

export interface IncompleteInput {
  missingItems: string[];
  /** Last day to send the missing items (YYYY-MM-DD), after the AR's date. */
  dueDate: string;
}

/** The incomplete-request and transfer columns an item may carry (registry handling). */
export type ItemHistory = Partial<Pick<RegistryMailItemTable, 'incomplete_requested_on' | 'incomplete_missing_items' | 'incomplete_time_limit' | 'completed_on' | 'first_received_on' | 'transferred_from'>>;

function validIncomplete(input: IncompleteInput, today: IsoDate) {
  const missingItems = input.missingItems.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (missingItems.length === 0 || missingItems.length > 30 || missingItems.some((s) => s.length > 300)) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'bad missing items', { detailFr: 'Indiquez de 1 à 30 pièces manquantes, de 300 caractères au plus chacune.' });
  }
  const dueDate = normalizeIsoDate(input.dueDate);
  if (compareIsoDates(dueDate, today) <= 0) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'due date not after today', {
      detailFr: `La date limite de production des pièces (${dueDate}) doit être postérieure à la date de l’accusé de réception (${today}).`,
    });
  }
  if (daysBetween(today, dueDate) > 366) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'due date too far', {
      detailFr: `La date limite de production des pièces (${dueDate}) est à plus d’un an de la date de l’accusé de réception : vérifiez-la.`,
    });
  }
  return { missingItems, dueDate };
}

/** The CRPA dates stated in the AR, with the incomplete-request facts (given now, or recorded). */
export function ackDeadlines(item: RegistryMailItemTable & ItemHistory, type: RegistryRequestTypeTable, today: IsoDate, given: IncompleteInput | null | undefined) {
  const receivedHere = parisDateOf(new Date(item.received_at));
  const firstReceivedOn = item.first_received_on ?? null;
  let incomplete: { missingItems: string[]; requestedOn: IsoDate; dueDate: IsoDate } | null = null;
  let crpaIncomplete: { requestedOn: IsoDate; timeLimit?: string; completedOn?: IsoDate } | null = null;
  if (given) {
    const { missingItems, dueDate } = validIncomplete(given, today);
    const requestedOn = compareIsoDates(today, receivedHere) < 0 ? receivedHere : today;
    incomplete = { missingItems, requestedOn, dueDate };
    crpaIncomplete = { requestedOn, timeLimit: `${daysBetween(requestedOn, dueDate)}d` };
  } else if (item.incomplete_requested_on) {
    const timeLimit = item.incomplete_time_limit ?? undefined;
    crpaIncomplete = { requestedOn: item.incomplete_requested_on, timeLimit, completedOn: item.completed_on ?? undefined };
    if (!item.completed_on && timeLimit) {
      const missingItems = JSON.parse(item.incomplete_missing_items ?? '[]') as string[];
      incomplete = { missingItems, requestedOn: item.incomplete_requested_on, dueDate: addDelay(item.incomplete_requested_on, timeLimit) };
    }
  }
  const crpaInput = {
    // L114-2: a rejection delay runs from the first receipt, an acceptance delay from receipt here.
    receivedOn: firstReceivedOn ?? receivedHere,
    competentReceivedOn: firstReceivedOn ? receivedHere : null,
    regime: type.regime,
    delay: type.delay ?? undefined,
  };
  const deadlines = computeCrpaDeadlines({ ...crpaInput, incomplete: crpaIncomplete });
  if (given) {
    // L114-5 cannot undo a decision already born: missing items are asked for before it.
    const born = computeCrpaDeadlines(crpaInput).implicitDecisionDate;
    if (born && compareIsoDates(incomplete!.requestedOn, born) > 0) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', 'implicit decision already born', {
        detailFr: `La décision implicite est née le ${formatDateFr(born)} : des pièces manquantes ne peuvent plus être demandées avec effet sur le délai (article L114-5).`,
      });
    }
  }
  return { receivedHere, firstReceivedOn, deadlines, incomplete };
}
