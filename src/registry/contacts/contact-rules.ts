// Pure rules of the contact directory: normalisation, SIRET check, French postal address
// (NF Z10-011: at most six lines of 38 characters, the last one « CODE POSTAL VILLE »), and the
// fuzzy name comparison that proposes duplicates.

export const POSTAL_LINE_MAX = 38;
/** Lines 2 to 5 of the address (the name takes line 1, the postcode and city line 6). */
export const ADDRESS_LINES_MAX = 4;

/** Lowercase, no accents, no punctuation, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const CIVILITY = new Set(['m', 'mme', 'mlle', 'monsieur', 'madame', 'mademoiselle', 'me', 'dr']);

/** The key fuzzy matching compares: folded words without civility, sorted (« MARTIN Jean » = « Jean Martin »). */
export function nameKeyOf(input: { lastName?: string | null; firstName?: string | null; organisation?: string | null }): string {
  const person = [input.firstName, input.lastName].filter(Boolean).join(' ');
  const words = foldText(person || input.organisation || '')
    .split(' ')
    .filter((w) => w && !CIVILITY.has(w));
  return words.sort().join(' ');
}

export function emailKeyOf(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isValidEmail(email: string): boolean {
  return EMAIL.test(email.trim());
}

/**
 * A SIRET is 14 digits whose Luhn sum is a multiple of 10 — except La Poste's establishments
 * (SIREN 356000000), whose digits add up to a multiple of 5 (INSEE rule).
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000')) {
    return [...siret].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let digit = Number(siret[13 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function normalizeSiret(siret: string): string {
  return siret.replace(/[\s.]/g, '');
}

/** Problems of a French postal address, in French (empty when it follows the norm). */
export function postalAddressProblems(address: { lines: string[]; postcode: string | null; city: string | null; country?: string | null }): string[] {
  const problems: string[] = [];
  if (address.lines.length > ADDRESS_LINES_MAX) {
    problems.push(`L’adresse compte ${address.lines.length} lignes : ${ADDRESS_LINES_MAX} au plus entre le nom et la ligne « code postal et ville » (norme NF Z10-011).`);
  }
  for (const line of address.lines) {
    if (line.length > POSTAL_LINE_MAX) problems.push(`La ligne « ${line} » dépasse ${POSTAL_LINE_MAX} caractères (norme NF Z10-011).`);
  }
  const french = !address.country || foldText(address.country) === 'france';
  if (address.postcode && french && !/^\d{5}$/.test(address.postcode)) {
    problems.push(`Code postal invalide : ${address.postcode} (cinq chiffres).`);
  }
  if ((address.postcode && !address.city) || (!address.postcode && address.city)) {
    problems.push('Le code postal et la ville vont ensemble : indiquez les deux.');
  }
  return problems;
}

/** The address as printed on an envelope: name, organisation, lines, « 69003 LYON », country abroad. */
export function postalLinesOf(contact: {
  kind: 'person' | 'organisation';
  lastName: string | null;
  firstName: string | null;
  organisation: string | null;
  addressLines: string[];
  postcode: string | null;
  city: string | null;
  country: string | null;
}): string[] {
  const person = [contact.firstName, contact.lastName?.toUpperCase()].filter(Boolean).join(' ');
  const lines = contact.kind === 'person' ? [person, contact.organisation] : [contact.organisation];
  const last = contact.postcode && contact.city ? `${contact.postcode} ${foldText(contact.city).toUpperCase()}` : null;
  const foreign = contact.country && foldText(contact.country) !== 'france' ? contact.country.toUpperCase() : null;
  return [...lines, ...contact.addressLines, last, foreign].filter((l): l is string => Boolean(l && l.trim()));
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** 1 for the same name key, down to 0; « Jean MARTIN » and « Jean Martinn » score above 0.9. */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}

export const NAME_MATCH_THRESHOLD = 0.85;
