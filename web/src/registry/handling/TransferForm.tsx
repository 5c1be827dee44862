import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage, postJson, seg } from '../../api/client.ts';
import { useEntities } from '../../platform/api.ts';

interface TransferResult {
  chrono: string;
  entityCode: string;
  firstReceivedOn: string;
  notice?: { channel: 'email' | 'letter'; to: string | null; detail: string };
}

/**
 * L114-2 in two clicks: choose the competent entity of the platform, send. It registers the
 * request under its own number; the sender is informed (by e-mail when the address is known).
 */
export function TransferForm({ code, chrono, onDone }: { code: string; chrono: string; onDone: (message: string) => void }) {
  const entities = useEntities();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const transfer = useMutation({
    mutationFn: () =>
      postJson<TransferResult>(`/entities/${seg(code)}/mail-items/${seg(chrono)}/transfer`, { targetEntityCode: target, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: (done) => {
      // The panel says it (this form leaves with the item, now closed here).
      onDone(`Transmis : enregistré par l’entité compétente sous le numéro ${done.chrono} (première réception le ${done.firstReceivedOn}). ${done.notice?.detail ?? ''}`.trim());
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['handling', code, chrono] }),
        queryClient.invalidateQueries({ queryKey: ['mail-item-history', code, chrono] }),
      ]);
    },
  });
  const others = (entities.data ?? []).filter((entity) => entity.code !== code);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (target) transfer.mutate();
  }

  return (
    <form onSubmit={onSubmit} aria-label="Transmettre à l’entité compétente">
      <p className="fr-text--sm">
        Demande adressée à tort (CRPA L114-2) : l’entité compétente l’enregistre sous son propre numéro et le demandeur est informé.
      </p>
      <Select
        label="Entité compétente"
        nativeSelectProps={{ id: 'transfer-target', value: target, onChange: (e) => setTarget(e.target.value), required: true }}
      >
        <option value="" disabled>
          Choisir une entité
        </option>
        {others.map((entity) => (
          <option key={entity.code} value={entity.code}>
            {entity.name}
          </option>
        ))}
      </Select>
      <Input label="Motif (facultatif)" nativeInputProps={{ id: 'transfer-note', value: note, maxLength: 500, onChange: (e) => setNote(e.target.value) }} />
      {transfer.isError && <Alert severity="error" small description={errorMessage(transfer.error)} className="fr-mb-2w" />}
      <Button type="submit" disabled={transfer.isPending || !target}>
        {transfer.isPending ? 'Transmission…' : 'Transmettre'}
      </Button>
    </form>
  );
}
