// CRPA deadlines of an incoming request: implicit decision (SVA/SVR), electronic acknowledgements
// (AEE/ARE), incomplete requests (L114-5) and transfers (L114-2). Pure functions: every input is
// explicit (no clock, no database). Rules and sources: /work/shared/reference/legal-rules.md.
//
// Representation chosen for the implicit decision (legal-rules.md B2):
//   `implicitDecisionDate` follows the Conseil d'État convention: a request received on day D
//   of month M gives a decision born on day D of month M + 2, at the end of that day (24:00) —
//   CE, request 23 June 2017 → implicit rejection 23 August 2017. The delay is counted de date à
//   date (B1): it starts the day after receipt; days/weeks are calendar days; a month without
//   that day ends on its last day (31 December + 2 months → 28 or 29 February; B2 "Month end",
//   unconfirmed in a CRPA text, H3). No weekend/holiday shift (B2, H2: none found in any text).
//   `decisionEffectiveFrom` is the next day, the first day the decision can be relied on; it is
//   exactly the date demarches-simplifiees.fr shows ("deposit + 1 day + period", B2), so both
//   conventions are available and agree.

import { OctoError } from '../../platform/errors.ts';
import { addDays, compareIsoDates, daysBetween, minIsoDate, normalizeIsoDate, type IsoDate } from './calendar-date.ts';
import { addDelay, parseDelay, type Delay } from './delay.ts';
import type { CalendarOptions } from './holidays.ts';
import { addWorkingDays } from './working-days.ts';

/** `sva` silence vaut acceptation, `svr` silence vaut rejet, `none` no implicit decision. */
export type Regime = 'sva' | 'svr' | 'none';
export type ImplicitDecisionKind = 'acceptance' | 'rejection';

export const IMPLICIT_DECISION_KIND_FR: Readonly<Record<ImplicitDecisionKind, string>> = {
  acceptance: 'acceptation implicite',
  rejection: 'rejet implicite',
};

export const REGIME_FR: Readonly<Record<Regime, string>> = {
  sva: 'silence vaut acceptation',
  svr: 'silence vaut rejet',
  none: 'pas de décision implicite',
};

/** 2 months: L231-1 (acceptance) and L231-4 (rejection); other delays per procedure (L231-6). */
export const DEFAULT_IMPLICIT_DECISION_DELAY: Delay = { amount: 2, unit: 'm' };
/** AEE at the latest 1 jour ouvré after receipt when not instantaneous (R112-11-2, A9). */
export const AEE_WORKING_DAYS = 1;
/** ARE at the latest 10 jours ouvrés after receipt by the competent administration (R112-11-3, A9). */
export const ARE_WORKING_DAYS = 10;

export function parseRegime(text: string): Regime {
  const value = typeof text === 'string' ? text.trim().toLowerCase() : '';
  if (value === 'sva' || value === 'svr' || value === 'none') return value;
  throw new OctoError('REGISTRY_DEADLINE_INVALID_REGIME', `Invalid regime ${JSON.stringify(text)}`, { value: text });
}

export function implicitDecisionKind(regime: Regime): ImplicitDecisionKind | null {
  return regime === 'sva' ? 'acceptance' : regime === 'svr' ? 'rejection' : null;
}

/**
 * Day the implicit decision is born (at 24:00) for a delay triggered on `startDate` — the
 * receipt, or the receipt of the missing items for an acceptance (B2, see file header).
 * 2023-05-15 + 2m → 2023-07-15; + 30d → 2023-06-14; + 8w → 2023-07-10;
 * 2017-06-23 + 2m → 2017-08-23; 2024-12-31 + 2m → 2025-02-28; 2023-12-31 + 2m → 2024-02-29.
 */
export function implicitDecisionDate(startDate: IsoDate, delay: Delay | string = DEFAULT_IMPLICIT_DECISION_DELAY): IsoDate {
  return addDelay(normalizeIsoDate(startDate), delay);
}

/** AEE due date: 1 working day after receipt (A9, B5). Friday 2025-02-07 → Monday 2025-02-10. */
export function aeeDueDate(receivedOn: IsoDate, options: CalendarOptions = {}): IsoDate {
  return addWorkingDays(normalizeIsoDate(receivedOn), AEE_WORKING_DAYS, options);
}

/**
 * ARE due date: 10 working days after receipt by the competent administration (A9, B5).
 * Friday 2025-02-07 → Friday 2025-02-21.
 */
export function areDueDate(competentReceivedOn: IsoDate, options: CalendarOptions = {}): IsoDate {
  return addWorkingDays(normalizeIsoDate(competentReceivedOn), ARE_WORKING_DAYS, options);
}

/**
 * Calendar days from `today` to `deadline`: 0 on the deadline day itself (an implicit decision
 * is born at the end of that day), negative once it has passed.
 */
export function daysLeft(deadline: IsoDate, today: IsoDate): number {
  return daysBetween(today, deadline);
}

/** The L114-5 facts of an incomplete request (A11, A12). */
export interface IncompleteRequest {
  /** Day the administration asked for the missing items (in the AR, or by letter afterwards). */
  requestedOn: IsoDate;
  /** Time limit given to produce them ("délai imparti"), counted from `requestedOn`: `15d`, `1m`… */
  timeLimit?: Delay | string | null;
  /** Day the missing items were received; absent or null while they are still missing. */
  completedOn?: IsoDate | null;
}

export interface CrpaInput {
  /** Receipt of the request (by the first administration when it was transferred). */
  receivedOn: IsoDate;
  regime: Regime | string;
  /** Default 2 months (L231-1, L231-4). Ignored for `none`. */
  delay?: Delay | string | null;
  /** Receipt by the competent administration after a transfer (L114-2, A13). */
  competentReceivedOn?: IsoDate | null;
  incomplete?: IncompleteRequest | null;
  /** Use the Alsace-Moselle holidays for the AEE/ARE working days. */
  alsaceMoselle?: boolean;
}

export interface Suspension {
  /** First suspended day: the day the missing items were asked for. */
  from: IsoDate;
  /** Last suspended day: the day they arrived, or the end of the time limit if earlier. */
  to: IsoDate;
  /** Calendar days added to the rejection delay (`from` and `to` included). */
  days: number;
}

export interface CrpaDeadlines {
  receivedOn: IsoDate;
  competentReceivedOn: IsoDate | null;
  regime: Regime;
  delay: Delay | null;
  alsaceMoselle: boolean;
  implicitDecisionKind: ImplicitDecisionKind | null;
  /** The event the delay runs from (the delay starts the next day); null when none runs. */
  clockStartEvent: IsoDate | null;
  /** L114-5 suspension of a rejection delay. */
  suspension: Suspension | null;
  /** True when an acceptance cannot be born yet because the missing items have not arrived. */
  awaitingMissingItems: boolean;
  /** Day the implicit decision is born, at 24:00 (CE convention, B2); null for `none` or while awaiting items. */
  implicitDecisionDate: IsoDate | null;
  /** The day after: the decision can be relied on from then (= demarches-simplifiees.fr's date, B2). */
  decisionEffectiveFrom: IsoDate | null;
  /** AEE at the latest (A9): 1 working day after the first receipt. */
  aeeDueDate: IsoDate;
  /** ARE at the latest (A9): 10 working days after receipt by the competent administration. */
  areDueDate: IsoDate;
}

function invalid(detailFr: string, message: string): OctoError {
  return new OctoError('REGISTRY_DEADLINE_INVALID_INPUT', message, { detailFr });
}

/**
 * All the CRPA deadlines of one request.
 *
 * - Implicit decision (A14, A15, B2): `start + delay`, de date à date, born at 24:00, no
 *   weekend/holiday shift; month without that day → last day of the month (B2, H3).
 * - Transfer (L114-2, A13): a **rejection** delay runs from the first receipt (`receivedOn`),
 *   an **acceptance** delay from the receipt by the competent administration
 *   (`competentReceivedOn`). The ARE delay also runs from the competent receipt (R112-11-3,
 *   A9); the AEE acknowledges the send where it arrived, so it runs from `receivedOn`.
 * - Incomplete request (L114-5, A11/A12), when the items were asked for before the decision was
 *   born (a later request cannot undo a decision already born):
 *   - acceptance: the delay runs, in full, only from the receipt of the missing items
 *     (`completedOn + delay`); while they are missing there is no implicit acceptance date;
 *   - rejection: the delay is suspended during the time limit given; producing the items
 *     before its end ends the suspension. Suspended days run from the day of the request to
 *     the day the items arrived (or the last day of the time limit), both included — the
 *     clock starts again the next day — and the decision date moves by that many calendar
 *     days (the time still to run is unchanged). This inclusive count is the one
 *     demarches-simplifiees.fr applies (B2: correction 20→25 May 2023 → 22 July 2023).
 */
export function computeCrpaDeadlines(input: CrpaInput): CrpaDeadlines {
  const regime = parseRegime(input.regime);
  const options: CalendarOptions = { alsaceMoselle: input.alsaceMoselle === true };
  const receivedOn = normalizeIsoDate(input.receivedOn);
  const competentReceivedOn = input.competentReceivedOn ? normalizeIsoDate(input.competentReceivedOn) : null;
  if (competentReceivedOn && compareIsoDates(competentReceivedOn, receivedOn) < 0) {
    throw invalid(
      'la réception par l’administration compétente ne peut pas précéder la première réception.',
      'competentReceivedOn is before receivedOn',
    );
  }
  const delay = regime === 'none' ? null : parseDelay(input.delay ?? DEFAULT_IMPLICIT_DECISION_DELAY);
  const incomplete = normalizeIncomplete(input.incomplete, competentReceivedOn ?? receivedOn);

  const result: CrpaDeadlines = {
    receivedOn,
    competentReceivedOn,
    regime,
    delay,
    alsaceMoselle: options.alsaceMoselle === true,
    implicitDecisionKind: implicitDecisionKind(regime),
    clockStartEvent: null,
    suspension: null,
    awaitingMissingItems: false,
    implicitDecisionDate: null,
    decisionEffectiveFrom: null,
    aeeDueDate: aeeDueDate(receivedOn, options),
    areDueDate: areDueDate(competentReceivedOn ?? receivedOn, options),
  };
  if (!delay) return result;

  if (regime === 'sva') {
    const start = competentReceivedOn ?? receivedOn;
    let decision: IsoDate | null = addDelay(start, delay);
    result.clockStartEvent = start;
    if (incomplete && compareIsoDates(incomplete.requestedOn, decision) <= 0) {
      if (incomplete.completedOn) {
        result.clockStartEvent = incomplete.completedOn;
        decision = addDelay(incomplete.completedOn, delay);
      } else {
        result.clockStartEvent = null;
        result.awaitingMissingItems = true;
        decision = null;
      }
    }
    result.implicitDecisionDate = decision;
  } else {
    let decision = addDelay(receivedOn, delay);
    result.clockStartEvent = receivedOn;
    if (incomplete && compareIsoDates(incomplete.requestedOn, decision) <= 0) {
      const limitEnd = incomplete.timeLimit ? addDelay(incomplete.requestedOn, incomplete.timeLimit) : null;
      let to: IsoDate;
      if (incomplete.completedOn) to = limitEnd ? minIsoDate(incomplete.completedOn, limitEnd) : incomplete.completedOn;
      else if (limitEnd) to = limitEnd;
      else {
        throw invalid(
          'pour suspendre un délai de rejet, indiquez la date de réception des pièces ou le délai imparti pour les produire.',
          'svr suspension needs completedOn or timeLimit',
        );
      }
      const days = daysBetween(incomplete.requestedOn, to) + 1;
      result.suspension = { from: incomplete.requestedOn, to, days };
      result.awaitingMissingItems = !incomplete.completedOn;
      decision = addDays(decision, days);
    }
    result.implicitDecisionDate = decision;
  }
  result.decisionEffectiveFrom = result.implicitDecisionDate ? addDays(result.implicitDecisionDate, 1) : null;
  return result;
}

function normalizeIncomplete(
  incomplete: IncompleteRequest | null | undefined,
  earliest: IsoDate,
): { requestedOn: IsoDate; timeLimit: Delay | null; completedOn: IsoDate | null } | null {
  if (!incomplete) return null;
  const requestedOn = normalizeIsoDate(incomplete.requestedOn);
  if (compareIsoDates(requestedOn, earliest) < 0) {
    throw invalid(
      'les pièces manquantes ne peuvent pas être demandées avant la réception de la demande.',
      'requestedOn is before the receipt',
    );
  }
  const completedOn = incomplete.completedOn ? normalizeIsoDate(incomplete.completedOn) : null;
  if (completedOn && compareIsoDates(completedOn, requestedOn) < 0) {
    throw invalid(
      'les pièces ne peuvent pas être reçues avant d’avoir été demandées.',
      'completedOn is before requestedOn',
    );
  }
  return { requestedOn, timeLimit: incomplete.timeLimit ? parseDelay(incomplete.timeLimit) : null, completedOn };
}

export interface CompletionInput extends IncompleteRequest {
  receivedOn: IsoDate;
  regime: Regime | string;
  delay?: Delay | string | null;
  competentReceivedOn?: IsoDate | null;
  alsaceMoselle?: boolean;
}

/**
 * Deadlines of an incomplete request (L114-5; A11, A12): an acceptance delay starts only when
 * the missing items arrive (`completedOn + delay`, null while they are missing); a rejection
 * delay is suspended from `requestedOn` to `completedOn` (or to the end of `timeLimit` when the
 * items come later or not at all), both days included. See computeCrpaDeadlines.
 */
export function deadlineAfterCompletion(input: CompletionInput): CrpaDeadlines {
  const { requestedOn, timeLimit, completedOn, ...rest } = input;
  return computeCrpaDeadlines({ ...rest, incomplete: { requestedOn, timeLimit, completedOn } });
}

export interface TransferInput {
  /** Receipt by the first (incompetent) administration. */
  firstReceivedOn: IsoDate;
  /** Receipt by the competent administration. */
  competentReceivedOn: IsoDate;
  regime: Regime | string;
  delay?: Delay | string | null;
  incomplete?: IncompleteRequest | null;
  alsaceMoselle?: boolean;
}

/**
 * Deadlines of a transferred request (L114-2; A13): the rejection delay keeps the first receipt,
 * the acceptance delay and the ARE run from the receipt by the competent administration.
 */
export function deadlineAfterTransfer(input: TransferInput): CrpaDeadlines {
  const { firstReceivedOn, ...rest } = input;
  return computeCrpaDeadlines({ ...rest, receivedOn: firstReceivedOn });
}
