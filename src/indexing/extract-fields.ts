// Field extraction from the text of a mail item: pure functions, no I/O except the
// lazily loaded postcode list. "Never invent": a field not found is absent.

import { extractEmails, extractPhones } from './contacts.ts';
import { toIso } from './dates.ts';
import { extractDates } from './letter-date.ts';
import { extractPostalCodes } from './postal.ts';
import { extractReferences } from './references.ts';
import { senderFromEmail, senderFromLetter } from './sender.ts';
import { extractSubject, subjectFromEmail } from './subject.ts';
import { preparePage } from './text.ts';

export type FieldName = 'letter_date' | 'other_date' | 'subject' | 'reference' | 'email' | 'phone' | 'postal_code_city' | 'sender';

export interface ExtractedField {
  name: FieldName;
  value: string;            // as shown to an agent
  normalized: string | null; // ISO date, E.164 phone, lowercase e-mail, "69003 Lyon", reference text
  confidence: number;        // 0..1
  page: number | null;       // 0-based page index in input.pages, null for e-mail headers
  start: number; end: number; // character offsets in that page's text (for headers: 0,0)
  excerpt: string;           // the line (trimmed, <= 160 chars) where it was found
  details?: Record<string, unknown>;
}

export interface ExtractionInput {
  pages: string[];
  email?: { from?: { name?: string; address: string }; subject?: string; date?: string };
  receivedAt?: string;
}

export function extractFields(input: ExtractionInput): ExtractedField[] {
  const pages = (input.pages ?? []).map((p) => preparePage(p ?? ''));
  const fields: ExtractedField[] = [
    ...extractDates(pages, { receivedAt: input.receivedAt }),
    ...extractSubject(pages),
    ...extractReferences(pages),
    ...extractEmails(pages),
    ...extractPhones(pages),
    ...extractPostalCodes(pages),
  ];
  const email = input.email;
  if (email?.subject && !fields.some((f) => f.name === 'subject')) fields.push(...subjectFromEmail(email.subject));
  if (email?.from?.address) fields.push(senderFromEmail(email.from));
  else fields.push(...senderFromLetter(pages));
  if (email?.date && !fields.some((f) => f.name === 'letter_date')) {
    const d = new Date(email.date);
    if (!Number.isNaN(d.getTime())) {
      const iso = toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      fields.push({
        name: 'letter_date', value: email.date, normalized: iso, confidence: 0.9, page: null, start: 0, end: 0,
        excerpt: email.date, details: { source: 'email_header' },
      });
    }
  }
  return fields.sort((a, b) =>
    a.name.localeCompare(b.name) || (a.page ?? -1) - (b.page ?? -1) || a.start - b.start);
}
