import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { formatDateTime, formatPercent } from '../../platform/format.ts';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { useRequestTypes } from '../../registry/handling/queries.ts';
import { useServiceName } from '../../registry/handling/serviceTree.ts';
import type { ItemRouting, RoutingGuess } from './api.ts';
import { fr } from './fr.ts';
import { useItemRouting } from './queries.ts';

/** « Aiguillage » of an item: the rule that decided, the model's proposal and its reasons, or the abstention. */
export function RoutingPanel({ code, chrono, busy }: { code: string; chrono: string; busy: boolean }) {
  const routing = useItemRouting(code, chrono, busy);
  const queryClient = useQueryClient();
  const decidedAt = routing.data?.decidedAt;
  useEffect(() => {
    // A decision may have set the service and type: the « Traitement » panel and history follow.
    if (!decidedAt) return;
    void queryClient.invalidateQueries({ queryKey: ['handling', code, chrono] });
    void queryClient.invalidateQueries({ queryKey: ['mail-item-history', code, chrono] });
  }, [decidedAt, code, chrono, queryClient]);

  return (
    <section
      className="fr-p-3w fr-mb-4w"
      style={{ border: '1px solid var(--border-default-grey)' }}
      aria-labelledby="routing-title"
      data-testid="routing-panel"
    >
      <h2 id="routing-title" className="fr-h4">
        {fr.panel.title}
      </h2>
      {routing.isPending && <Loading />}
      {routing.isError && <QueryError error={routing.error} onRetry={() => void routing.refetch()} />}
      {routing.data === null && <p className="fr-mb-0">{busy ? fr.panel.pending : fr.panel.notRouted}</p>}
      {routing.data && <RoutingDecisionView routing={routing.data} code={code} />}
    </section>
  );
}

function RoutingDecisionView({ routing, code }: { routing: ItemRouting; code: string }) {
  const serviceName = useServiceName();
  const types = useRequestTypes(code);
  const typeName = (c: string) => types.data?.find((t) => t.code === c)?.name ?? c;
  const { decision } = routing;
  const corrected =
    routing.learnt?.source === 'agent' &&
    decision.decidedBy !== 'none' &&
    (routing.learnt.serviceCode !== decision.serviceCode || (routing.learnt.requestTypeCode ?? decision.requestTypeCode) !== decision.requestTypeCode);

  return (
    <div data-testid="routing-decision">
      {decision.decidedBy === 'rule' && decision.rule && (
        <>
          <p className="fr-mb-1w">
            <Badge severity="success" small noIcon className="fr-mr-1w">
              {fr.panel.byRule(decision.rule.name)}
            </Badge>
          </p>
          {decision.rule.matchedKeywords.length > 0 && (
            <p className="fr-mb-1w">
              {fr.panel.matchedKeywords} : <strong>{decision.rule.matchedKeywords.join(', ')}</strong>
            </p>
          )}
          <Outcome label={fr.panel.service} value={decision.serviceCode ? serviceName(decision.serviceCode) : null} />
          <Outcome label={fr.panel.requestType} value={decision.requestTypeCode ? typeName(decision.requestTypeCode) : null} />
        </>
      )}
      {decision.decidedBy === 'classifier' && decision.service && (
        <>
          <p className="fr-mb-1w">
            <Badge severity="info" small noIcon>
              {fr.panel.byModel}
            </Badge>
          </p>
          <GuessView label={fr.panel.service} guess={decision.service} name={serviceName} />
          {decision.requestType && decision.requestTypeCode ? (
            <GuessView label={fr.panel.requestType} guess={decision.requestType} name={typeName} />
          ) : (
            <p className="fr-text--sm octo-muted">{fr.panel.typeBelowThreshold}</p>
          )}
        </>
      )}
      {decision.decidedBy === 'none' && (
        <>
          <p className="fr-mb-1w">
            <Badge severity="warning" small noIcon>
              {fr.panel.abstained}
            </Badge>
          </p>
          {decision.abstention && <p className="fr-mb-1w">{decision.abstention}</p>}
          {decision.service && <GuessView label={fr.panel.bestGuess} guess={decision.service} name={serviceName} />}
        </>
      )}
      {corrected && <p className="fr-text--sm fr-mb-1w">{fr.panel.corrected}</p>}
      <p className="fr-text--xs octo-muted fr-mb-0">
        {fr.panel.decidedAt(formatDateTime(routing.decidedAt))}
        {decision.decidedBy !== 'rule' && <> — {fr.panel.threshold(formatPercent(decision.threshold))}</>}
      </p>
    </div>
  );
}

function Outcome({ label, value }: { label: string; value: string | null }) {
  return (
    <p className="fr-mb-1w">
      {label} : <strong>{value ?? fr.panel.none}</strong>
    </p>
  );
}

function GuessView({ label, guess, name }: { label: string; guess: RoutingGuess; name: (code: string) => string }) {
  return (
    <div className="fr-mb-2w">
      <p className="fr-mb-0">
        {label} : <strong>{name(guess.code)}</strong> — {fr.panel.confidence} <strong>{formatPercent(guess.confidence)}</strong>
      </p>
      {guess.words.length > 0 && (
        <p className="fr-text--sm fr-mb-0">
          {fr.panel.words} : {guess.words.join(', ')}
        </p>
      )}
      {guess.runnerUp && <p className="fr-text--sm octo-muted fr-mb-0">{fr.panel.runnerUp(name(guess.runnerUp.code), formatPercent(guess.runnerUp.confidence))}</p>}
    </div>
  );
}
