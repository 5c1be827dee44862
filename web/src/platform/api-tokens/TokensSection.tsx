import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../format.ts';
import { Loading } from '../Loading.tsx';
import { QueryError } from '../QueryError.tsx';
import { createApiToken, listApiTokens, revokeApiToken } from './api.ts';
import { fr } from './fr.ts';

/** The entity's API tokens: create one (shown once), see their use, revoke. */
export function TokensSection({ code }: { code: string }) {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['api-tokens', code], queryFn: ({ signal }) => listApiTokens(code, signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['api-tokens', code] });
  const create = useMutation({ mutationFn: (body: Parameters<typeof createApiToken>[1]) => createApiToken(code, body), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: (id: string) => revokeApiToken(code, id), onSuccess: refresh });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['deposit']);
  const [expiresOn, setExpiresOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setProblem(fr.tokens.nameRequired);
    if (scopes.length === 0) return setProblem(fr.tokens.scopesRequired);
    setProblem(null);
    create.mutate({ name: name.trim(), scopes, expiresOn: expiresOn || null }, { onSuccess: () => setName('') });
  }

  const error = problem ?? (create.isError ? errorMessage(create.error) : null);
  return (
    <section className="fr-mb-6w" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{fr.tokens.title}</h2>
      {create.data && (
        <Alert
          severity="success"
          title={fr.tokens.created}
          description={<code data-testid="new-token">{create.data.token}</code>}
          className="fr-mb-3w"
        />
      )}
      <form onSubmit={onSubmit} className="fr-p-3w fr-mb-3w" style={{ background: 'var(--background-alt-grey)' }}>
        <Input label={fr.tokens.name} hintText={fr.tokens.nameHint} nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value), maxLength: 120 }} />
        <Checkbox
          legend={fr.tokens.scopes}
          orientation="horizontal"
          options={Object.entries(fr.tokens.scopeLabels).map(([scope, label]) => ({
            label: `${label} (${scope})`,
            nativeInputProps: {
              name: 'scopes',
              value: scope,
              checked: scopes.includes(scope),
              onChange: (e) => setScopes((current) => (e.target.checked ? [...current, scope] : current.filter((s) => s !== scope))),
            },
          }))}
        />
        <Input label={fr.tokens.expiresOn} nativeInputProps={{ type: 'date', value: expiresOn, onChange: (e) => setExpiresOn(e.target.value) }} />
        {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
        <Button type="submit" disabled={create.isPending}>{fr.tokens.create}</Button>
      </form>
      {tokens.isPending && <Loading />}
      {tokens.isError && <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {revoke.isError && <Alert severity="error" small description={errorMessage(revoke.error)} className="fr-mb-2w" />}
      {tokens.data?.length === 0 && <p>{fr.tokens.empty}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <Table
          headers={fr.tokens.columns}
          data={tokens.data.map((t) => [
            t.name,
            <code key="p">{t.prefix}…</code>,
            t.scopes.join(', ') || fr.tokens.none,
            fr.tokens.states[t.state] ?? t.state,
            t.expiresAt ? formatDateTime(t.expiresAt) : '—',
            t.lastUsedAt ? formatDateTime(t.lastUsedAt) : fr.tokens.never,
            t.state === 'revoked' ? '' : (
              <Button key="r" size="small" priority="secondary" onClick={() => window.confirm(fr.tokens.confirmRevoke(t.name)) && revoke.mutate(t.id)}>
                {fr.tokens.revoke}
              </Button>
            ),
          ])}
        />
      )}
    </section>
  );
}
