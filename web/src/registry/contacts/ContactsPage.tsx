import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useEntity } from '../../platform/EntityContext.tsx';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { listDuplicates, mergeContacts, searchContacts, type Contact } from './api.ts';
import { fr } from './fr.ts';

function ContactName({ contact }: { contact: Contact }) {
  return (
    <>
      {contact.displayName}
      {contact.confidentialEntityCode && (
        <>
          {' '}
          <Badge small severity="warning">{fr.confidential(contact.confidentialEntityCode)}</Badge>
        </>
      )}
    </>
  );
}

/** « Contacts »: the shared directory, searched by any word, and the probable duplicates to merge. */
export function ContactsPage() {
  const { code, entity } = useEntity();
  usePageTitle(fr.title);
  const [q, setQ] = useState('');
  const client = useQueryClient();
  const contacts = useQuery({ queryKey: ['contacts', q], queryFn: ({ signal }) => searchContacts(q, signal) });
  const duplicates = useQuery({ queryKey: ['contact-duplicates'], queryFn: ({ signal }) => listDuplicates(signal) });
  const merge = useMutation({
    mutationFn: (input: { sourceId: string; targetId: string }) => mergeContacts(input.sourceId, input.targetId),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['contacts'] }), client.invalidateQueries({ queryKey: ['contact-duplicates'] })]),
  });

  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: '/' }}
        segments={[{ label: entity?.shortName ?? code, linkProps: { to: `/e/${encodeURIComponent(code)}/courriers` } }]}
        currentPageLabel={fr.title}
      />
      <h1>{fr.title}</h1>
      <p>{fr.lead}</p>
      <SearchBar label={fr.searchLabel} onButtonClick={(text) => setQ(text.trim())} />
      {contacts.isPending && <Loading />}
      {contacts.isError && <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />}
      {contacts.data && (
        <div className="fr-table fr-mt-3w" data-testid="contacts-table">
          <table>
            <caption>{fr.count(contacts.data.total)}</caption>
            <thead>
              <tr>
                <th scope="col">{fr.columns.name}</th>
                <th scope="col">{fr.columns.address}</th>
                <th scope="col">{fr.columns.email}</th>
                <th scope="col">{fr.columns.phone}</th>
                <th scope="col">{fr.columns.siret}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.data.contacts.map((c) => (
                <tr key={c.id}>
                  <td><ContactName contact={c} /></td>
                  <td>{c.postalAddress.slice(1).join(', ') || '—'}</td>
                  <td>{c.email ?? '—'}</td>
                  <td>{c.phone ?? '—'}</td>
                  <td>{c.siret ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 className="fr-mt-5w">{fr.duplicatesTitle}</h2>
      {merge.isError && <Alert severity="error" small description={errorMessage(merge.error)} className="fr-mb-2w" />}
      {merge.data && <Alert severity="success" small description={fr.merged(merge.data.mailItemsMoved)} className="fr-mb-2w" />}
      {duplicates.isError && <QueryError error={duplicates.error} onRetry={() => void duplicates.refetch()} />}
      {duplicates.data && duplicates.data.pairs.length === 0 && <p>{fr.duplicatesEmpty}</p>}
      {duplicates.data && duplicates.data.pairs.length > 0 && (
        <ul className="fr-raw-list" data-testid="contact-duplicates">
          {duplicates.data.pairs.map(({ contacts: [a, b], reasons }) => (
            <li key={`${a.id}-${b.id}`} className="fr-card fr-p-2w fr-mb-2w">
              <p className="fr-mb-1w">
                <strong><ContactName contact={a} /></strong> — <strong><ContactName contact={b} /></strong> ({reasons.map((r) => fr.reasons[r]).join(', ')})
              </p>
              <div className="fr-btns-group fr-btns-group--inline-sm">
                <Button priority="secondary" size="small" disabled={merge.isPending} onClick={() => merge.mutate({ sourceId: b.id, targetId: a.id })}>{fr.keep(a.displayName)}</Button>
                <Button priority="secondary" size="small" disabled={merge.isPending} onClick={() => merge.mutate({ sourceId: a.id, targetId: b.id })}>{fr.keep(b.displayName)}</Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
