// The neutral form of an AR, shared by the PDF letter and the e-mail.

export type AckBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullet'; text: string };

/** A mention the law requires, and the words that prove it is in the AR. */
export interface RequiredMention {
  /** French label, used in the refusal message when it is missing. */
  label: string;
  needle: string;
}

/** Spaces folded, apostrophes and dashes unified: how generated text and pdftotext output compare. */
export function normalizeForCheck(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[’‘`]/g, '\'')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The required mentions whose words are absent from `text`. */
export function missingMentions(text: string, required: RequiredMention[]): RequiredMention[] {
  const haystack = normalizeForCheck(text);
  return required.filter((m) => !haystack.includes(normalizeForCheck(m.needle)));
}

export function blocksToText(blocks: AckBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') out.push('', block.text, '');
    else if (block.type === 'bullet') out.push(`- ${block.text}`);
    else out.push('', block.text, '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Free text (a rendered template) → paragraphs, split on blank lines; single line breaks kept. */
export function textToBlocks(text: string): AckBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph' as const, text: p }));
}
