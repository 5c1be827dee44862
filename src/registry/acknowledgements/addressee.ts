// The requester's address as the envelope window shows it (NF Z10-011, legal-rules.md E1–E3):
// at most 6 lines of at most 38 characters; after the name, upper case without accents or
// punctuation, so that sorting machines read it.

const MAX_LINES = 6;
const MAX_CHARS = 38;

export function postalStyle(line: string): string {
  return line
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/['’]/g, ' ')
    .replace(/[.,;:!?"«»()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text looks like a postal address (a 5-digit postcode), not an e-mail address. */
export function isPostalAddress(address: string | null | undefined): address is string {
  return Boolean(address && !/^[^\s@]+@[^\s@]+$/.test(address.trim()) && /\b\d{5}\b/.test(address));
}

export function addresseeLines(name: string | null, address: string | null): { lines: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const head = name?.replace(/\s+/g, ' ').trim() || 'Madame, Monsieur';
  if (!name?.trim()) warnings.push('Nom de l’expéditeur inconnu : complétez-le avant l’envoi.');
  let rest: string[] = [];
  if (isPostalAddress(address)) {
    // lines are kept when the address has them; otherwise its commas separate them (indexing)
    const parts = (/\n/.test(address) ? address.split('\n') : address.split(',')).map(postalStyle).filter(Boolean);
    for (const part of parts) {
      // "5 bis" cut from its street by a comma belongs to the next line
      if (rest.length && /^\d+( (B|BIS|T|TER|Q|QUATER))?$/.test(rest[rest.length - 1]!)) rest[rest.length - 1] += ` ${part}`;
      else rest.push(part);
    }
    rest = rest.map((line) => line.replace(/^(\d+) (BIS|TER|QUATER)\b/, (_all, n: string, suffix: string) => `${n} ${suffix[0]}`));
  } else {
    warnings.push('Adresse postale de l’expéditeur inconnue : complétez-la avant l’envoi, ou envoyez l’accusé de réception par courriel.');
  }
  if (rest.length > MAX_LINES - 1) {
    warnings.push(`Adresse de plus de ${MAX_LINES} lignes : seules les ${MAX_LINES - 1} dernières sont imprimées.`);
    rest = rest.slice(-(MAX_LINES - 1));
  }
  const lines = [head, ...rest];
  if (lines.some((l) => l.length > MAX_CHARS)) warnings.push(`Une ligne d’adresse dépasse ${MAX_CHARS} caractères : vérifiez-la.`);
  return { lines: lines.map((l) => l.slice(0, MAX_CHARS).trim()), warnings };
}
