import type { Ctx } from '../platform/context.ts';
import { parisMidnight } from '../platform/clock.ts';
import { OctoError } from '../platform/errors.ts';
import { addDays, addMonths, daysBetween, parisDateOf } from './deadlines/index.ts';
import { listEntities } from './entity.queries.ts';
import { requireEntity } from './entity.service.ts';
import { BACKLOG_BUCKETS, periodProblem } from './statistics.schemas.ts';
import {
  countOpenByAge,
  countOpenPastDecisionDate,
  countReceivedByChannel,
  countReceivedByHandlingStatus,
  countReceivedByRequestType,
  countReceivedByService,
  listAnsweredWithDeadline,
  listEndedItems,
  type ReceivedRange,
} from './statistics.queries.ts';
import type { HandlingStatus, MailChannel } from './tables.ts';

/**
 * Steering figures (« pilotage ») of an entity or of the platform, over a period of Paris
 * calendar days, both included. Definitions (docs and the API schema say the same):
 * - received, by channel / request type / service / handling status: incoming items whose
 *   received_at falls in the period;
 * - processing time: answered or closed items whose end (answered_at, else closed_at) falls in
 *   the period; Paris calendar days from receipt to end; median (mean of the two middle values
 *   for an even count), 90th percentile by nearest rank, mean rounded to 0.1;
 * - legal delay: items received in the period with an implicit decision date and answered
 *   (answered_at set, status answered or closed): within the delay when answered_at's Paris day
 *   ≤ the implicit decision date; still open ones whose date is before today are counted apart;
 * - backlog: incoming items neither answered nor closed today, whenever received, by age in
 *   days since the Paris day of receipt (0–7, 8–30, 31–60, 61–90, more than 90).
 */

export const CHANNELS: MailChannel[] = ['scan', 'upload', 'email', 'form', 'api', 'transfer'];
export const HANDLING_STATUSES: HandlingStatus[] = ['registered', 'assigned', 'in_progress', 'answered', 'closed', 'transferred_out'];

/** Above this many items, durations are computed over the latest ones only (and said so). */
const MAX_FETCHED = 200_000;

export interface StatisticsPeriod {
  from?: string;
  to?: string;
}

export interface StatisticsFigures {
  received: number;
  byChannel: Array<{ channel: MailChannel; count: number }>;
  byHandlingStatus: Array<{ status: HandlingStatus; count: number }>;
  byRequestType: Array<{ code: string | null; name: string | null; count: number }>;
  byService: Array<{ entityCode: string | null; code: string | null; name: string | null; count: number }>;
  processingTime: { count: number; medianDays: number | null; p90Days: number | null; meanDays: number | null; truncated: boolean };
  legalDelay: { answered: number; withinDelay: number; rate: number | null; openPastDate: number };
  backlog: { total: number; buckets: Array<{ key: string; minDays: number; maxDays: number | null; count: number }> };
}

interface EntityRef {
  code: string;
  name: string;
  shortName: string;
}

export type EntityStatistics = StatisticsFigures & { entity: EntityRef; period: { from: string; to: string }; today: string };

export interface PlatformStatistics {
  period: { from: string; to: string };
  today: string;
  totals: StatisticsFigures;
  entities: Array<StatisticsFigures & { entity: EntityRef }>;
}

/** The period asked for, checked, with its defaults: the 12 months ending today (Paris). */
export function resolvePeriod(ctx: Ctx, period: StatisticsPeriod) {
  const problem = periodProblem(period.from, period.to);
  if (problem) throw new OctoError('PLATFORM_VALIDATION_FAILED', `bad statistics period ${period.from}..${period.to}`, { detailFr: `Période invalide : ${problem}` });
  const today = parisDateOf(ctx.clock.now());
  const to = period.to ?? (period.from && period.from > today ? period.from : today);
  const from = period.from ?? addDays(addMonths(to, -12), 1);
  const range: ReceivedRange = { from: parisMidnight(from).toISOString(), before: parisMidnight(addDays(to, 1)).toISOString() };
  return { from, to, today, range };
}

// One formatter for the many instants of a period (parisDateOf builds one per call).
const parisDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const parisDay = (iso: string) => parisDayFormat.format(new Date(iso));

function sortRows<T extends { code: string | null; name: string | null; count: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => Number(a.code === null) - Number(b.code === null) || b.count - a.count || (a.name ?? '').localeCompare(b.name ?? '', 'fr'));
}

function summarise(days: number[]) {
  const sorted = [...days].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { medianDays: null, p90Days: null, meanDays: null };
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1]!;
  const mean = Math.round((sorted.reduce((a, b) => a + b, 0) / n) * 10) / 10;
  return { medianDays: median, p90Days: p90, meanDays: mean };
}

async function computeFigures(ctx: Ctx, entityIds: string[], range: ReceivedRange, today: string): Promise<StatisticsFigures> {
  const db = ctx.db;
  const since = BACKLOG_BUCKETS.slice(0, -1).map((b) => parisMidnight(addDays(today, -b.maxDays!)).toISOString());
  const [channels, statuses, types, services, ended, answered, openPast, ages] = await Promise.all([
    countReceivedByChannel(db, entityIds, range),
    countReceivedByHandlingStatus(db, entityIds, range),
    countReceivedByRequestType(db, entityIds, range),
    countReceivedByService(db, entityIds, range),
    listEndedItems(db, entityIds, range, MAX_FETCHED + 1),
    listAnsweredWithDeadline(db, entityIds, range, MAX_FETCHED + 1),
    countOpenPastDecisionDate(db, entityIds, range, today),
    countOpenByAge(db, entityIds, since),
  ]);
  const truncated = ended.length > MAX_FETCHED || answered.length > MAX_FETCHED;
  if (truncated) ctx.logger.warn({ entityIds: entityIds.length, limit: MAX_FETCHED }, 'statistics computed over the latest items only');
  const durations = ended.slice(0, MAX_FETCHED).map((r) => daysBetween(parisDay(r.received_at), parisDay(r.ended_at!)));
  const withDeadline = answered.slice(0, MAX_FETCHED);
  const withinDelay = withDeadline.filter((r) => parisDay(r.answeredAt!) <= r.decisionDate!).length;
  // An item never handled has no handling status yet: it is « registered ».
  const statusCount = (status: HandlingStatus) => statuses.filter((r) => (r.status ?? 'registered') === status).reduce((sum, r) => sum + r.count, 0);
  return {
    received: channels.reduce((sum, r) => sum + r.count, 0),
    byChannel: CHANNELS.map((channel) => ({ channel, count: channels.find((r) => r.channel === channel)?.count ?? 0 })),
    byHandlingStatus: HANDLING_STATUSES.map((status) => ({ status, count: statusCount(status) })),
    byRequestType: sortRows(types),
    byService: sortRows(services),
    processingTime: { count: durations.length, ...summarise(durations), truncated },
    legalDelay: {
      answered: withDeadline.length,
      withinDelay,
      rate: withDeadline.length ? Math.round((withinDelay / withDeadline.length) * 10_000) / 10_000 : null,
      openPastDate: openPast,
    },
    backlog: { total: ages.reduce((a, b) => a + b, 0), buckets: BACKLOG_BUCKETS.map((b, i) => ({ ...b, count: ages[i]! })) },
  };
}

const entityRef = (e: { code: string; name: string; short_name: string }): EntityRef => ({ code: e.code, name: e.name, shortName: e.short_name });

/** The steering figures of one entity: its items only. */
export async function getEntityStatistics(ctx: Ctx, entityCode: string, period: StatisticsPeriod = {}): Promise<EntityStatistics> {
  const entity = await requireEntity(ctx, entityCode);
  const { from, to, today, range } = resolvePeriod(ctx, period);
  return { entity: entityRef(entity), period: { from, to }, today, ...(await computeFigures(ctx, [entity.id], range, today)) };
}

/**
 * The same figures for every entity of the platform, and for all of them together (medians and
 * percentiles over all items, not averaged). For platform administrators once sign-in is enforced.
 */
export async function getPlatformStatistics(ctx: Ctx, period: StatisticsPeriod = {}): Promise<PlatformStatistics> {
  const { from, to, today, range } = resolvePeriod(ctx, period);
  const entities = await listEntities(ctx.db);
  const perEntity = [];
  for (const entity of entities) perEntity.push({ entity: entityRef(entity), ...(await computeFigures(ctx, [entity.id], range, today)) });
  const totals = entities.length ? await computeFigures(ctx, entities.map((e) => e.id), range, today) : emptyFigures();
  return { period: { from, to }, today, totals, entities: perEntity };
}

function emptyFigures(): StatisticsFigures {
  return {
    received: 0,
    byChannel: CHANNELS.map((channel) => ({ channel, count: 0 })),
    byHandlingStatus: HANDLING_STATUSES.map((status) => ({ status, count: 0 })),
    byRequestType: [],
    byService: [],
    processingTime: { count: 0, medianDays: null, p90Days: null, meanDays: null, truncated: false },
    legalDelay: { answered: 0, withinDelay: 0, rate: null, openPastDate: 0 },
    backlog: { total: 0, buckets: BACKLOG_BUCKETS.map((b) => ({ ...b, count: 0 })) },
  };
}

// ---------------------------------------------------------------------------------------------
// CSV export, for French spreadsheets: UTF-8 with a byte order mark, « ; » between cells, a
// decimal comma, CRLF line ends; one section per table (its title, a header row, its rows),
// sections separated by an empty line.

export const CHANNEL_FR: Record<MailChannel, string> = {
  scan: 'Numérisation', upload: 'Dépôt', email: 'Courriel', form: 'Formulaire', api: 'API', transfer: 'Transmission',
};
export const HANDLING_STATUS_FR: Record<HandlingStatus, string> = {
  registered: 'Enregistré', assigned: 'Attribué', in_progress: 'En cours', answered: 'Répondu', closed: 'Classé', transferred_out: 'Transmis hors plateforme',
};
export const UNQUALIFIED_FR = 'Non qualifié';
export const UNASSIGNED_FR = 'Non attribué';
export const backlogBucketFr = (b: { minDays: number; maxDays: number | null }) =>
  b.maxDays === null ? `Plus de ${b.minDays - 1} jours` : `${b.minDays} à ${b.maxDays} jours`;

type Cell = string | number | null;
interface CsvTable {
  title: string;
  headers: string[];
  rows: Cell[][];
}

/** A number with a decimal comma (at most two decimals); a percentage is given as a ratio. */
function decimalFr(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

/** One cell: quoted when it holds « ; », a quote or a line break; a text read as a formula is defused. */
function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return decimalFr(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toCsv(tables: CsvTable[]): string {
  const lines: string[] = [];
  for (const table of tables) {
    if (lines.length) lines.push('');
    lines.push(csvCell(table.title), table.headers.map(csvCell).join(';'), ...table.rows.map((row) => row.map(csvCell).join(';')));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const dayFr = (day: string) => day.split('-').reverse().join('/');
const percent = (rate: number | null) => (rate === null ? null : rate * 100);

const KEY_FIGURE_HEADERS = [
  'Courriers reçus',
  'Demandes répondues (avec échéance légale)',
  'dont dans le délai légal',
  'Part dans le délai légal (%)',
  'Demandes en cours à échéance dépassée',
  'Courriers traités dans la période',
  'Délai médian de traitement (jours)',
  'Délai de traitement, 90e centile (jours)',
  'Délai moyen de traitement (jours)',
  'Stock (ni répondus ni classés)',
];

function keyFigures(f: StatisticsFigures): Cell[] {
  const { legalDelay: l, processingTime: p } = f;
  return [f.received, l.answered, l.withinDelay, percent(l.rate), l.openPastDate, p.count, p.medianDays, p.p90Days, p.meanDays, f.backlog.total];
}

/** The detail tables; `lead` puts cells (the entity) before each row. */
function detailTables(parts: Array<{ lead: Cell[]; figures: StatisticsFigures }>, leadHeaders: string[]): CsvTable[] {
  const table = (title: string, headers: string[], rows: (f: StatisticsFigures) => Cell[][]): CsvTable => ({
    title,
    headers: [...leadHeaders, ...headers],
    rows: parts.flatMap(({ lead, figures }) => rows(figures).map((row) => [...lead, ...row])),
  });
  return [
    table('Courriers reçus par canal', ['Canal', 'Nombre'], (f) => f.byChannel.map((r) => [CHANNEL_FR[r.channel], r.count])),
    table('Courriers reçus par type de demande', ['Code', 'Type de demande', 'Nombre'], (f) =>
      f.byRequestType.map((r) => [r.code, r.code === null ? UNQUALIFIED_FR : r.name, r.count])),
    table('Courriers reçus par service', ['Code', 'Service', 'Nombre'], (f) =>
      f.byService.map((r) => [r.code, r.code === null ? UNASSIGNED_FR : r.name, r.count])),
    table('Courriers reçus par statut de traitement', ['Statut', 'Nombre'], (f) => f.byHandlingStatus.map((r) => [HANDLING_STATUS_FR[r.status], r.count])),
    table('Stock par ancienneté (jours depuis la réception)', ['Ancienneté', 'Nombre'], (f) => f.backlog.buckets.map((b) => [backlogBucketFr(b), b.count])),
  ];
}

export function entityStatisticsCsv(stats: EntityStatistics): string {
  return toCsv([
    {
      title: 'Pilotage du courrier',
      headers: ['Entité', 'Nom', 'Du', 'Au', 'Situation au'],
      rows: [[stats.entity.code, stats.entity.name, dayFr(stats.period.from), dayFr(stats.period.to), dayFr(stats.today)]],
    },
    { title: 'Chiffres clés', headers: ['Indicateur', 'Valeur'], rows: KEY_FIGURE_HEADERS.map((header, i) => [header, keyFigures(stats)[i]!]) },
    ...detailTables([{ lead: [], figures: stats }], []),
  ]);
}

const ALL_ENTITIES_FR = 'Toutes entités';

export function platformStatisticsCsv(stats: PlatformStatistics): string {
  const parts = [
    ...stats.entities.map((e) => ({ lead: [e.entity.code] as Cell[], name: e.entity.name, figures: e as StatisticsFigures })),
    { lead: [ALL_ENTITIES_FR] as Cell[], name: ALL_ENTITIES_FR, figures: stats.totals },
  ];
  return toCsv([
    { title: 'Pilotage du courrier — plateforme', headers: ['Du', 'Au', 'Situation au'], rows: [[dayFr(stats.period.from), dayFr(stats.period.to), dayFr(stats.today)]] },
    { title: 'Chiffres clés par entité', headers: ['Entité', 'Nom', ...KEY_FIGURE_HEADERS], rows: parts.map((p) => [...p.lead, p.name, ...keyFigures(p.figures)]) },
    ...detailTables(parts, ['Entité']),
  ]);
}
