import type { DocumentView } from '../api/types.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { formatPercent } from '../platform/format.ts';
import { Loading } from '../platform/Loading.tsx';
import { QueryError } from '../platform/QueryError.tsx';
import { fr, textSourceLabels } from './fr.ts';
import { useDocumentText } from './queries.ts';

/** The text of each page of a document, with where it comes from (text layer or OCR). */
export function FullTextPanel({ doc }: { doc: DocumentView }) {
  const { code } = useEntity();
  const text = useDocumentText(code, doc.id, `${doc.status}:${doc.textSource ?? ''}`);
  if (text.isPending) return <Loading />;
  if (text.isError) return <QueryError error={text.error} onRetry={() => void text.refetch()} />;
  const pages = text.data.pages.filter((p) => p.text.trim() !== '');
  if (pages.length === 0) return <p>{fr.item.textEmpty}</p>;
  const offset = text.data.pages.some((p) => p.index === 0) ? 1 : 0;

  return (
    <div data-testid="full-text">
      {pages.map((p) => (
        <section key={p.index} className="fr-mb-3w" aria-labelledby={`text-page-${doc.id}-${p.index}`}>
          <h3 id={`text-page-${doc.id}-${p.index}`} className="fr-h6 fr-mb-1v">
            {fr.item.textPage(p.index + offset)}
          </h3>
          <p className="fr-text--xs fr-mb-1w octo-muted">
            {fr.item.textSource(
              textSourceLabels[p.source] ?? p.source,
              p.source === 'ocr' && p.confidence !== null ? formatPercent(p.confidence) : null,
            )}
          </p>
          <pre className="octo-pre" lang="fr">
            {p.text}
          </pre>
        </section>
      ))}
    </div>
  );
}
