import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useEntity } from '../../platform/EntityContext.tsx';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import type { RoutingRule } from './api.ts';
import { fr } from './fr.ts';
import { ModelStatsPanel } from './ModelStatsPanel.tsx';
import { useRemoveRule, useRoutingRules } from './queries.ts';
import { RuleForm } from './RuleForm.tsx';
import { RulesTable } from './RulesTable.tsx';

/** « Aiguillage » (entity admins): the routing rules, in the order they are examined, and the model. */
export function RoutingRulesPage() {
  const { code, entity } = useEntity();
  usePageTitle(fr.rules.title);
  // The roles only choose what to show; the server refuses the rules to anyone but an entity admin.
  const isAdmin = entity?.myRoles.includes('entity_admin') ?? false;
  const rules = useRoutingRules(code, isAdmin);
  const remove = useRemoveRule(code);
  const [done, setDone] = useState<string | null>(null);

  function onRemove(rule: RoutingRule) {
    if (!window.confirm(fr.rules.removeConfirm(rule.name))) return;
    setDone(null);
    remove.mutate(rule.id, { onSuccess: () => setDone(fr.rules.removed(rule.name)) });
  }

  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: '/' }}
        segments={[{ label: entity?.shortName ?? code, linkProps: { to: `/e/${encodeURIComponent(code)}/courriers` } }]}
        currentPageLabel={fr.rules.title}
      />
      <h1>{fr.rules.title}</h1>
      {entity === undefined && <Loading />}
      {entity && !isAdmin && <Alert severity="warning" small description={fr.rules.forbidden} />}
      {isAdmin && (
        <>
          <p>{fr.rules.lead}</p>
          {done && <Alert severity="success" small closable description={done} onClose={() => setDone(null)} className="fr-mb-3w" />}
          {remove.isError && <Alert severity="error" small description={errorMessage(remove.error)} className="fr-mb-3w" />}
          <section aria-labelledby="routing-rules-title" className="fr-mb-4w">
            <h2 id="routing-rules-title" className="fr-h4">
              {fr.rules.listTitle}
            </h2>
            {rules.isPending && <Loading />}
            {rules.isError && <QueryError error={rules.error} onRetry={() => void rules.refetch()} />}
            {rules.data &&
              (rules.data.length === 0 ? (
                <p>{fr.rules.empty}</p>
              ) : (
                <RulesTable code={code} rules={rules.data} onRemove={onRemove} removing={remove.isPending} />
              ))}
          </section>
          <RuleForm code={code} onAdded={(rule) => setDone(fr.rules.added(rule.name))} />
          <ModelStatsPanel code={code} />
        </>
      )}
    </>
  );
}
