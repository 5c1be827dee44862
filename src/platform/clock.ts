export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The calendar year in France of an instant: chrono numbers follow the Paris calendar. */
export function parisYear(instant: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' }).format(instant));
}

/** The instant of midnight in Paris at the start of a calendar day given as YYYY-MM-DD. */
export function parisMidnight(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utcGuess = new Date(Date.UTC(year, month - 1, date));
  // Paris is UTC+1 or UTC+2: find the offset that day by formatting the guess in Paris time.
  const parisHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(utcGuess),
  );
  return new Date(utcGuess.getTime() - parisHour * 3600_000);
}
