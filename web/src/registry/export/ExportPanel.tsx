import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { exportItem, exportZipUrl, getExport } from './api.ts';

const fr = {
  title: 'Transmission hors plateforme (CRPA L114-2)',
  lead: 'Si la demande relève d’une administration qui n’utilise pas Octo, transmettez-la sous forme de paquet : documents originaux, versions recherchables, bordereau de transmission, manifeste et empreintes. Le courrier est alors classé « Transmis hors plateforme ».',
  open: 'Transmettre à une administration hors plateforme…',
  recipient: 'Administration destinataire',
  address: 'Adresse postale (une ligne par ligne d’adresse)',
  reason: 'Motif de la transmission',
  reasonHint: 'Par défaut : demande ne relevant pas de la compétence de l’entité.',
  submit: 'Produire le paquet et transmettre',
  done: (name: string, date: string) => `Transmis à ${name} le ${date.slice(0, 10)}.`,
  download: 'Télécharger le paquet (ZIP)',
};

/** The item page's panel: send the item to an outside administration, then download its package. */
export function ExportPanel({ code, chrono }: { code: string; chrono: string }) {
  const client = useQueryClient();
  const current = useQuery({ queryKey: ['export', code, chrono], queryFn: ({ signal }) => getExport(code, chrono, signal), retry: false });
  const [open, setOpen] = useState(false);
  const [recipient, setRecipient] = useState('');
  const [address, setAddress] = useState('');
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: () => exportItem(code, chrono, { recipientName: recipient, recipientAddress: address.split('\n'), reason: reason || undefined }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['export', code, chrono] }), client.invalidateQueries({ queryKey: ['handling', code, chrono] })]),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  if (current.isPending || current.isError) return null;
  return (
    <section className="fr-mb-4w" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title" className="fr-h5">{fr.title}</h2>
      {current.data ? (
        <>
          <p>{fr.done(current.data.recipient.name, current.data.transferredOutAt)}</p>
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={exportZipUrl(code, chrono)} download={current.data.filename}>{fr.download}</a>
        </>
      ) : !open ? (
        <Button priority="secondary" onClick={() => setOpen(true)}>{fr.open}</Button>
      ) : (
        <form onSubmit={submit}>
          <p>{fr.lead}</p>
          <Input label={fr.recipient} nativeInputProps={{ value: recipient, onChange: (e) => setRecipient(e.target.value), required: true }} />
          <Input label={fr.address} textArea nativeTextAreaProps={{ value: address, onChange: (e) => setAddress(e.target.value), rows: 3 }} />
          <Input label={fr.reason} hintText={fr.reasonHint} nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }} />
          {send.isError && <Alert severity="error" small description={errorMessage(send.error)} className="fr-mb-2w" />}
          <Button type="submit" disabled={send.isPending || !recipient.trim()}>{fr.submit}</Button>
        </form>
      )}
    </section>
  );
}
