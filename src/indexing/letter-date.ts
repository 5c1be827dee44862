// Picks the letter date among all dates of a document, and reports the others.
// Only the shape of the line decides ("<place>, le <date>", a "Le <date>" line,
// a "Date :" label): a date inside a sentence is never the letter date.

import type { ExtractedField } from './extract-fields.ts';
import { dateRole, findDates, type DateMatch, type DateRole } from './dates.ts';
import { fieldAt } from './field.ts';
import { lineAt, type PreparedPage } from './text.ts';

interface Candidate {
  page: number;
  date: DateMatch;
  role: DateRole | null;
  score: number; // letter-date likelihood, 0 when it cannot be the letter date
  shape: string | null;
}

const PLACE_LE = /^(?:fait\s+)?(?:[àa]\s+)?\p{Lu}[\p{L}'. -]{1,40}?,?\s+le\s*$/iu;
const EN_PLACE = /^\p{Lu}[\p{L} .-]{1,40},\s*$/u;

function letterScore(before: string, after: string, d: DateMatch, role: DateRole | null): { score: number; shape: string | null } {
  const b = before.trim();
  const a = after.trim();
  const endsLine = /^[,.;]?$/.test(a);
  if (role === 'document_date') return { score: 0.85, shape: 'labelled' };
  if (role) return { score: 0, shape: null };
  if (endsLine && PLACE_LE.test(b)) return { score: 0.95, shape: 'place_le' };
  if (endsLine && /^le$/i.test(b)) return { score: 0.88, shape: 'le' };
  if (endsLine && d.format === 'english' && EN_PLACE.test(b)) return { score: 0.9, shape: 'place' };
  if (endsLine && b === '') return { score: 0.7, shape: 'alone' };
  return { score: 0, shape: null };
}

function collect(pages: PreparedPage[]): Candidate[] {
  const out: Candidate[] = [];
  pages.forEach((page, pageIndex) => {
    for (const date of findDates(page.text)) {
      const line = lineAt(page, date.start);
      if (!line) continue;
      const before = page.text.slice(line.start, date.start);
      const after = page.text.slice(date.end, line.start + line.text.length);
      const role = dateRole(before, after);
      let { score, shape } = letterScore(before, after, date, role);
      if (score > 0) {
        // Letter dates sit at the top of the first page, before the body.
        if (pageIndex > 0) score -= 0.25;
        const nonEmpty = page.lines.filter((l) => l.text.trim() !== '');
        const rank = nonEmpty.findIndex((l) => l.index === line.index);
        if (shape !== 'place_le' && rank > Math.max(12, nonEmpty.length * 0.5)) score -= 0.2;
      }
      out.push({ page: pageIndex, date, role, score, shape });
    }
  });
  return out;
}

export interface DateOptions { receivedAt?: string }

export function extractDates(pages: PreparedPage[], opts: DateOptions = {}): ExtractedField[] {
  const candidates = collect(pages);
  const limit = opts.receivedAt ? addDays(opts.receivedAt.slice(0, 10), 1) : null;
  const implausible = (c: Candidate) => !!(limit && c.date.iso && c.date.iso > limit);

  const ranked = candidates
    .filter((c) => c.score >= 0.6 && !implausible(c))
    .sort((x, y) => y.score - x.score || x.page - y.page || x.date.start - y.date.start);
  // A year-less "<place>, le 19 novembre" is the letter date we cannot complete:
  // then no letter date at all rather than another date promoted in its place.
  const winner = ranked[0] && ranked[0].date.iso ? ranked[0] : undefined;

  const fields: ExtractedField[] = [];
  const seen = new Set<string>();
  if (winner) {
    const rival = ranked.find((c) => c.date.iso !== winner.date.iso && c.score >= winner.score - 0.05);
    const confidence = winner.score - (rival ? 0.15 : 0);
    fields.push(fieldAt(pages[winner.page], winner.page, winner.date.start, winner.date.end, {
      name: 'letter_date', value: winner.date.text.trim(), normalized: winner.date.iso, confidence,
      details: { format: winner.date.format, shape: winner.shape },
    }));
    seen.add(winner.date.iso!);
  }
  for (const c of candidates) {
    if (c === winner) continue;
    if (winner && c.date.iso === winner.date.iso && (!c.role || c.role === 'document_date')) continue;
    let role: string | null = c.role;
    if (!role && implausible(c) && c.score >= 0.6) role = 'implausible_letter_date';
    if (!role && !c.date.iso && c.score >= 0.6) role = 'letter_date_without_year';
    // The same date repeated (headers, footers, tables) is reported once.
    const key = c.date.iso ?? `${c.date.text}|${role ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const partial = c.date.iso === null;
    const details: Record<string, unknown> = { format: c.date.format };
    if (role) details.role = role;
    if (partial) Object.assign(details, { partial: true, day: c.date.day, month: c.date.month });
    fields.push(fieldAt(pages[c.page], c.page, c.date.start, c.date.end, {
      name: 'other_date', value: c.date.text.trim(), normalized: c.date.iso,
      confidence: partial ? 0.3 : role ? 0.8 : 0.7, details,
    }));
  }
  return fields;
}

function addDays(isoDay: string, n: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
