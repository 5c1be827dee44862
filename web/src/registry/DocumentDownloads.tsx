import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import type { DocumentView } from '../api/types.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { fileUrls } from './api.ts';
import { fr } from './fr.ts';

export function DocumentDownloads({ doc }: { doc: DocumentView }) {
  const { code } = useEntity();
  return (
    <ButtonsGroup
      inlineLayoutWhen="sm and up"
      buttonsSize="small"
      className="fr-mt-2w"
      buttons={[
        {
          children: fr.item.downloadOriginal,
          priority: 'secondary',
          iconId: 'fr-icon-download-line',
          linkProps: { to: fileUrls.original(code, doc.id), reloadDocument: true, download: doc.filename },
        },
        ...(doc.hasSearchablePdf
          ? [
              {
                children: fr.item.downloadSearchable,
                priority: 'secondary' as const,
                iconId: 'fr-icon-file-pdf-line' as const,
                linkProps: { to: fileUrls.searchable(code, doc.id), reloadDocument: true, download: '' },
              },
            ]
          : []),
      ]}
    />
  );
}
