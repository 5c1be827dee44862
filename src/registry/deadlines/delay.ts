// The delay syntax of a procedure's configuration: `2m` (months), `30d` (days), `8w` (weeks).
// Adding a delay to a day counts "de date à date" (legal-rules.md B1/B2): the day of the event
// does not count, the delay starts the next day and ends at the end of the day bearing the same
// date (same quantième for months, last day of the month when that quantième does not exist).

import { OctoError } from '../../platform/errors.ts';
import { addDays, addMonths, type IsoDate } from './calendar-date.ts';

export type DelayUnit = 'd' | 'w' | 'm';

export interface Delay {
  amount: number;
  unit: DelayUnit;
}

const DELAY = /^([1-9]\d{0,3})\s*([dwm])$/;

/** Parses `2m`, `30d`, `8w` (case and surrounding spaces ignored); throws REGISTRY_DEADLINE_INVALID_DELAY. */
export function parseDelay(text: string | Delay): Delay {
  if (typeof text === 'object' && text !== null) return validateDelay(text);
  const match = typeof text === 'string' ? DELAY.exec(text.trim().toLowerCase()) : null;
  if (!match) throw new OctoError('REGISTRY_DEADLINE_INVALID_DELAY', `Invalid delay ${JSON.stringify(text)}`, { value: text });
  return { amount: Number(match[1]), unit: match[2] as DelayUnit };
}

function validateDelay(delay: Delay): Delay {
  if (!Number.isInteger(delay.amount) || delay.amount < 1 || delay.amount > 9999 || !['d', 'w', 'm'].includes(delay.unit)) {
    throw new OctoError('REGISTRY_DEADLINE_INVALID_DELAY', `Invalid delay ${JSON.stringify(delay)}`, { value: delay });
  }
  return { amount: delay.amount, unit: delay.unit };
}

/** `{ amount: 2, unit: 'm' }` → `2m`. */
export function formatDelay(delay: Delay): string {
  const { amount, unit } = validateDelay(delay);
  return `${amount}${unit}`;
}

/** `2m` → "2 mois", `30d` → "30 jours", `1w` → "1 semaine". */
export function describeDelayFr(delay: Delay | string): string {
  const { amount, unit } = parseDelay(delay);
  if (unit === 'm') return `${amount} mois`;
  if (unit === 'w') return `${amount} semaine${amount > 1 ? 's' : ''}`;
  return `${amount} jour${amount > 1 ? 's' : ''}`;
}

/**
 * The last day of a delay that runs from the day after `eventDate` (B1), counted de date à date:
 * days and weeks are calendar days (`30d` from 15 May 2023 → 14 June 2023; `8w` → 10 July 2023),
 * months keep the quantième (`2m` from 23 June 2017 → 23 August 2017) or fall back to the last
 * day of the month (`2m` from 31 December 2024 → 28 February 2025). No weekend or holiday shift.
 */
export function addDelay(eventDate: IsoDate, delay: Delay | string): IsoDate {
  const { amount, unit } = parseDelay(delay);
  if (unit === 'm') return addMonths(eventDate, amount);
  return addDays(eventDate, unit === 'w' ? amount * 7 : amount);
}

/** First day of a delay triggered on `eventDate`: the next day (dies a quo, legal-rules.md B1). */
export function delayStartDate(eventDate: IsoDate): IsoDate {
  return addDays(eventDate, 1);
}
