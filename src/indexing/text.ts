// Text preparation shared by the extractors: OCR / PDF text is cleaned into a
// predictable form while keeping a map back to the original offsets, so that
// every field can point at the exact characters it came from.

export interface PreparedPage {
  text: string;     // cleaned text
  map: number[];    // map[i] = offset in the original page text of cleaned char i
  lines: Line[];
}

export interface Line {
  index: number;    // line number in the page
  start: number;    // offset of the line in the cleaned text
  text: string;     // the line as cleaned (not trimmed)
}

const SPACES = /[\u00a0\u202f\u2000-\u200a\u3000\t]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\r]/;
const REPLACEMENTS: Record<string, string> = {
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"',
  '\u2212': '-', '\u2010': '-', '\u2011': '-', '\u2013': '-', '\u2014': '-',
  '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl',
  '\u2116': 'N°', '\u00ba': '°',
};

export function preparePage(raw: string): PreparedPage {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (INVISIBLE.test(ch)) continue;
    if (SPACES.test(ch)) { text += ' '; map.push(i); continue; }
    if (ch === '\f') { text += '\n'; map.push(i); continue; }
    // Decomposed accents (e + U+0301) from some PDF producers: compose in place.
    if (/[\u0300-\u036f]/.test(ch) && text.length > 0) {
      const composed = (text[text.length - 1] + ch).normalize('NFC');
      if (composed.length === 1) { text = text.slice(0, -1) + composed; continue; }
      continue;
    }
    const rep = REPLACEMENTS[ch];
    if (rep !== undefined) {
      for (const c of rep) { text += c; map.push(i); }
      continue;
    }
    text += ch;
    map.push(i);
  }
  return { text, map, lines: splitLines(text) };
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  text.split('\n').forEach((t, index) => {
    lines.push({ index, start, text: t });
    start += t.length + 1;
  });
  return lines;
}

/** Maps a [start, end) range in cleaned text back to the original text. */
export function toOriginal(page: PreparedPage, start: number, end: number): { start: number; end: number } {
  if (page.map.length === 0) return { start: 0, end: 0 };
  const s = page.map[Math.min(start, page.map.length - 1)];
  const e = end > start ? page.map[Math.min(end - 1, page.map.length - 1)] + 1 : s;
  return { start: s, end: e };
}

/** The line containing the cleaned offset, trimmed and capped for display. */
export function excerptAt(page: PreparedPage, offset: number): string {
  const line = lineAt(page, offset);
  return line ? clip(line.text.replace(/\s+/g, ' ').trim()) : '';
}

export function lineAt(page: PreparedPage, offset: number): Line | undefined {
  let found: Line | undefined;
  for (const l of page.lines) {
    if (l.start > offset) break;
    found = l;
  }
  return found;
}

export function clip(s: string, max = 160): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/** Uppercase, accents stripped, punctuation folded to spaces: for name comparisons. */
export function foldName(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ').replace(/\bSTE\b/g, 'SAINTE').replace(/\bST\b/g, 'SAINT').trim();
}

/** Collapses runs of spaces for display. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
