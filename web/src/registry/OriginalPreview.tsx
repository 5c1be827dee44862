import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { DocumentView } from '../api/types.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { fileUrls } from './api.ts';
import { EmailBodyPreview } from './EmailBodyPreview.tsx';
import { fr } from './fr.ts';
import { PdfCanvasViewer } from './PdfCanvasViewer.tsx';

/** The original file: PDF in a canvas, images as <img>, e-mail bodies as text. */
export function OriginalPreview({ doc }: { doc: DocumentView }) {
  const { code } = useEntity();
  const url = fileUrls.original(code, doc.id);
  if (doc.role === 'email-body' || doc.kind === 'text') return <EmailBodyPreview documentId={doc.id} />;
  switch (doc.kind) {
    case 'pdf':
      return <PdfCanvasViewer url={url} filename={doc.filename} />;
    case 'jpeg':
    case 'png':
      return <img src={url} alt={fr.item.canvasLabel(1, doc.filename)} className="octo-image-preview" />;
    case 'tiff':
      return <Alert severity="info" small description={fr.item.tiffNoPreview} />;
    case 'eml':
      return <Alert severity="info" small description={fr.item.emlNoPreview} />;
  }
}
