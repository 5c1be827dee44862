export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Splits a search snippet where the server marked matches as [[word]].
 * The parts are rendered as React text (escaped), matches inside <mark>; an unclosed [[ is kept as text.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf('[[');
    const close = open === -1 ? -1 : rest.indexOf(']]', open + 2);
    if (open === -1 || close === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    const matched = rest.slice(open + 2, close);
    if (matched) parts.push({ text: matched, match: true });
    rest = rest.slice(close + 2);
  }
  return parts;
}
