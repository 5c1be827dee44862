import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { getProviders, SESSION_KEY, signIn } from './api.ts';
import { fr } from './fr.ts';

/** Shown in place of any page while signed out; after signing in, the page asked for appears. */
export function SignInPage({ sessionEnded = false }: { sessionEnded?: boolean }) {
  usePageTitle(fr.title);
  const queryClient = useQueryClient();
  const location = useLocation();
  const providers = useQuery({ queryKey: ['auth-providers'], queryFn: getProviders, staleTime: Infinity });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const login = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: (session) => {
      // Everything cached belonged to the signed-out state (or another agent): start afresh.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
  useEffect(() => {
    if (login.isError || missing) errorRef.current?.focus();
  }, [login.isError, login.failureCount, missing]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate();
  };

  const returnTo = `${location.pathname}${location.search}`;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>{fr.title}</h1>
        <p className="fr-text--lead">{fr.lead}</p>
        {sessionEnded && !login.isError && <Alert severity="info" small description={fr.sessionEnded} className="fr-mb-3w" />}
        <div ref={errorRef} tabIndex={-1}>
          {(login.isError || missing) && (
            <Alert severity="error" title="Connexion impossible" description={missing ? fr.missingFields : errorMessage(login.error)} className="fr-mb-3w" />
          )}
        </div>
        {providers.data?.oidc && (
          <>
            <ProConnectButton url={`/api/auth/oidc/start?${new URLSearchParams({ returnTo })}`} />
            <p className="fr-hr-or">{fr.or}</p>
          </>
        )}
        <form onSubmit={submit} noValidate aria-label={fr.title}>
          <Input
            label={fr.email}
            hintText={fr.emailHint}
            nativeInputProps={{ type: 'email', name: 'email', autoComplete: 'username', value: email, onChange: (e) => setEmail(e.target.value), required: true }}
          />
          <PasswordInput
            label={fr.password}
            nativeInputProps={{ name: 'password', autoComplete: 'current-password', value: password, onChange: (e) => setPassword(e.target.value), required: true }}
          />
          <Button type="submit" disabled={login.isPending}>
            {login.isPending ? fr.submitting : fr.submit}
          </Button>
        </form>
      </div>
    </div>
  );
}
