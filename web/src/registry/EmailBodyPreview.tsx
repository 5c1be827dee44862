import { useEntity } from '../platform/EntityContext.tsx';
import { Loading } from '../platform/Loading.tsx';
import { QueryError } from '../platform/QueryError.tsx';
import { useDocumentOriginalText } from './queries.ts';

/** The body of an e-mail, as preformatted text (never interpreted as HTML). */
export function EmailBodyPreview({ documentId }: { documentId: string }) {
  const { code } = useEntity();
  const body = useDocumentOriginalText(code, documentId);
  if (body.isPending) return <Loading />;
  if (body.isError) return <QueryError error={body.error} onRetry={() => void body.refetch()} />;
  return <pre className="octo-pre">{body.data}</pre>;
}
