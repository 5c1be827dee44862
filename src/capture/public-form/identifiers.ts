// The identifiers a requester gives on the public form (CRPA L112-9, R112-9-1): a company's SIRET,
// an association's RNA number. Pure functions, shared with the web form.

/** SIREN of La Poste: its establishments' SIRETs do not pass the Luhn check (INSEE's documented exception). */
const LA_POSTE_SIREN = '356000000';

/** Spaces, dots and dashes as people type them, removed. */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.\-]/g, '');
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type SiretProblem = 'format' | 'checksum';

/** null when valid; otherwise what is wrong: not 14 digits, or a wrong check (Luhn; La Poste: sum of digits multiple of 5). */
export function siretProblem(value: string): SiretProblem | null {
  const siret = compactIdentifier(value);
  if (!/^\d{14}$/.test(siret)) return 'format';
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const sum = [...siret].reduce((total, d) => total + Number(d), 0);
    return sum % 5 === 0 ? null : 'checksum';
  }
  return luhnValid(siret) ? null : 'checksum';
}

/** The RNA number of an association: W followed by 9 digits (répertoire national des associations). */
export function isValidRna(value: string): boolean {
  return /^W\d{9}$/.test(compactIdentifier(value).toUpperCase());
}

export function normalizeRna(value: string): string {
  return compactIdentifier(value).toUpperCase();
}
