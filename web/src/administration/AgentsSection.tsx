import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState, type FormEvent } from 'react';
import { QueryError } from '../platform/QueryError.tsx';
import { Loading } from '../platform/Loading.tsx';
import { formatDateTime } from '../platform/format.ts';
import { fr as sessionFr } from '../platform/session/fr.ts';
import { ServiceSelect } from '../registry/handling/ServiceSelect.tsx';
import { ENTITY_ROLES, SERVICE_ROLES, useAddAgent, useAddRole, useAgents, useSetAgentStatus, type Agent, type EntityRole } from './api.ts';
import { fr } from './fr.ts';
import { MutationError } from './MutationError.tsx';

const roleLabel = (role: string) => sessionFr.roles[role] ?? role;

function RoleFields({ idPrefix, role, serviceCode, onRole, onService }: {
  idPrefix: string;
  role: EntityRole;
  serviceCode: string;
  onRole: (role: EntityRole) => void;
  onService: (code: string) => void;
}) {
  const needsService = SERVICE_ROLES.includes(role);
  return (
    <>
      <Select label={fr.agents.add.role} nativeSelectProps={{ id: `${idPrefix}-role`, value: role, onChange: (e) => onRole(e.target.value as EntityRole) }}>
        {ENTITY_ROLES.map((value) => (
          <option key={value} value={value}>
            {roleLabel(value)}
          </option>
        ))}
      </Select>
      <ServiceSelect
        id={`${idPrefix}-service`}
        label={needsService ? fr.agents.add.service : fr.agents.add.serviceOptional}
        hint={fr.agents.add.serviceRequired}
        value={serviceCode}
        onChange={onService}
        emptyLabel={fr.agents.add.noService}
        required={needsService}
      />
    </>
  );
}

function AddAgentForm({ code, onDone }: { code: string; onDone: (message: string) => void }) {
  const add = useAddAgent(code);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<EntityRole>('service_agent');
  const [serviceCode, setServiceCode] = useState('');
  const [password, setPassword] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { displayName, email, role, ...(serviceCode ? { serviceCode } : {}), ...(password ? { password } : {}) },
      {
        onSuccess: (agent) => {
          onDone(fr.agents.add.done(agent.displayName));
          setDisplayName('');
          setEmail('');
          setPassword('');
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.agents.add.title} className="fr-mt-4w">
      <h3 className="fr-h5">{fr.agents.add.title}</h3>
      <Input label={fr.agents.add.displayName} nativeInputProps={{ id: 'agent-name', value: displayName, required: true, maxLength: 200, onChange: (e) => setDisplayName(e.target.value) }} />
      <Input
        label={fr.agents.add.email}
        nativeInputProps={{ id: 'agent-email', type: 'email', value: email, required: true, maxLength: 320, autoComplete: 'off', onChange: (e) => setEmail(e.target.value) }}
      />
      <RoleFields idPrefix="agent" role={role} serviceCode={serviceCode} onRole={setRole} onService={setServiceCode} />
      <Input
        label={fr.agents.add.password}
        hintText={fr.agents.add.passwordHint}
        nativeInputProps={{ id: 'agent-password', type: 'password', value: password, maxLength: 1024, autoComplete: 'new-password', onChange: (e) => setPassword(e.target.value) }}
      />
      {add.isError && <MutationError error={add.error} />}
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? fr.submitting : fr.agents.add.submit}
      </Button>
    </form>
  );
}

function AddRoleForm({ code, agents, onDone }: { code: string; agents: Agent[]; onDone: (message: string) => void }) {
  const addRole = useAddRole(code);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<EntityRole>('service_agent');
  const [serviceCode, setServiceCode] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    addRole.mutate(
      { userId, role, ...(serviceCode ? { serviceCode } : {}) },
      { onSuccess: (agent) => onDone(fr.agents.addRole.done(agent.displayName, roleLabel(role))) },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.agents.addRole.title} className="fr-mt-4w">
      <h3 className="fr-h5">{fr.agents.addRole.title}</h3>
      <Select label={fr.agents.addRole.agent} nativeSelectProps={{ id: 'role-agent', value: userId, required: true, onChange: (e) => setUserId(e.target.value) }}>
        <option value="" disabled>
          {fr.agents.addRole.chooseAgent}
        </option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {`${agent.displayName} (${agent.email})`}
          </option>
        ))}
      </Select>
      <RoleFields idPrefix="role" role={role} serviceCode={serviceCode} onRole={setRole} onService={setServiceCode} />
      {addRole.isError && <MutationError error={addRole.error} />}
      <Button type="submit" disabled={addRole.isPending || userId === ''}>
        {addRole.isPending ? fr.submitting : fr.agents.addRole.submit}
      </Button>
    </form>
  );
}

function StatusCell({ agent }: { agent: Agent }) {
  const locked = agent.lockedUntil !== null && new Date(agent.lockedUntil).getTime() > Date.now();
  return (
    <>
      {agent.status === 'active' ? (
        <Badge severity="success" small noIcon>
          {fr.agents.active}
        </Badge>
      ) : (
        <Badge severity="error" small noIcon>
          {fr.agents.disabled}
        </Badge>
      )}
      {locked && (
        <Badge severity="warning" small noIcon className="fr-ml-1w">
          {fr.agents.locked}
        </Badge>
      )}
    </>
  );
}

/** « Agents »: who works in the entity, with which roles; add an agent or a role; disable or enable an account. */
export function AgentsSection({ code, services }: { code: string; services: Map<string, string> }) {
  const agents = useAgents(code);
  const setStatus = useSetAgentStatus(code);
  const [notice, setNotice] = useState<string | null>(null);

  function toggle(agent: Agent) {
    const status = agent.status === 'active' ? 'disabled' : 'active';
    setNotice(null);
    setStatus.mutate(
      { userId: agent.id, status },
      { onSuccess: () => setNotice(status === 'disabled' ? fr.agents.disabledDone(agent.displayName) : fr.agents.enabledDone(agent.displayName)) },
    );
  }

  const rows = (agents.data ?? []).map((agent) => [
    agent.displayName,
    agent.email,
    <ul key="roles" className="fr-raw-list">
      {agent.memberships.map((m) => (
        <li key={`${m.role}-${m.serviceCode ?? ''}`}>
          {m.serviceCode ? fr.agents.roleWithService(roleLabel(m.role), services.get(m.serviceCode) ?? m.serviceCode) : roleLabel(m.role)}
        </li>
      ))}
    </ul>,
    <StatusCell key="status" agent={agent} />,
    agent.lastLoginAt ? formatDateTime(agent.lastLoginAt) : fr.agents.never,
    <Button
      key="toggle"
      size="small"
      priority="secondary"
      disabled={setStatus.isPending}
      title={agent.status === 'active' ? fr.agents.disableLabel(agent.displayName) : fr.agents.enableLabel(agent.displayName)}
      onClick={() => toggle(agent)}
    >
      {agent.status === 'active' ? fr.agents.disable : fr.agents.enable}
    </Button>,
  ]);

  return (
    <section aria-labelledby="admin-agents" className="fr-mb-6w">
      <h2 id="admin-agents">{fr.entity.sections.agents}</h2>
      {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" closable onClose={() => setNotice(null)} />}
      {setStatus.isError && <MutationError error={setStatus.error} />}
      {agents.isPending && <Loading />}
      {agents.isError && <QueryError error={agents.error} onRetry={() => void agents.refetch()} />}
      {agents.data && agents.data.length === 0 && <p>{fr.agents.empty}</p>}
      {agents.data && agents.data.length > 0 && (
        <Table
          caption={fr.agents.caption}
          headers={[fr.agents.name, fr.agents.email, fr.agents.roles, fr.agents.status, fr.agents.lastLogin, fr.agents.actions]}
          data={rows}
          id="agents-table"
        />
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <AddAgentForm code={code} onDone={setNotice} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {agents.data && <AddRoleForm code={code} agents={agents.data} onDone={setNotice} />}
        </div>
      </div>
    </section>
  );
}
