// The "Objet :" line of a letter (or the Subject header of an e-mail).

import type { ExtractedField } from './extract-fields.ts';
import { fieldAt } from './field.ts';
import { squash, type Line, type PreparedPage } from './text.ts';

// "Objet :", "OBJET:", "Obj. :", OCR "0bjet" / "Ob jet".
const LABEL = /^(\s*)[O0]\s?bj(?:et)?\s*\.?\s*:\s*/i;
const LOOKS_LIKE_LABEL = /^[\p{L}'°. ]{1,30}:|:\s*$/u;
const SALUTATION = /^(madame|monsieur|mesdames|messieurs|cher|ch[èe]re)\b/i;
const COLUMN_GAP = /\s{4,}/;

function indent(l: Line): number {
  return l.text.length - l.text.trimStart().length;
}

function meaningful(s: string): boolean {
  return /[\p{L}\d]{2,}/u.test(s) && !LOOKS_LIKE_LABEL.test(s) && !SALUTATION.test(s);
}

/** A line continues the subject when the subject was cut mid-phrase. */
function continues(value: string, next: Line | undefined): boolean {
  if (!next) return false;
  const t = next.text.trim();
  if (!t || LOOKS_LIKE_LABEL.test(t) || SALUTATION.test(t) || t.length > 120) return false;
  return /^\p{Ll}/u.test(t) || /[-,]$|\s(de|du|des|la|le|les|et|à|a|au|aux|en|pour|sur|d'|l')$/i.test(value);
}

function join(value: string, next: string): string {
  // "déve-" + "loppement" is a hyphenated line break, not a compound word.
  if (/\p{Ll}-$/u.test(value) && /^\p{Ll}/u.test(next)) return value.slice(0, -1) + next;
  return `${value} ${next}`;
}

export function extractSubject(pages: PreparedPage[]): ExtractedField[] {
  for (let p = 0; p < pages.length; p++) {
    const { lines } = pages[p];
    for (let i = 0; i < lines.length; i++) {
      const m = LABEL.exec(lines[i].text);
      if (!m) continue;
      const page = pages[p];
      const rest = lines[i].text.slice(m[0].length).split(COLUMN_GAP)[0].trim();
      if (rest) {
        if (!meaningful(rest)) continue;
        let value = rest;
        let last = lines[i];
        let lastEnd = last.start + m[0].length + lines[i].text.slice(m[0].length).indexOf(rest) + rest.length;
        for (let k = i + 1; k <= i + 2 && continues(value, lines[k]); k++) {
          const t = lines[k].text.trim().split(COLUMN_GAP)[0];
          value = join(value, t);
          last = lines[k];
          lastEnd = last.start + indent(last) + t.length;
        }
        const start = lines[i].start + m[0].length + lines[i].text.slice(m[0].length).indexOf(rest);
        return [fieldAt(page, p, start, lastEnd, {
          name: 'subject', value: squash(value), normalized: squash(value),
          confidence: last === lines[i] ? 0.92 : 0.85, details: { source: 'objet_line' },
        })];
      }
      // Label alone: in column layouts the subject wraps around it (line above and below).
      const prev = lines[i - 1];
      const next = lines[i + 1];
      // In reading-order text (no indentation) the label sits between the two halves: the lower
      // half then starts in lower case, as a cut phrase does.
      const wrapsAround = prev && next && prev.text.trim() && next.text.trim() && meaningful(prev.text.trim())
        && ((indent(prev) > indent(lines[i]) && Math.abs(indent(prev) - indent(next)) <= 2)
          || (/^\p{Ll}/u.test(next.text.trim()) && !LABEL.test(prev.text)));
      if (wrapsAround) {
        const value = join(prev.text.trim(), next.text.trim());
        return [fieldAt(page, p, prev.start + indent(prev), next.start + next.text.trimEnd().length, {
          name: 'subject', value: squash(value), normalized: squash(value), confidence: 0.7,
          details: { source: 'objet_wrapped' },
        })];
      }
      // Otherwise the subject is on the next non-empty line (at most one blank line between).
      for (let k = i + 1; k <= i + 2 && k < lines.length; k++) {
        const t = lines[k].text.trim().split(COLUMN_GAP)[0];
        if (!t) continue;
        if (!meaningful(t)) break;
        let value = t;
        let end = lines[k].start + indent(lines[k]) + t.length;
        for (let j = k + 1; j <= k + 2 && continues(value, lines[j]); j++) {
          const u = lines[j].text.trim().split(COLUMN_GAP)[0];
          value = join(value, u);
          end = lines[j].start + indent(lines[j]) + u.length;
        }
        return [fieldAt(page, p, lines[k].start + indent(lines[k]), end, {
          name: 'subject', value: squash(value), normalized: squash(value), confidence: 0.75,
          details: { source: 'objet_next_line' },
        })];
      }
    }
  }
  return [];
}

export function subjectFromEmail(subject: string | undefined): ExtractedField[] {
  const s = subject ? squash(subject.replace(/^((re|tr|fw|fwd)\s*:\s*)+/i, '')) : '';
  if (!s) return [];
  return [{
    name: 'subject', value: s, normalized: s, confidence: 0.85, page: null, start: 0, end: 0,
    excerpt: squash(subject!).slice(0, 160), details: { source: 'email_header' },
  }];
}
