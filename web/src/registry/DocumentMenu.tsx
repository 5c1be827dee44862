import { SideMenu } from '@codegouvfr/react-dsfr/SideMenu';
import type { DocumentView } from '../api/types.ts';
import { formatSize } from '../platform/format.ts';
import { documentRoleLabels, fr } from './fr.ts';

/** The documents of a mail item; the selected one is shown beside it (?doc=<id>). */
export function DocumentMenu({ documents, selectedId }: { documents: DocumentView[]; selectedId: string | undefined }) {
  if (documents.length === 0) return <p className="fr-text--sm">{fr.item.noDocuments}</p>;
  return (
    <SideMenu
      title={fr.item.documentsTitle}
      burgerMenuButtonText={fr.item.documentsMenu}
      className="fr-mb-2w"
      items={documents.map((doc) => ({
        text: (
          <span>
            {doc.filename}
            <span className="fr-text--xs octo-muted" style={{ display: 'block' }}>
              {documentRoleLabels[doc.role]} · {doc.kind.toUpperCase()} · {formatSize(doc.sizeBytes)}
            </span>
          </span>
        ),
        isActive: doc.id === selectedId,
        linkProps: { to: `?doc=${encodeURIComponent(doc.id)}`, replace: true },
      }))}
    />
  );
}
