// The sender: the From header of an e-mail, or the top-left block of a letter
// (name, address lines, postcode and city), corroborated by the signature.

import type { ExtractedField } from './extract-fields.ts';
import { normalizeFrenchPhone } from './contacts.ts';
import { findDates } from './dates.ts';
import { fieldAt } from './field.ts';
import { lookupPostcode } from './postal.ts';
import { foldName, squash, type PreparedPage } from './text.ts';

const ORG = /\b(ville|mairie|h[ôo]tel de ville|pr[ée]fecture|sous-pr[ée]fecture|minist[èe]re|direction|service|agence|association|soci[ée]t[ée]|sas|sarl|eurl|conseil|r[ée]gion|d[ée]partement|communaut[ée]|universit[ée]|univ|tr[ée]sor|caisse|centre|office|institut|ars|dreal|drfip|ddt|rectorat|cabinet|syndicat|banque|lyc[ée]e|coll[èe]ge|[ée]cole|entreprise|groupe|fondation|h[ôo]pital|chu|tribunal|commune|abonn[ée])\b/i;
const UPPER_WORD = "\\p{Lu}{2,}[\\p{Lu}'-]*";
const CAP_WORD = "\\p{Lu}[\\p{Ll}'-]+(?:-\\p{Lu}[\\p{Ll}'-]+)?";
const PERSON = new RegExp(
  `^(?:(?:M\\.|Mme|Mlle|Me|Dr|Monsieur|Madame)\\s+)?(?:(?:${CAP_WORD}\\s+){1,2}${UPPER_WORD}|${UPPER_WORD}(?:\\s+${CAP_WORD}){1,2})$`,
  'u',
);
const STREET = /^(\d+\s*(bis|ter|[a-d])?\s*,?\s+)?(rue|avenue|av\.?|bd|boulevard|place|all[ée]e|chemin|route|impasse|quai|cours|square|r[ée]sidence|lieu-dit|lotissement|esplanade|parvis|rond-point|voie|sentier|hameau|cit[ée])\b|^(bp|cs|tsa)\s*\d+|^\d+\s*(bis|ter)?\s*,?\s+\p{L}/iu;
const POSTCODE_LINE = /(?<!\d)(\d{2} ?\d{3})\s+(\p{L}[\p{L}' -]*?)(?:\s+cedex(?:\s*\d{1,2})?)?\s*(?:,\s*\p{L}{2,}\s*)?$/iu;
const CONTACT_LINE = /^(t[ée]l[ée]?(phone)?|tel|fax|portable|mobile|courriel|e-?mail|m[ée]l)\b|@|^(\+33|0)\s?[1-9]([\s.-]?\d{2}){4}$/i;
const STOP = /^(objet|obj\.|n\s?\/\s?r[ée]f|v\s?\/\s?r[ée]f|r[ée]f|destinataire|[àa] l'attention|madame|monsieur|mesdames|messieurs|le\s+\d|[àa]\s+\p{L}.*,?\s+le\b|date\b|facture|page\s+\d)/iu;
const CLOSING = /(salutations|sentiments|consid[ée]ration|respectueusement|cordialement|bien [àa] vous|respectueux hommages)/i;

export function isPersonName(s: string): boolean {
  return PERSON.test(squash(s)) && !ORG.test(s);
}

/** The signatory: first person-like line after the closing formula. */
export function findSignature(pages: PreparedPage[]): { name: string; page: number; start: number } | null {
  for (let p = 0; p < pages.length; p++) {
    const lines = pages[p].lines;
    const closing = lines.findIndex((l) => CLOSING.test(l.text));
    if (closing < 0) continue;
    const after = lines.slice(closing + 1).filter((l) => l.text.trim()).slice(0, 6);
    for (const l of after) {
      const t = squash(l.text);
      if (isPersonName(t)) return { name: t.replace(/^(M\.|Mme|Mlle|Monsieur|Madame)\s+/, ''), page: p, start: l.start + l.text.indexOf(t.split(' ')[0]) };
    }
  }
  return null;
}

function surnames(name: string): Set<string> {
  return new Set(foldName(name).split(' ').filter((w) => w.length >= 2));
}

function samePerson(a: string, b: string): boolean {
  const sa = surnames(a);
  const common = [...surnames(b)].filter((w) => sa.has(w));
  return common.length >= 2 || (common.length === 1 && sa.size === 1);
}

export function senderFromEmail(from: { name?: string; address: string }): ExtractedField {
  const address = from.address.trim().toLowerCase();
  const name = from.name?.trim() || undefined;
  return {
    name: 'sender', value: name ? `${name} <${address}>` : address, normalized: address,
    confidence: 0.95, page: null, start: 0, end: 0, excerpt: name ? `${name} <${address}>` : address,
    details: { name: name ?? address, email: address, source: 'email_header' },
  };
}

export function senderFromLetter(pages: PreparedPage[]): ExtractedField[] {
  const page = pages[0];
  if (!page) return [];
  const block: Array<{ text: string; start: number; end: number; indent: number }> = [];
  let postcodeAt = -1;
  for (const line of page.lines) {
    const indent = line.text.length - line.text.trimStart().length;
    const seg = line.text.trim().split(/\s{4,}/)[0];
    if (!seg) {
      if (block.length === 0) continue;
      break;
    }
    if (STOP.test(seg) || findDates(seg).length > 0 || block.length >= 8) break;
    if (postcodeAt >= 0 && !CONTACT_LINE.test(seg)) break;
    const start = line.start + indent;
    block.push({ text: seg, start, end: start + seg.length, indent });
    if (postcodeAt < 0 && POSTCODE_LINE.test(seg)) postcodeAt = block.length - 1;
  }
  if (block.length < 2) return [];
  // A block pushed to the right of a column layout is the recipient, not the sender.
  if (block.every((b) => b.indent > 40)) return [];
  const name = squash(block[0].text);
  if (name.length > 60 || !/\p{L}{2}/u.test(name) || /\d{3}|:/.test(name) || CONTACT_LINE.test(name)) return [];
  const body = block.slice(1).filter((b) => !CONTACT_LINE.test(b.text));
  const hasStreet = body.some((b) => STREET.test(b.text));
  if (postcodeAt < 0 && !hasStreet) return [];

  // Invoices put the customer's address on top: keep the block only if the name
  // recurs further down (letterhead repeated in the footer).
  const all = pages.map((p) => p.text).join('\n');
  if (/\bfacture\s*n|\binvoice\b/i.test(all) && foldName(all.slice(block[block.length - 1].end)).indexOf(foldName(name)) < 0) return [];

  const details: Record<string, unknown> = { name };
  const addressLines = (postcodeAt >= 0 ? block.slice(1, postcodeAt + 1) : body).map((b) => squash(b.text)).filter((t) => !CONTACT_LINE.test(t));
  if (addressLines.length) details.addressLines = addressLines;
  let confidence = 0.65;
  if (postcodeAt >= 0) {
    const m = POSTCODE_LINE.exec(squash(block[postcodeAt].text))!;
    const code = m[1].replace(' ', '');
    const lookup = lookupPostcode(code, m[2], /cedex/i.test(block[postcodeAt].text));
    details.postcode = code;
    details.city = m[2].trim();
    if (lookup.exists && lookup.cityMatches) {
      details.inseeCode = lookup.inseeCode;
      confidence += 0.05;
    }
    confidence += 0.1;
  }
  for (const b of block.slice(1)) {
    const email = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(b.text);
    if (email && !details.email) details.email = email[0].toLowerCase();
    const phone = normalizeFrenchPhone(b.text.replace(/^[^\d+]*/, ''));
    if (phone && !details.phone) details.phone = phone;
  }
  const person = isPersonName(name);
  const signature = findSignature(pages);
  if (signature) {
    if (person && samePerson(name, signature.name)) confidence += 0.15;
    else if (person) confidence -= 0.15; // the top block and the signatory disagree
    else details.signatory = signature.name;
  }
  if (!person) details.organisation = name;
  const last = postcodeAt >= 0 ? block[postcodeAt] : block[block.length - 1];
  return [fieldAt(page, 0, block[0].start, last.end, {
    name: 'sender', value: name, normalized: name, confidence: Math.min(0.95, confidence), details,
  })];
}
