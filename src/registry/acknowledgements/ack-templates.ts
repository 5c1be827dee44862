// The editable part of the acknowledgements of receipt: default French texts, the placeholders an
// entity may use, validation of an edited text and its rendering.
//
// Design: the mentions the law requires (CRPA R112-5, R112-11-1, L114-5) are NOT in these texts.
// The generator builds them itself, from the item and the service, in a block that no template can
// remove (legal-mentions.ts); a template only chooses where that block goes, with the optional
// {{mentions_obligatoires}} marker (without it, the block follows the text). So an edited template
// can reword the letter, never make an AR unlawful.
import { OctoError } from '../../platform/errors.ts';
import type { AckChannel, AckTemplateKind } from './ack.tables.ts';

export const ACK_TEMPLATE_KINDS: readonly AckTemplateKind[] = ['sva', 'svr', 'none'];
export const ACK_CHANNELS: readonly AckChannel[] = ['letter', 'email'];

/** Where the generator puts the mandatory block; optional, at most once, only in the body. */
export const MANDATORY_BLOCK_MARKER = 'mentions_obligatoires';

/** The placeholders of the editable text, with what each becomes. */
export const ACK_PLACEHOLDERS = {
  expediteur: 'Nom de l’expéditeur (ou « Madame, Monsieur » s’il est inconnu)',
  entite: 'Nom de l’entité',
  service: 'Nom du service chargé du dossier',
  chrono: 'Numéro d’enregistrement (chrono)',
  date_reception: 'Date de réception de la demande, en toutes lettres',
  objet: 'Objet de la demande tel qu’enregistré (ou « votre demande »)',
  type_demande: 'Type de demande',
  date_decision: 'Date de naissance de la décision implicite, en toutes lettres',
  decision: 'Nature de la décision implicite : « acceptation implicite » ou « rejet implicite »',
  delai: 'Délai de naissance de la décision implicite : « 2 mois »…',
} as const;

export type AckPlaceholder = keyof typeof ACK_PLACEHOLDERS;
export type AckValues = Record<AckPlaceholder, string>;

export interface AckTemplateText {
  subject: string;
  body: string;
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;
const SUBJECT_MAX = 200;
const BODY_MAX = 8000;

const CLOSING_LETTER = 'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.\n\n{{service}}\n{{entite}}';
const CLOSING_EMAIL = 'Cordialement,\n\n{{service}}\n{{entite}}\n\nCe message vous est adressé automatiquement : merci de ne pas y répondre. Pour toute question, écrivez au service à l’adresse indiquée ci-dessus en rappelant le numéro {{chrono}}.';

const INTRO = 'Votre demande, enregistrée sous le numéro {{chrono}}, nous est parvenue le {{date_reception}}. Elle a été confiée au service chargé de son instruction, dont vous trouverez les coordonnées ci-dessous.';
const KEEP = 'Nous vous invitons à conserver le présent accusé de réception et à rappeler le numéro {{chrono}} dans toute correspondance.';
const MORE_ITEMS = 'Si l’instruction de votre dossier nécessite des informations ou des pièces complémentaires, le service vous les demandera par écrit, en vous indiquant le délai dans lequel les produire.';

const LEAD: Record<AckTemplateKind, string> = {
  sva: 'Cette demande est susceptible de donner lieu à une décision implicite d’acceptation. Les informations ci-dessous vous indiquent à quelle date elle naîtra en l’absence de réponse expresse, et comment en obtenir l’attestation.',
  svr: 'Cette demande est susceptible de donner lieu à une décision implicite de rejet. Les informations ci-dessous vous indiquent à quelle date elle naîtra en l’absence de réponse expresse, ainsi que les voies et délais de recours dont vous disposerez alors.',
  none: 'Cette demande appellera une réponse expresse de notre part.',
};

/** The default text of each kind and channel (used until an entity edits its own). */
export function defaultAckTemplate(kind: AckTemplateKind, channel: AckChannel): AckTemplateText {
  const paragraphs = channel === 'letter'
    ? ['Madame, Monsieur,', INTRO, LEAD[kind], MORE_ITEMS, `{{${MANDATORY_BLOCK_MARKER}}}`, KEEP, CLOSING_LETTER]
    : ['Bonjour,', INTRO, LEAD[kind], MORE_ITEMS, `{{${MANDATORY_BLOCK_MARKER}}}`, KEEP, CLOSING_EMAIL];
  return {
    subject: channel === 'letter' ? 'Accusé de réception de votre demande' : 'Accusé de réception de votre demande n° {{chrono}}',
    body: paragraphs.join('\n\n'),
  };
}

function invalid(detailFr: string, message: string): OctoError {
  return new OctoError('REGISTRY_ACK_TEMPLATE_INVALID', message, { detailFr });
}

/** Checks an edited text: known placeholders only, balanced braces, sizes; returns it trimmed. */
export function validateAckTemplate(input: AckTemplateText): AckTemplateText {
  const subject = input.subject.trim();
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  const problems: string[] = [];
  if (!subject) problems.push('l’objet est vide');
  if (subject.length > SUBJECT_MAX) problems.push(`l’objet dépasse ${SUBJECT_MAX} caractères`);
  if (/\n/.test(subject)) problems.push('l’objet tient sur une ligne');
  if (!body) problems.push('le texte est vide');
  if (body.length > BODY_MAX) problems.push(`le texte dépasse ${BODY_MAX} caractères`);
  const unknown = new Set<string>();
  for (const [where, text] of [['objet', subject], ['texte', body]] as const) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1]!;
      const allowed = name in ACK_PLACEHOLDERS || (where === 'texte' && name === MANDATORY_BLOCK_MARKER);
      if (!allowed) unknown.add(`{{${name}}}`);
    }
    if (/\{\{|\}\}/.test(text.replace(PLACEHOLDER, ''))) problems.push(`accolades {{ }} mal fermées ${where === 'objet' ? 'dans l’objet' : 'dans le texte'}`);
  }
  if (unknown.size) problems.push(`champs inconnus : ${[...unknown].join(', ')} (champs possibles : ${Object.keys(ACK_PLACEHOLDERS).map((p) => `{{${p}}}`).join(', ')}, et {{${MANDATORY_BLOCK_MARKER}}} dans le texte)`);
  const markers = [...body.matchAll(PLACEHOLDER)].filter((m) => m[1] === MANDATORY_BLOCK_MARKER).length;
  if (markers > 1) problems.push(`{{${MANDATORY_BLOCK_MARKER}}} ne peut figurer qu’une fois`);
  if (problems.length) throw invalid(`${problems.join(' ; ')}.`, `invalid ack template: ${problems.join('; ')}`);
  return { subject, body };
}

/** Replaces the placeholders; the body comes back split around the mandatory block's place. */
export function renderAckTemplate(template: AckTemplateText, values: AckValues): { subject: string; before: string; after: string } {
  const fill = (text: string) => text.replace(PLACEHOLDER, (all, name: string) => (name in values ? values[name as AckPlaceholder] : all));
  const marker = new RegExp(`\\{\\{\\s*${MANDATORY_BLOCK_MARKER}\\s*\\}\\}`);
  const [before, after = ''] = template.body.split(marker);
  return { subject: fill(template.subject).replace(/\s+/g, ' ').trim(), before: fill(before ?? '').trim(), after: fill(after).trim() };
}
