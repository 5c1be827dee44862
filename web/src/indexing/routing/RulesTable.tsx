import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useRequestTypes } from '../../registry/handling/queries.ts';
import { useServiceName } from '../../registry/handling/serviceTree.ts';
import type { RoutingRule } from './api.ts';
import { fr } from './fr.ts';

function conditionsOf(rule: RoutingRule): string[] {
  const c = fr.rules.conditions;
  return [
    rule.keywords?.length ? c.keywords(rule.keywords) : null,
    rule.senderDomain ? c.senderDomain(rule.senderDomain) : null,
    rule.senderAddress ? c.senderAddress(rule.senderAddress) : null,
    rule.formType ? c.formType(rule.formType) : null,
    rule.mailbox ? c.mailbox(rule.mailbox) : null,
  ].filter((x): x is string => x !== null);
}

export function RulesTable({ code, rules, onRemove, removing }: { code: string; rules: RoutingRule[]; onRemove: (rule: RoutingRule) => void; removing: boolean }) {
  const serviceName = useServiceName();
  const types = useRequestTypes(code);
  const typeName = (c: string) => types.data?.find((t) => t.code === c)?.name ?? c;
  const dash = <span className="octo-muted">—</span>;
  return (
    <Table
      id="routing-rules-table"
      caption={fr.rules.listTitle}
      noCaption
      fixed={false}
      headers={[...fr.rules.headers]}
      data={rules.map((rule) => [
        rule.priority,
        rule.name,
        <ul key="conditions" className="fr-mb-0">
          {conditionsOf(rule).map((condition) => (
            <li key={condition}>{condition}</li>
          ))}
        </ul>,
        rule.serviceCode ? serviceName(rule.serviceCode) : dash,
        rule.requestTypeCode ? typeName(rule.requestTypeCode) : dash,
        <Button
          key="remove"
          size="small"
          priority="secondary"
          iconId="fr-icon-delete-line"
          disabled={removing}
          title={fr.rules.removeLabel(rule.name)}
          nativeButtonProps={{ 'aria-label': fr.rules.removeLabel(rule.name) }}
          onClick={() => onRemove(rule)}
        >
          {fr.rules.remove}
        </Button>,
      ])}
    />
  );
}
