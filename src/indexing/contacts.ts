// E-mail addresses and French phone numbers (normalized to E.164).

import type { ExtractedField } from './extract-fields.ts';
import { fieldAt } from './field.ts';
import type { PreparedPage } from './text.ts';

const EMAIL = /(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w@-])/g;
const PLACEHOLDER_DOMAINS = /^(domain|example|exemple|test|mail)\.(com|fr|org|net)$/i;

// National form: 0X then four pairs with one consistent separator (01 23 45 67 89,
// 01.23.45.67.89, 0123456789); international: +33 / 0033, optional "(0)".
// No digit may touch either end, so IBAN groups, SIRET and dates are not read as phones.
const NATIONAL = /(?<!\d[\s.-]?|[\d+])(0[1-9])([ .-]?)(\d{2})\2(\d{2})\2(\d{2})\2(\d{2})(?![\s.-]?\d)/g;
const INTERNATIONAL = /(?<![\d+])(?:\+|00)\s?33\s?(?:\(0\)\s?)?([1-9])([ .-]?)(\d{2})\2(\d{2})\2(\d{2})\2(\d{2})(?![\s.-]?\d)/g;
// Free phone numbers are also written 0 800 123 456.
const FREEPHONE = /(?<!\d[\s.-]?|[\d+])0(?:\s?8\d{2}\s\d{3}\s\d{3}|8\d{2}(?:[ .]\d{2}){3})(?![\s.-]?\d)/g;

export function extractEmails(pages: PreparedPage[]): ExtractedField[] {
  const out: ExtractedField[] = [];
  const seen = new Set<string>();
  pages.forEach((page, p) => {
    for (const m of page.text.matchAll(EMAIL)) {
      const value = m[0].replace(/\.+$/, '');
      const normalized = value.toLowerCase();
      if (seen.has(normalized)) continue;
      seen.add(normalized);
      const domain = normalized.split('@')[1];
      const placeholder = PLACEHOLDER_DOMAINS.test(domain);
      out.push(fieldAt(page, p, m.index!, m.index! + value.length, {
        name: 'email', value, normalized, confidence: placeholder ? 0.5 : 0.95,
        ...(placeholder ? { details: { placeholder: true } } : {}),
      }));
    }
  });
  return out;
}

/** Normalizes a French phone number to E.164 (+33XXXXXXXXX); null when it is not one. */
export function normalizeFrenchPhone(s: string): string | null {
  const digits = s.replace(/\(0\)/, '').replace(/[^\d+]/g, '');
  let national: string | null = null;
  if (/^0[1-9]\d{8}$/.test(digits)) national = digits.slice(1);
  else if (/^\+33[1-9]\d{8}$/.test(digits)) national = digits.slice(3);
  else if (/^0033[1-9]\d{8}$/.test(digits)) national = digits.slice(4);
  return national ? `+33${national}` : null;
}

/** "+33123456789" -> "+33 1 23 45 67 89", the way it is read aloud. */
export function formatE164(e164: string): string {
  const n = e164.slice(3);
  return `+33 ${n[0]} ${n.slice(1).match(/\d{2}/g)!.join(' ')}`;
}

function phoneKind(before: string, national: string): string {
  if (/(fax|t[ée]l[ée]copie)\s*\.?\s*:?\s*$/i.test(before)) return 'fax';
  if (/^[67]/.test(national)) return 'mobile';
  if (/^8/.test(national)) return 'special';
  return 'landline';
}

export function extractPhones(pages: PreparedPage[]): ExtractedField[] {
  const out: ExtractedField[] = [];
  const seen = new Set<string>();
  pages.forEach((page, p) => {
    const hits: Array<{ start: number; end: number; raw: string; separated: boolean }> = [];
    for (const re of [INTERNATIONAL, NATIONAL, FREEPHONE]) {
      for (const m of page.text.matchAll(re)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (hits.some((h) => start < h.end && end > h.start)) continue;
        hits.push({ start, end, raw: m[0], separated: re === FREEPHONE || m[2] !== '' || /^(\+|00)/.test(m[0]) });
      }
    }
    for (const h of hits.sort((a, b) => a.start - b.start)) {
      const e164 = normalizeFrenchPhone(h.raw);
      if (!e164) continue;
      const lineStart = page.text.lastIndexOf('\n', h.start) + 1;
      const before = page.text.slice(Math.max(lineStart, h.start - 40), h.start);
      // Ten bare digits next to bank/company vocabulary are account or registry numbers.
      if (/(iban|rib|bic|siret|siren|compte|tva|rcs|ape|naf)[^\n]*$/i.test(before) && !h.separated) continue;
      if (seen.has(e164)) continue;
      seen.add(e164);
      const labelled = /(t[ée]l[ée]?(phone)?|tel|fax|portable|mobile|standard|appeler|contact(er)?|au)\b[^\d\n]{0,15}$/i.test(before);
      const national = e164.slice(3);
      out.push(fieldAt(page, p, h.start, h.end, {
        name: 'phone', value: formatE164(e164), normalized: e164,
        confidence: Math.min(0.97, (h.separated ? 0.88 : 0.7) + (labelled ? 0.08 : 0)),
        details: { raw: h.raw, kind: phoneKind(before, national) },
      }));
    }
  });
  return out;
}
