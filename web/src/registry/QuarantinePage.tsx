import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { QuarantineEntry } from '../api/types.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { Loading } from '../platform/Loading.tsx';
import { QueryError } from '../platform/QueryError.tsx';
import { usePageTitle } from '../platform/usePageTitle.ts';
import { DismissForm } from './DismissForm.tsx';
import { fr } from './fr.ts';
import { useQuarantine } from './queries.ts';
import { QuarantineOpenTable } from './QuarantineOpenTable.tsx';
import { QuarantineResolvedTable } from './QuarantineResolvedTable.tsx';

type TabId = 'open' | 'resolved';

export function QuarantinePage() {
  const { code } = useEntity();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: TabId = searchParams.get('onglet') === 'traitees' ? 'resolved' : 'open';
  const entries = useQuarantine(code, tab);
  const [dismissing, setDismissing] = useState<QuarantineEntry | null>(null);
  const [done, setDone] = useState<QuarantineEntry | null>(null);
  usePageTitle(fr.quarantine.title);

  function selectTab(id: string) {
    setDismissing(null);
    setDone(null);
    setSearchParams(id === 'resolved' ? { onglet: 'traitees' } : {});
  }

  return (
    <>
      <h1>{fr.quarantine.title}</h1>
      <p>{fr.quarantine.lead}</p>
      {done && (
        <Alert
          severity="success"
          small
          description={fr.quarantine.dismissed(done.filename)}
          closable
          onClose={() => setDone(null)}
          className="fr-mb-3w"
        />
      )}
      {dismissing && (
        <DismissForm
          key={dismissing.id}
          entry={dismissing}
          onCancel={() => setDismissing(null)}
          onDone={(entry) => {
            setDismissing(null);
            setDone(entry);
          }}
        />
      )}
      <Tabs
        label={fr.quarantine.tabsLabel}
        selectedTabId={tab}
        onTabChange={selectTab}
        tabs={[
          { tabId: 'open', label: fr.quarantine.tabOpen },
          { tabId: 'resolved', label: fr.quarantine.tabResolved },
        ]}
      >
        {entries.isPending && <Loading />}
        {entries.isError && <QueryError error={entries.error} onRetry={() => void entries.refetch()} />}
        {entries.data?.length === 0 && <p>{fr.quarantine.empty}</p>}
        {entries.data && entries.data.length > 0 &&
          (tab === 'open' ? (
            <QuarantineOpenTable entries={entries.data} onDismiss={setDismissing} />
          ) : (
            <QuarantineResolvedTable entries={entries.data} />
          ))}
      </Tabs>
    </>
  );
}
