import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState, type FormEvent } from 'react';
import { formatDate } from '../platform/format.ts';
import { Loading } from '../platform/Loading.tsx';
import { QueryError } from '../platform/QueryError.tsx';
import { useAbsences, useAddAbsence, useAgents, type Agent } from './api.ts';
import { fr } from './fr.ts';
import { MutationError } from './MutationError.tsx';

function AgentSelect({ id, label, value, onChange, agents }: { id: string; label: string; value: string; onChange: (email: string) => void; agents: Agent[] }) {
  return (
    <Select label={label} nativeSelectProps={{ id, value, required: true, onChange: (e) => onChange(e.target.value) }}>
      <option value="" disabled>
        {fr.absences.add.choose}
      </option>
      {agents.map((agent) => (
        <option key={agent.id} value={agent.email}>
          {`${agent.displayName} (${agent.email})`}
        </option>
      ))}
    </Select>
  );
}

function AddAbsenceForm({ code, agents, onDone }: { code: string; agents: Agent[]; onDone: (message: string) => void }) {
  const add = useAddAbsence(code);
  const [absentEmail, setAbsentEmail] = useState('');
  const [substituteEmail, setSubstituteEmail] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const nameOf = (email: string) => agents.find((a) => a.email === email)?.displayName ?? email;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { absentEmail, substituteEmail, from, to },
      {
        onSuccess: () => {
          onDone(fr.absences.add.done(nameOf(absentEmail), nameOf(substituteEmail)));
          setAbsentEmail('');
          setSubstituteEmail('');
          setFrom('');
          setTo('');
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.absences.add.title} className="fr-mt-4w">
      <h3 className="fr-h5">{fr.absences.add.title}</h3>
      <p className="fr-hint-text">{fr.absences.add.hint}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <AgentSelect id="absence-absent" label={fr.absences.add.absent} value={absentEmail} onChange={setAbsentEmail} agents={agents} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <AgentSelect id="absence-substitute" label={fr.absences.add.substitute} value={substituteEmail} onChange={setSubstituteEmail} agents={agents} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label={fr.absences.add.from} nativeInputProps={{ id: 'absence-from', type: 'date', value: from, required: true, onChange: (e) => setFrom(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label={fr.absences.add.to} nativeInputProps={{ id: 'absence-to', type: 'date', value: to, min: from || undefined, required: true, onChange: (e) => setTo(e.target.value) }} />
        </div>
      </div>
      {add.isError && <MutationError error={add.error} />}
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? fr.submitting : fr.absences.add.submit}
      </Button>
    </form>
  );
}

/** « Absences »: current and coming absences with their substitute; declare one. */
export function AbsencesSection({ code }: { code: string }) {
  const absences = useAbsences(code);
  const agents = useAgents(code);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="admin-absences" className="fr-mb-6w">
      <h2 id="admin-absences">{fr.entity.sections.absences}</h2>
      {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" closable onClose={() => setNotice(null)} />}
      {absences.isPending && <Loading />}
      {absences.isError && <QueryError error={absences.error} onRetry={() => void absences.refetch()} />}
      {absences.data && absences.data.length === 0 && <p>{fr.absences.empty}</p>}
      {absences.data && absences.data.length > 0 && (
        <Table
          id="absences-table"
          caption={fr.absences.caption}
          headers={[fr.absences.absent, fr.absences.substitute, fr.absences.from, fr.absences.to, fr.absences.state]}
          data={absences.data.map((absence) => [
            absence.absent.displayName,
            absence.substitute.displayName,
            formatDate(absence.from),
            formatDate(absence.to),
            <Badge key="state" severity={absence.current ? 'new' : 'info'} small noIcon>
              {absence.current ? fr.absences.current : fr.absences.coming}
            </Badge>,
          ])}
        />
      )}
      {agents.data && <AddAbsenceForm code={code} agents={agents.data} onDone={setNotice} />}
    </section>
  );
}
