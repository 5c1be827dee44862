// Délai de recours contentieux (legal-rules.md B3): a délai franc — neither the day of the
// triggering event nor the last day counts, so the last useful day is event + delay + 1 day —
// extended to the next working day when that day is a Saturday, a Sunday or a public holiday
// (CE 5 June 2009 n° 312682; CE 19 Sept 2014 n° 362568; CE 13 May 2015 n° 368892; CJA R421-1
// for the 2-month delay).

import { addDays, normalizeIsoDate, type IsoDate } from './calendar-date.ts';
import { addDelay, type Delay } from './delay.ts';
import type { CalendarOptions } from './holidays.ts';
import { sameOrNextWorkingDay } from './working-days.ts';

export interface AppealDeadline {
  /** The day that triggers the delay (notification, publication, birth of an implicit rejection). */
  triggeredOn: IsoDate;
  /** Last day of the délai franc before any extension: event + delay + 1 day. */
  francEnd: IsoDate;
  /** Last day an appeal is admissible: `francEnd`, or the next working day when it is not one. */
  lastDay: IsoDate;
}

/**
 * 2017-08-23 (implicit rejection) + 2m → 2017-10-24; 2022-11-03 (notification) + 2m → 2023-01-04.
 */
export function appealDeadline(
  triggeredOn: IsoDate,
  delay: Delay | string = { amount: 2, unit: 'm' },
  options: CalendarOptions = {},
): AppealDeadline {
  const event = normalizeIsoDate(triggeredOn);
  const francEnd = addDays(addDelay(event, delay), 1);
  return { triggeredOn: event, francEnd, lastDay: sameOrNextWorkingDay(francEnd, options) };
}
