import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { createFromSender, getSenderContact, linkSenderContact } from './api.ts';

const fr = {
  title: 'Contact de l’expéditeur',
  none: 'Ce courrier n’est lié à aucun contact de l’annuaire.',
  suggestions: 'Contacts qui ressemblent à l’expéditeur :',
  reason: { email: 'même courriel', name: 'nom proche' },
  link: 'Lier',
  unlink: 'Délier',
  create: 'Créer le contact à partir de l’expéditeur',
  createConfidential: 'Créer un contact confidentiel',
};

/** The item page's panel: the sender's contact in the shared directory, or how to get one. */
export function SenderContactPanel({ code, chrono }: { code: string; chrono: string }) {
  const client = useQueryClient();
  const key = ['sender-contact', code, chrono];
  const current = useQuery({ queryKey: key, queryFn: ({ signal }) => getSenderContact(code, chrono, signal), retry: false });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const link = useMutation({ mutationFn: (id: string | null) => linkSenderContact(code, chrono, id), onSuccess: refresh });
  const create = useMutation({ mutationFn: (confidential: boolean) => createFromSender(code, chrono, confidential), onSuccess: refresh });
  if (!current.data) return null;
  const { contact, suggestions } = current.data;
  const error = link.error ?? create.error;
  return (
    <section className="fr-mb-4w" aria-labelledby="sender-contact-title" data-testid="sender-contact">
      <h2 id="sender-contact-title" className="fr-h5">{fr.title}</h2>
      {error && <Alert severity="error" small description={errorMessage(error)} className="fr-mb-2w" />}
      {contact ? (
        <>
          <p className="fr-mb-1w">
            <strong>{contact.displayName}</strong>
            {contact.postalAddress.length > 1 && <><br />{contact.postalAddress.slice(1).join(', ')}</>}
            {contact.email && <><br />{contact.email}</>}
          </p>
          <Button size="small" priority="tertiary" onClick={() => link.mutate(null)}>{fr.unlink}</Button>
        </>
      ) : (
        <>
          <p>{fr.none}</p>
          {suggestions.length > 0 && (
            <>
              <p className="fr-mb-1w">{fr.suggestions}</p>
              <ul>
                {suggestions.map((s) => (
                  <li key={s.id}>
                    {s.displayName} ({fr.reason[s.reason]}){' '}
                    <Button size="small" priority="secondary" disabled={link.isPending} onClick={() => link.mutate(s.id)}>{fr.link}</Button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="fr-btns-group fr-btns-group--inline-sm">
            <Button size="small" priority="secondary" disabled={create.isPending} onClick={() => create.mutate(false)}>{fr.create}</Button>
            <Button size="small" priority="tertiary" disabled={create.isPending} onClick={() => create.mutate(true)}>{fr.createConfidential}</Button>
          </div>
        </>
      )}
    </section>
  );
}
