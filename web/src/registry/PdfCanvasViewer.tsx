import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useRef, useState } from 'react';
import { Loading } from '../platform/Loading.tsx';
import { fr } from './fr.ts';
import { PageNavigation } from './PageNavigation.tsx';
import type { PDFDocumentProxy } from './pdfjs.ts';

const MAX_WIDTH = 900;

/** One page of a PDF at a time, drawn by pdf.js into a canvas, with page navigation. */
export function PdfCanvasViewer({ url, filename }: { url: string; filename: string }) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [page, setPage] = useState(1);
  const [rendered, setRendered] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    setPdf(null);
    setFailed(false);
    setPage(1);
    import('./pdfjs.ts')
      .then(({ loadPdf }) => {
        if (cancelled) return;
        const task = loadPdf(url);
        destroy = task.destroy;
        return task.promise.then((doc) => {
          if (!cancelled) setPdf(doc);
        });
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [url]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!pdf || !canvas) return;
    let cancelled = false;
    let cancelRender: (() => void) | undefined;
    setRendered(false);
    pdf
      .getPage(page)
      .then((pdfPage) => {
        if (cancelled) return;
        const width = Math.min(frameRef.current?.clientWidth || MAX_WIDTH, MAX_WIDTH);
        const base = pdfPage.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const viewport = pdfPage.getViewport({ scale: (width / base.width) * ratio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        const task = pdfPage.render({ canvas, viewport });
        cancelRender = () => task.cancel();
        return task.promise.then(() => {
          if (!cancelled) setRendered(true);
        });
      })
      .catch((error: unknown) => {
        if (!cancelled && !(error instanceof Error && error.name === 'RenderingCancelledException')) setFailed(true);
      });
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [pdf, page]);

  if (failed) return <Alert severity="error" small description={fr.item.renderError} />;

  return (
    <div ref={frameRef}>
      {!pdf && <Loading />}
      {pdf && pdf.numPages > 1 && <PageNavigation page={page} count={pdf.numPages} onChange={setPage} />}
      <canvas
        ref={canvasRef}
        className="octo-pdf-canvas"
        role="img"
        aria-label={fr.item.canvasLabel(page, filename)}
        data-rendered={rendered ? 'true' : 'false'}
        data-page={page}
        hidden={!pdf}
      />
    </div>
  );
}
