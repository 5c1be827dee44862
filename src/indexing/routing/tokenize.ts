// French text → classifier features: lowercase, accents folded, stop words dropped, a light
// suffix stemmer (plural and common derivations), and bigrams of neighbouring kept words.
// Deterministic and dependency-free, so the bench, the API and the CLI see the same features.

const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etre avoir ai as avons avez ont est sont suis sera seront etait fait faire plus tres bien tout tous toute toutes cela ceci comme si sans sous entre vers chez dont donc car ni or apres avant aussi ainsi alors deja encore ici la-bas madame monsieur mme mr mlle messieurs mesdames objet ref reference votre vos nous veuillez agreer expression salutations distinguees sentiments respectueux respectueuses considerations cordialement bonjour prie croire haute consideration lettre courrier page date'
  ).split(/\s+/),
);

const SUFFIXES = ['issements', 'issement', 'ements', 'ement', 'ations', 'ation', 'atrices', 'atrice', 'ateurs', 'ateur', 'ances', 'ance', 'ences', 'ence', 'ites', 'ite', 'ives', 'ive', 'euses', 'euse', 'eurs', 'eur', 'iques', 'ique', 'istes', 'iste', 'ees', 'ee', 'es', 'er', 'ez', 'e', 's', 'x'];

/** Folds case and accents, and ligatures, the way agents type a search. */
export function foldFrench(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** A light stemmer: keeps at least four letters so short words stay themselves. */
export function stemFrench(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

export interface Token {
  /** The stem used as a feature. */
  stem: string;
  /** The word as written (folded), shown to agents as a reason. */
  word: string;
}

/** Content words of a text, in order, as stems with their first written form. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Elisions (l’, d’, qu’) and hyphens split words; digits and symbols are noise for routing.
  for (const raw of foldFrench(text).split(/[^a-z]+/)) {
    if (raw.length < 3 || STOP_WORDS.has(raw)) continue;
    tokens.push({ stem: stemFrench(raw), word: raw });
  }
  return tokens;
}

export interface Features {
  /** Each distinct feature once (unigram stems and "a b" bigrams): presence, not counts, weighs. */
  features: string[];
  /** The written form of each feature, for explanations. */
  surface: Map<string, string>;
}

export function featuresOf(text: string): Features {
  const tokens = tokenize(text);
  const surface = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!surface.has(tokens[i].stem)) surface.set(tokens[i].stem, tokens[i].word);
    if (i + 1 < tokens.length) {
      const bigram = `${tokens[i].stem} ${tokens[i + 1].stem}`;
      if (!surface.has(bigram)) surface.set(bigram, `${tokens[i].word} ${tokens[i + 1].word}`);
    }
  }
  return { features: [...surface.keys()].sort(), surface };
}
