// Date recognition in French (and English) letters: textual, numeric and ISO forms.

export interface ParsedDate {
  iso: string | null;     // YYYY-MM-DD, null when the year is missing
  day: number;
  month: number;
  year: number | null;
  format: 'textual' | 'numeric' | 'iso' | 'english';
}

export interface DateMatch extends ParsedDate {
  start: number;
  end: number;
  text: string;
}

const MONTHS: Array<[RegExp, number]> = [
  [/^janv?(ier)?$|^jan$/, 1], [/^fevr?(ier)?$/, 2], [/^mars$/, 3], [/^avr(il)?$/, 4], [/^mai$/, 5],
  [/^juin$/, 6], [/^juil(let)?$/, 7], [/^aout$/, 8], [/^sept?(embre)?$/, 9], [/^oct(obre)?$/, 10],
  [/^nov(embre)?$/, 11], [/^dec(embre)?$/, 12],
];
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

// Longest alternatives first so "septembre" is not cut to "sept".
const FR_MONTH = 'janvier|janv|jan|f[ée]vrier|f[ée]vr|f[ée]v|mars|avril|avr|mai|juin|juillet|juil|ao[uû]t|septembre|sept|sep|octobre|oct|novembre|nov|d[ée]cembre|d[ée]c';
const WEEKDAY = '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)\\.?';
const EN_MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';

// "1er" is often read "ler" or "1 er" by OCR; a missing space ("4juin") is tolerated.
const FR_TEXTUAL = new RegExp(
  `(?<![\\p{L}\\d])(?:${WEEKDAY}\\s+)?(1\\s?er|ler|[0-3]?\\d)(?:er)?\\s*(${FR_MONTH})(?!\\p{L})(\\.?)(?:,?[ \\t]*(\\d{4})(?!\\d))?`,
  'giu',
);
const EN_TEXTUAL = new RegExp(`(?<![\\p{L}])(${EN_MONTH})\\.?\\s+([0-3]?\\d)(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'giu');
const EN_DAY_FIRST = new RegExp(`(?<![\\p{L}\\d])([0-3]?\\d)(?:st|nd|rd|th)?\\s+(${EN_MONTH.replace(/\|jan.*$/, '')})\\s+(\\d{4})(?!\\d)`, 'giu');
// The separator must repeat (14/11/2026, 14.11.2026) and no digit may touch either end,
// so phone numbers (01.23.45.67.89) and IBAN groups are not read as dates.
const NUMERIC = /(?<![\d/.-])([0-3]?\d)([/.-])([01]?\d)\2(\d{4}|\d{2})(?![\d]|[/.-]\d)/g;
const ISO = /(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d]|[/.-]\d)/g;

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.$/, '');
}

export function frenchMonth(word: string): number | null {
  const w = fold(word);
  for (const [re, m] of MONTHS) if (re.test(w)) return m;
  return null;
}

function englishMonth(word: string): number | null {
  const w = fold(word);
  const i = EN_MONTHS.findIndex((m) => m === w || m.startsWith(w));
  return i >= 0 && w.length >= 3 ? i + 1 : null;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function toIso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dayOf(s: string): number {
  return /er$/i.test(s) ? 1 : Number(s);
}

function build(day: number, month: number | null, year: number | null, format: ParsedDate['format']): ParsedDate | null {
  if (!month || day < 1 || day > 31) return null;
  if (year === null) {
    // Without a year only day/month can be checked (29 February is allowed).
    return isValidDate(2000, month, day) ? { iso: null, day, month, year: null, format } : null;
  }
  return isValidDate(year, month, day) ? { iso: toIso(year, month, day), day, month, year, format } : null;
}

/** Finds every date in a text, left to right, without overlaps. */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  const push = (m: RegExpExecArray, p: ParsedDate | null) => {
    if (!p) return;
    const start = m.index;
    // A dot after a full month name ends the sentence, it is not an abbreviation.
    const end = m.index + m[0].replace(/[\s,]+$/, '').replace(/(\p{L}{4,}|mai)\.$/u, '$1').length;
    if (found.some((f) => start < f.end && end > f.start)) return;
    found.push({ ...p, start, end, text: text.slice(start, end) });
  };
  for (const m of text.matchAll(ISO)) push(m, build(Number(m[3]), Number(m[2]), Number(m[1]), 'iso'));
  for (const m of text.matchAll(NUMERIC)) {
    // Two-digit years only with slashes: "12.05.26" is too often something else.
    if (m[4].length === 2 && m[2] !== '/') continue;
    const y = m[4].length === 2 ? (Number(m[4]) < 50 ? 2000 : 1900) + Number(m[4]) : Number(m[4]);
    push(m, build(Number(m[1]), Number(m[3]), y, 'numeric'));
  }
  for (const m of text.matchAll(EN_TEXTUAL)) push(m, build(Number(m[2]), englishMonth(m[1]), Number(m[3]), 'english'));
  for (const m of text.matchAll(EN_DAY_FIRST)) push(m, build(Number(m[1]), englishMonth(m[2]), Number(m[3]), 'english'));
  for (const m of text.matchAll(FR_TEXTUAL)) {
    const month = frenchMonth(m[2]);
    const year = m[4] ? Number(m[4]) : null;
    // A year-less date needs the full month name: "7 sept" may be the number seven.
    if (year === null && fold(m[2]).length < 4 && fold(m[2]) !== 'mai') continue;
    if (year === null && m[3] === '' && /^(sept|sep)$/i.test(m[2])) continue;
    push(m, build(dayOf(m[1].replace(/^l/i, '1').replace(/\s/g, '')), month, year, 'textual'));
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Parses a string that is (or contains) one date; null when none is valid. */
export function parseFrenchDate(s: string): ParsedDate | null {
  const m = findDates(s)[0];
  if (!m) return null;
  const { start: _s, end: _e, text: _t, ...parsed } = m;
  return parsed;
}

export type DateRole =
  | 'birth' | 'received' | 'deadline' | 'period_start' | 'period_end' | 'document_date'
  | 'referenced' | 'legal_text' | 'signature_place';

/** Guesses the role of a date from the words just before (and after) it on its line. */
export function dateRole(before: string, after: string): DateRole | null {
  const b = fold(before).replace(/\s+/g, ' ').slice(-60);
  const a = fold(after).slice(0, 20);
  if (/\bnee?s?\s*(\(e\))?\s*le\s*$|naissance\s*:?\s*(le\s*)?$|\bne\(e\)\s*le\s*$/.test(b)) return 'birth';
  if (/recue?s?\s*(le)?\s*:?\s*$|date de reception\s*:?\s*$|(enregistree?|deposee?)\s+le\s*$|arrive\s*le\s*:?\s*$/.test(b)) return 'received';
  if (/(avant|au plus tard|d'ici|soit)\s+(le\s+)?$|date limite[^:]*:?\s*(le\s*)?$|echeance\s*:?\s*$|jusqu'(au|a)\s*$|a partir du\s*:?\s*$/.test(b)) return 'deadline';
  if (/\b(loi|decret|arrete|ordonnance|circulaire|directive|reglement)\b.*\bdu\s*$/.test(b)) return 'legal_text';
  if (/\ben date du\s*$|courrier du\s*$|lettre du\s*$|votre (demande|courrier|lettre) du\s*$/.test(b)) return 'referenced';
  if (/\bdu\s*$/.test(b) && /^\s*(au|-)\s/.test(a)) return 'period_start';
  if (/\bdu\s+[^,;]{1,30}?\s+au\s*$/.test(b)) return 'period_end';
  if (/\bdate\s*(de\s*(la\s*)?)?(facture|document|courrier|emission)?\s*:?\s*$|facture\s*n\S*\s*\S+\s+du\s*$/.test(b)) return 'document_date';
  return null;
}
