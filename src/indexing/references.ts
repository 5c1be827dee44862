// References quoted in a letter: N/Réf, V/Réf, file, invoice and registration numbers.

import type { ExtractedField } from './extract-fields.ts';
import { findDates } from './dates.ts';
import { fieldAt } from './field.ts';
import type { PreparedPage } from './text.ts';

export type ReferenceKind = 'our_reference' | 'your_reference' | 'file_number' | 'invoice_number' | 'registration_number' | 'reference';

const E = '[ée]';
const NUM = `(?:n\\s?[°o]|n[º°]|no\\.?|num${E}ro|#)`;
// Most specific labels first: the first label matching at a position wins.
const LABELS: Array<[ReferenceKind, string]> = [
  ['our_reference', `N\\s?\\/\\s?R${E}f(?:${E}rences?)?\\.?|Nos\\s+r${E}f(?:${E}rences?|s)?\\.?|Notre\\s+r${E}f(?:${E}rence)?\\.?`],
  ['your_reference', `V\\s?\\/\\s?R${E}f(?:${E}rences?)?\\.?|Vos\\s+r${E}f(?:${E}rences?|s)?\\.?|Votre\\s+r${E}f(?:${E}rence)?\\.?`],
  ['registration_number', `${NUM}\\s*d'enregistrement|num${E}ro\\s+d'enregistrement(?:\\s+est(?:\\s+le)?)?|n°\\s*chrono`],
  ['invoice_number', `facture\\s*${NUM}|${NUM}\\s*(?:de\\s+)?facture|invoice\\s*(?:no\\.?|number|#)`],
  ['file_number', `(?:dossier|affaire)\\s*${NUM}|${NUM}\\s*(?:de\\s+)?dossier`],
  ['reference', `r${E}f${E}rence\\s+(?:courrier|dossier|client|interne)|r${E}f${E}rences?|r${E}f\\.|r${E}f(?=\\s*:)|${NUM}\\s*(?:de\\s+)?commande`],
];
const LABEL_RE = new RegExp(
  `(?<![\\p{L}\\d/_])(?:${LABELS.map(([, re]) => `(${re})`).join('|')})(?!(?<=\\p{L})[\\p{L}\\d_])`,
  'giu',
);
// After the label: optional "n°" and a colon; then one token with at least one digit.
const SEP = new RegExp(`^\\s*(?:${NUM})?\\s*[:.]?\\s*(?:${NUM})?\\s*[:.]?[ \\t]*`, 'iu');
const TOKEN = /^[A-Z0-9][A-Z0-9/_.\-]*[A-Z0-9]|^[0-9]/i;

function tokenAt(s: string): string | null {
  const m = TOKEN.exec(s);
  if (!m) return null;
  const t = m[0].replace(/[.\-/]+$/, '');
  return /\d/.test(t) && t.length >= 2 ? t : null;
}

export function extractReferences(pages: PreparedPage[]): ExtractedField[] {
  const out: ExtractedField[] = [];
  const seen = new Set<string>();
  pages.forEach((page, p) => {
    for (const line of page.lines) {
      for (const m of line.text.matchAll(LABEL_RE)) {
        const kind = LABELS[m.slice(1).findIndex((g) => g !== undefined)][0];
        const afterLabel = m.index! + m[0].length;
        const rest = line.text.slice(afterLabel);
        const sep = SEP.exec(rest)![0];
        // A bare "Référence" needs a colon or a n° before its value (table headers have neither).
        const weakLabel = kind === 'reference' && !/[:°]|n[o°]/i.test(sep) && !/commande|\.$/i.test(m[0]);
        // A generic "références :" inside a sentence is prose, not a reference block.
        if (kind === 'reference' && !/^\s*$|\s{3,}$/.test(line.text.slice(0, m.index))) continue;
        let token = weakLabel ? null : tokenAt(rest.slice(sep.length));
        let start = line.start + afterLabel + sep.length;
        let confidence = kind === 'reference' ? 0.8 : 0.9;
        if (!token && rest.slice(sep.length).trim() === '') {
          // Label at the end of its line (column layouts): the value sits alone on the next line.
          const next = page.lines.slice(line.index + 1, line.index + 3).find((l) => l.text.trim() !== '');
          const t = next?.text.trim() ?? '';
          const cand = tokenAt(t);
          if (next && cand && findDates(t).length === 0 && cand.length === t.split(/\s/)[0].length && /[/\-]|[A-Z].*\d|\d.*[A-Z]/i.test(cand)) {
            token = cand;
            start = next.start + next.text.indexOf(cand);
            confidence = 0.7;
          }
        }
        if (!token) continue;
        // "le 12323" after "numéro d'enregistrement est" is weaker phrasing.
        if (/\best/i.test(m[0])) confidence = 0.65;
        const key = `${kind}|${token.toUpperCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(fieldAt(page, p, start, start + token.length, {
          name: 'reference', value: token, normalized: token.toUpperCase(), confidence,
          details: { kind, label: m[0].trim() },
        }));
      }
    }
  });
  return out;
}
