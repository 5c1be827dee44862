// Password policy after ANSSI's "Recommandations relatives à l'authentification multifacteur et
// aux mots de passe" (v2.0, 2021) and the CNIL's 2022 recommendation it points to: for an account
// protected by a password alone (plus the lockout below), aim at about 80 bits, that is
// 12 characters of the four kinds, or 14 without special characters, or a long passphrase
// (20 characters or more, any kinds); refuse passwords built from the person's name or e-mail
// and the most common ones. No forced periodic renewal (ANSSI R24 and CNIL).

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_NO_SPECIAL_MIN_LENGTH = 14;
export const PASSPHRASE_MIN_LENGTH = 20;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordRule =
  | 'min_length'
  | 'max_length'
  | 'lowercase'
  | 'uppercase'
  | 'digit'
  | 'special'
  | 'personal_info'
  | 'common';

export interface PasswordViolation {
  rule: PasswordRule;
  fr: string;
}

// Frequent passwords (French and international leaks), compared once lowercased, accents
// folded, leetspeak undone and digits/symbols removed: "Azerty123!" is "azerty".
const COMMON = new Set([
  'password', 'passwort', 'motdepasse', 'mdp', 'azerty', 'azertyuiop', 'qwerty', 'qwertyuiop', 'abc', 'abcdef',
  'abcdefgh', 'admin', 'administrateur', 'administrator', 'root', 'user', 'utilisateur', 'welcome', 'bienvenue',
  'bonjour', 'salut', 'soleil', 'doudou', 'loulou', 'chouchou', 'nicolas', 'camille', 'marseille', 'paris', 'lyon',
  'france', 'jetaime', 'iloveyou', 'coucou', 'princesse', 'football', 'monkey', 'dragon', 'master', 'letmein',
  'secret', 'changeme', 'test', 'toto', 'titi', 'tata', 'octo', 'courrier', 'prefecture', 'etat', 'gouv',
  'republique', 'marianne', 'printemps', 'ete', 'automne', 'hiver', 'janvier', 'fevrier', 'mars', 'avril', 'mai',
  'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre', 'aaaaaa', 'qwertz', 'sunshine',
  'starwars', 'pokemon', 'superman', 'batman', 'ninja', 'azertyui', 'wxcvbn', 'poiuytreza', 'trustno',
]);

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function core(password: string): { plain: string; unleet: string } {
  const folded = fold(password);
  return {
    plain: folded.replace(/[^a-z]/g, ''),
    // "M0tDePasse-2024" → "m0tdepasse" (trailing and leading digits, symbols dropped) → "motdepasse"
    unleet: [...folded.replace(/^[^a-z]+|[^a-z]+$/g, '')].map((c) => LEET[c] ?? c).join('').replace(/[^a-z]/g, ''),
  };
}

/** Words of the person's name and e-mail (3 letters or more) the password must not contain. */
function personalWords(email: string | undefined, displayName: string | undefined): string[] {
  const local = email ? email.split('@')[0] ?? '' : '';
  return [...fold(local).split(/[^a-z0-9]+/), ...fold(displayName ?? '').split(/[^a-z0-9]+/)].filter((w) => w.length >= 3);
}

export function checkPassword(password: string, person: { email?: string; displayName?: string } = {}): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  const has = {
    lowercase: /\p{Ll}/u.test(password),
    uppercase: /\p{Lu}/u.test(password),
    digit: /\p{Nd}/u.test(password),
    special: /[^\p{L}\p{Nd}]/u.test(password),
  };
  if (length < PASSWORD_MIN_LENGTH) {
    violations.push({ rule: 'min_length', fr: `comporter au moins ${PASSWORD_MIN_LENGTH} caractères (il en compte ${length})` });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    violations.push({ rule: 'max_length', fr: `comporter au plus ${PASSWORD_MAX_LENGTH} caractères` });
  }
  if (length < PASSPHRASE_MIN_LENGTH) {
    const exemption = `sauf phrase de passe d’au moins ${PASSPHRASE_MIN_LENGTH} caractères`;
    if (!has.lowercase) violations.push({ rule: 'lowercase', fr: `contenir au moins une lettre minuscule (${exemption})` });
    if (!has.uppercase) violations.push({ rule: 'uppercase', fr: `contenir au moins une lettre majuscule (${exemption})` });
    if (!has.digit) violations.push({ rule: 'digit', fr: `contenir au moins un chiffre (${exemption})` });
    if (!has.special && length < PASSWORD_NO_SPECIAL_MIN_LENGTH) {
      violations.push({
        rule: 'special',
        fr: `contenir au moins un caractère spécial (par exemple - _ ! ? # ou une espace), ou compter au moins ${PASSWORD_NO_SPECIAL_MIN_LENGTH} caractères`,
      });
    }
  }
  const folded = fold(password);
  const words = personalWords(person.email, person.displayName);
  if (words.some((word) => folded.includes(word)) || (person.email && folded.includes(fold(person.email)))) {
    violations.push({ rule: 'personal_info', fr: 'ne pas contenir votre nom, votre prénom ni votre adresse électronique' });
  }
  const { plain, unleet } = core(password);
  if (plain.length < 4 || COMMON.has(plain) || COMMON.has(unleet)) {
    violations.push({
      rule: 'common',
      fr: 'ne pas être un mot de passe courant ni en dériver (par exemple « Azerty123! » ou « MotDePasse2024 ») et contenir au moins 4 lettres',
    });
  }
  return violations;
}

/** "Le mot de passe doit : comporter … ; contenir … ." */
export function describeViolations(violations: PasswordViolation[]): string {
  return `Le mot de passe doit : ${violations.map((v) => v.fr).join(' ; ')}.`;
}
