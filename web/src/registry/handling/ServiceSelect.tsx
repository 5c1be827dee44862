import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEntity } from '../../platform/EntityContext.tsx';
import { serviceTree, type EntityService } from './serviceTree.ts';

/** The services of the current entity as a tree: sub-services are indented under their parent. */
export function ServiceSelect({
  id,
  label,
  hint,
  value,
  onChange,
  emptyLabel,
  required = false,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (code: string) => void;
  emptyLabel: string;
  required?: boolean;
}) {
  const { entity } = useEntity();
  const tree = serviceTree((entity?.services ?? []) as EntityService[]);
  return (
    <Select label={label} hint={hint} nativeSelectProps={{ id, value, required, onChange: (e) => onChange(e.target.value) }}>
      <option value="" disabled={required}>
        {emptyLabel}
      </option>
      {tree.map(({ service, depth }) => (
        <option key={service.code} value={service.code}>
          {`${'\u00a0\u00a0\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '└ ' : ''}${service.name}`}
        </option>
      ))}
    </Select>
  );
}
