import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useState } from 'react';
import type { DocumentView } from '../api/types.ts';
import { formatPercent } from '../platform/format.ts';
import { DocumentDownloads } from './DocumentDownloads.tsx';
import { DocumentPreview } from './DocumentPreview.tsx';
import { documentStatusLabels, fr, textSourceLabels } from './fr.ts';
import { FullTextPanel } from './FullTextPanel.tsx';

type Tab = 'preview' | 'fulltext';

/** The selected document: preview and full text in two tabs, and its downloads. */
export function DocumentPanel({ doc }: { doc: DocumentView }) {
  const [tab, setTab] = useState<Tab>('preview');
  const facts = [
    `${fr.item.documentStatus} : ${documentStatusLabels[doc.status]}`,
    doc.textSource ? textSourceLabels[doc.textSource] : null,
    doc.ocrConfidence !== null ? `${fr.item.ocrConfidence} ${formatPercent(doc.ocrConfidence)}` : null,
  ].filter(Boolean);

  return (
    <section aria-labelledby="document-title">
      <h2 id="document-title" className="fr-h5 fr-mb-1v">
        {doc.filename}
      </h2>
      <p className="fr-text--sm octo-muted">{facts.join(' · ')}</p>
      {doc.quarantineReason && (
        <Alert severity="error" small title={fr.item.quarantined} description={doc.quarantineReason} className="fr-mb-2w" />
      )}
      {/* A refused part is neither shown nor downloadable here: it stays in the quarantine. */}
      {!doc.quarantineReason && (
        <>
          <Tabs
            label={fr.item.tabsLabel}
            selectedTabId={tab}
            onTabChange={(id) => setTab(id as Tab)}
            tabs={[
              { tabId: 'preview', label: fr.item.tabs.preview, iconId: 'fr-icon-eye-line' },
              { tabId: 'fulltext', label: fr.item.tabs.fulltext, iconId: 'fr-icon-file-text-line' },
            ]}
          >
            {tab === 'preview' ? <DocumentPreview doc={doc} /> : <FullTextPanel doc={doc} />}
          </Tabs>
          <DocumentDownloads doc={doc} />
        </>
      )}
    </section>
  );
}
