import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { Loading } from '../platform/Loading.tsx';
import { QueryError } from '../platform/QueryError.tsx';
import { usePageTitle } from '../platform/usePageTitle.ts';
import { DocumentMenu } from './DocumentMenu.tsx';
import { DocumentPanel } from './DocumentPanel.tsx';
import { EmailSummary } from './EmailSummary.tsx';
import { ExtractedFields } from './ExtractedFields.tsx';
import { fr } from './fr.ts';
import { HandlingPanel } from './handling/HandlingPanel.tsx';
import { RoutingPanel } from '../indexing/routing/RoutingPanel.tsx';
import { ExportPanel } from './export/ExportPanel.tsx';
import { SenderContactPanel } from './contacts/SenderContactPanel.tsx';
import { ItemWarnings } from './ItemWarnings.tsx';
import { MailItemHeader } from './MailItemHeader.tsx';
import { MailItemHistory } from './MailItemHistory.tsx';
import { ItemMailPanel } from '../mail/ItemMailPanel.tsx';
import { isBusy, useMailItem } from './queries.ts';

export function MailItemPage() {
  const { code, entity } = useEntity();
  const { chrono = '' } = useParams();
  const [searchParams] = useSearchParams();
  const item = useMailItem(code, chrono);
  usePageTitle(fr.item.title(chrono));

  const documents = [...(item.data?.documents ?? [])].sort((a, b) => a.position - b.position);
  const selected = documents.find((d) => d.id === searchParams.get('doc')) ?? documents[0];

  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: '/' }}
        segments={[
          { label: entity?.shortName ?? code, linkProps: { to: `/e/${encodeURIComponent(code)}/courriers` } },
          { label: fr.item.breadcrumbInbox, linkProps: { to: `/e/${encodeURIComponent(code)}/courriers` } },
        ]}
        currentPageLabel={chrono}
      />
      {item.isPending && <Loading />}
      {item.isError &&
        (item.error instanceof ApiError && item.error.status === 404 ? (
          <>
            <h1>{fr.item.title(chrono)}</h1>
            <Alert severity="error" small description={fr.item.notFound} />
          </>
        ) : (
          <QueryError error={item.error} onRetry={() => void item.refetch()} />
        ))}
      {item.data && (
        <>
          <MailItemHeader item={item.data} />
          {isBusy(item.data) && (
            <Alert severity="info" small description={fr.item.processing} className="fr-mb-3w" />
          )}
          <ItemWarnings warnings={item.data.warnings} />
          <HandlingPanel code={code} chrono={chrono} />
          <RoutingPanel code={code} chrono={chrono} busy={isBusy(item.data)} />
          <ItemMailPanel code={code} chrono={chrono} />
          <ExportPanel code={code} chrono={chrono} />
          <SenderContactPanel code={code} chrono={chrono} />
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-4">
              <DocumentMenu documents={documents} selectedId={selected?.id} />
              {item.data.email && <EmailSummary email={item.data.email} />}
              <ExtractedFields fields={item.data.fields} />
              <MailItemHistory code={code} chrono={chrono} busy={isBusy(item.data)} status={item.data.status} />
            </div>
            <div className="fr-col-12 fr-col-md-8">{selected && <DocumentPanel key={selected.id} doc={selected} />}</div>
          </div>
        </>
      )}
    </>
  );
}
