import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useEntity } from '../../platform/EntityContext.tsx';
import { Loading } from '../../platform/Loading.tsx';
import { QueryError } from '../../platform/QueryError.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { dismissReminder, listReminders } from './api.ts';
import { fr } from './fr.ts';

/** « Rappels »: the reminders before the legal deadlines of the items the agent handles. */
export function RemindersPage() {
  const { code, entity } = useEntity();
  usePageTitle(fr.title);
  const client = useQueryClient();
  const reminders = useQuery({ queryKey: ['reminders', code], queryFn: ({ signal }) => listReminders(code, signal) });
  const dismiss = useMutation({
    mutationFn: (id: string) => dismissReminder(code, id),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['reminders', code] }).then(() => client.invalidateQueries({ queryKey: ['reminder-count', code] })),
  });
  const base = `/e/${encodeURIComponent(code)}`;

  return (
    <>
      <Breadcrumb homeLinkProps={{ to: '/' }} segments={[{ label: entity?.shortName ?? code, linkProps: { to: `${base}/courriers` } }]} currentPageLabel={fr.title} />
      <h1>{fr.title}</h1>
      <p>{fr.lead}</p>
      {dismiss.isError && <Alert severity="error" small description={errorMessage(dismiss.error)} className="fr-mb-2w" />}
      {reminders.isPending && <Loading />}
      {reminders.isError && <QueryError error={reminders.error} onRetry={() => void reminders.refetch()} />}
      {reminders.data && reminders.data.reminders.length === 0 && <p>{fr.empty}</p>}
      {reminders.data && reminders.data.reminders.length > 0 && (
        <div className="fr-table" data-testid="reminders-table">
          <table>
            <caption>{fr.bell(reminders.data.open)}</caption>
            <thead>
              <tr>
                {Object.values(fr.columns).map((label) => <th key={label} scope="col">{label}</th>)}
              </tr>
            </thead>
            <tbody>
              {reminders.data.reminders.map((r) => (
                <tr key={r.id}>
                  <td><Link to={`${base}/courriers/${encodeURIComponent(r.chrono)}`}>{r.chrono}</Link>{r.subject ? ` — ${r.subject}` : ''}</td>
                  <td>{fr.kind[r.kind]}</td>
                  <td>{r.dueDate}</td>
                  <td>{fr.left(r.workingDaysLeftToday)}</td>
                  <td>{r.service?.name ?? '—'}{r.assigneeLabel ? `, ${r.assigneeLabel}` : ''}</td>
                  <td><Button size="small" priority="secondary" disabled={dismiss.isPending} onClick={() => dismiss.mutate(r.id)}>{fr.dismiss}</Button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
