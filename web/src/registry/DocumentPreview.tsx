import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useState } from 'react';
import type { DocumentView } from '../api/types.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { fileUrls } from './api.ts';
import { fr } from './fr.ts';
import { OriginalPreview } from './OriginalPreview.tsx';
import { PdfCanvasViewer } from './PdfCanvasViewer.tsx';

type Version = 'original' | 'searchable';

/** The document as the agent reads it; toggles to the searchable PDF when there is one. */
export function DocumentPreview({ doc }: { doc: DocumentView }) {
  const { code } = useEntity();
  const [version, setVersion] = useState<Version>(doc.hasSearchablePdf && doc.kind === 'tiff' ? 'searchable' : 'original');
  const shown: Version = doc.hasSearchablePdf ? version : 'original';

  return (
    <>
      {doc.hasSearchablePdf && (
        <SegmentedControl
          small
          legend={fr.item.versionLegend}
          inlineLegend
          name={`version-${doc.id}`}
          className="fr-mb-2w"
          segments={[
            {
              label: fr.item.versionOriginal,
              nativeInputProps: { checked: shown === 'original', onChange: () => setVersion('original') },
            },
            {
              label: fr.item.versionSearchable,
              nativeInputProps: { checked: shown === 'searchable', onChange: () => setVersion('searchable') },
            },
          ]}
        />
      )}
      {shown === 'searchable' ? (
        <PdfCanvasViewer url={fileUrls.searchable(code, doc.id)} filename={doc.filename} />
      ) : (
        <OriginalPreview doc={doc} />
      )}
    </>
  );
}
