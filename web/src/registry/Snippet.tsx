import { parseSnippet } from './snippet.ts';

/** A search snippet with its matched words highlighted (text only: never injected as HTML). */
export function Snippet({ snippet }: { snippet: string }) {
  return (
    <p className="octo-snippet fr-text--sm fr-mb-0">
      {parseSnippet(snippet).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </p>
  );
}
