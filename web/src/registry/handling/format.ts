/** French wording of calendar dates and legal delays, without any time-zone shift. */
const longDateFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A plain calendar date (YYYY-MM-DD) as « lundi 7 avril 2025 »: parsed as a UTC day, shown in UTC. */
export function formatLongDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return longDateFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

const delayUnits: Record<string, [string, string]> = {
  d: ['jour', 'jours'],
  w: ['semaine', 'semaines'],
  m: ['mois', 'mois'],
  y: ['an', 'ans'],
};

/** A delay of the request types (2m, 30d, 8w, 1y) in words: « 2 mois », « 30 jours ». */
export function formatDelay(delay: string): string {
  const match = /^(\d+)\s*([dwmy])$/i.exec(delay.trim());
  if (!match) return delay;
  const amount = Number(match[1]);
  const [one, many] = delayUnits[match[2]!.toLowerCase()]!;
  return `${amount} ${amount > 1 ? many : one}`;
}
