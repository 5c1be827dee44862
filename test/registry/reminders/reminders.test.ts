import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { changeHandlingStatus, requestMissingItems } from '../../../src/registry/index.ts';
import { sweepRemindersOf, type ReminderNotifier } from '../../../src/registry/reminders/reminder.service.ts';
import { mailroomOf, manualClock, signInAgent, startTestApp, TEST_DIALECT, type AgentMembership, type TestApp } from '../../helpers/test-app.ts';
import { makeRequest } from '../acknowledgements/helpers.ts';

describe(`registry: reminders before legal deadlines (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  // received on Friday 7 February 2025: « DEMANDE » (SVA, 2 months) is accepted on Monday 7 April
  const clock = manualClock('2025-02-07T09:00:00Z');
  let chrono: string;
  let answered: string;
  // sessions follow the test clock: each call signs in afresh
  const as = (memberships: AgentMembership[]) => signInAgent(t.app, server, memberships);
  const get = async (memberships: AgentMembership[], url: string) => (await (await as(memberships)).inject({ method: 'GET', url })).json();
  const mailroom = mailroomOf('PREF69');
  const sweep = async () => (await (await as(mailroom)).inject({ method: 'POST', url: '/api/entities/PREF69/reminders/sweep' })).json().created;

  before(async () => {
    t = await startTestApp({ clock });
    server = await t.app.buildHttpServer();
    chrono = await makeRequest(t.app, { entity: 'PREF69', type: 'DEMANDE', service: 'DMI-SEJOUR' });
    answered = await makeRequest(t.app, { entity: 'PREF69', type: 'DEMANDE', service: 'DMI-SEJOUR' });
    await changeHandlingStatus(t.app.ctx, 'PREF69', answered, { status: 'answered' });
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('reminds nothing while the deadline is further than the widest threshold', async () => {
    clock.set('2025-03-21T09:00:00Z'); // 11 working days before 7 April
    assert.equal(await sweep(), 0);
    assert.equal((await get(mailroom, '/api/entities/PREF69/reminders/count')).open, 0);
  });

  it('reminds once at 10 working days, however often the sweep runs', async () => {
    clock.set('2025-03-24T09:00:00Z'); // Monday: 10 working days before 7 April
    const bureau = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'service_agent', serviceCode: 'DMI-SEJOUR' }], { email: 'bureau.sejour@pref69.test' });
    assert.equal(await sweep(), 1);
    assert.equal(await sweep(), 0);
    const list = await get(mailroom, '/api/entities/PREF69/reminders');
    assert.equal(list.open, 1);
    assert.equal(list.reminders.length, 1, 'the answered item gets no reminder');
    const [reminder] = list.reminders;
    assert.deepEqual(
      [reminder.chrono, reminder.kind, reminder.dueDate, reminder.thresholdDays, reminder.workingDaysLeft, reminder.service.code],
      [chrono, 'implicit_decision', '2025-04-07', 10, 10, 'DMI-SEJOUR'],
    );
    assert.deepEqual([reminder.channels, reminder.emailStatus], [['in_app', 'email'], 'sent']);
    // The e-mail waits in the outbox for the service's agent (no relay in this test: « en attente »).
    const outbox = await get(mailroom, '/api/entities/PREF69/outbox');
    const mails = outbox.messages.filter((m: { kind: string }) => m.kind === 'reminder');
    assert.deepEqual(mails.map((m: { to: string }) => m.to), [bureau.email]);
    assert.match(mails[0].subject, new RegExp(`^Rappel : ${chrono} — échéance le lundi 7 avril 2025$`));
  });

  it('shows a reminder to the service, its parent direction and the mail room, not to other services', async () => {
    assert.equal((await get([{ entityCode: 'PREF69', role: 'service_agent', serviceCode: 'DMI-SEJOUR' }], '/api/entities/PREF69/reminders/count')).open, 1);
    assert.equal((await get([{ entityCode: 'PREF69', role: 'head_of_service', serviceCode: 'DMI' }], '/api/entities/PREF69/reminders/count')).open, 1);
    assert.equal((await get([{ entityCode: 'PREF69', role: 'service_agent', serviceCode: 'CAB' }], '/api/entities/PREF69/reminders/count')).open, 0);
    const foreign = await (await as(mailroomOf('ARS-ARA'))).inject({ method: 'GET', url: '/api/entities/PREF69/reminders' });
    assert.equal(foreign.statusCode, 404);
    assert.equal((await server.inject({ method: 'GET', url: '/api/entities/PREF69/reminders/count' })).statusCode, 401);
  });

  it('reminds again at 3 working days, and a dismissed reminder leaves the count', async () => {
    clock.set('2025-04-02T09:00:00Z'); // Wednesday: 3 working days before Monday 7 April
    assert.equal(await sweep(), 1);
    assert.equal(await sweep(), 0);
    const list = await get(mailroom, '/api/entities/PREF69/reminders');
    assert.deepEqual(list.reminders.map((r: { thresholdDays: number }) => r.thresholdDays).sort(), [10, 3].sort());
    const first = list.reminders.find((r: { thresholdDays: number }) => r.thresholdDays === 10);
    const cab = await as([{ entityCode: 'PREF69', role: 'service_agent', serviceCode: 'CAB' }]);
    assert.equal((await cab.inject({ method: 'POST', url: `/api/entities/PREF69/reminders/${first.id}/dismiss` })).statusCode, 404);
    const agent = await as([{ entityCode: 'PREF69', role: 'service_agent', serviceCode: 'DMI-SEJOUR' }]);
    assert.equal((await agent.inject({ method: 'POST', url: `/api/entities/PREF69/reminders/${first.id}/dismiss` })).statusCode, 200);
    assert.equal((await get(mailroom, '/api/entities/PREF69/reminders/count')).open, 1);
    const all = await get(mailroom, '/api/entities/PREF69/reminders?all=true');
    assert.equal(all.reminders.length, 2);
    assert.ok(all.reminders.find((r: { id: string }) => r.id === first.id).dismissedAt);
  });

  it('reminds before the end of the time given for missing items (L114-5)', async () => {
    await requestMissingItems(t.app.ctx, 'PREF69', chrono, { missingItems: ['Justificatif de domicile'], timeLimit: '15d' });
    clock.set('2025-04-07T09:00:00Z');
    await sweep();
    const list = await get(mailroom, '/api/entities/PREF69/reminders');
    const missing = list.reminders.filter((r: { kind: string }) => r.kind === 'missing_items');
    assert.equal(missing.length, 1);
    assert.equal(missing[0].dueDate, '2025-04-17');
    assert.equal(missing[0].thresholdDays, 10);
  });

  it('takes the entity’s own thresholds, set by its administrator only', async () => {
    const url = '/api/entities/PREF69/reminder-settings';
    assert.deepEqual(await get(mailroom, url), { thresholds: [10, 3], isDefault: true });
    const refused = await (await as(mailroom)).inject({ method: 'PUT', url, payload: { thresholds: [5] } });
    assert.equal(refused.statusCode, 403);
    const admin = await as([{ entityCode: 'PREF69', role: 'entity_admin' }]);
    const bad = await admin.inject({ method: 'PUT', url, payload: { thresholds: [-1] } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().message, /seuils de rappel/);
    const set = await admin.inject({ method: 'PUT', url, payload: { thresholds: [2, 15, 15] } });
    assert.deepEqual(set.json(), { thresholds: [15, 2], isDefault: false });
    const other = await makeRequest(t.app, { entity: 'PREF69', type: 'ACCES-DOCUMENTS', service: 'CAB' }); // SVR 1 month: 7 May
    clock.set('2025-04-15T09:00:00Z'); // 15 working days before 7 May (Easter Monday 21 April and 1 May are holidays)
    await sweep();
    const list = await get(mailroom, '/api/entities/PREF69/reminders');
    const mine = list.reminders.filter((r: { chrono: string }) => r.chrono === other);
    assert.deepEqual(mine.map((r: { thresholdDays: number; dueDate: string }) => [r.thresholdDays, r.dueDate]), [[15, '2025-05-07']]);
  });

  it('hands each new reminder to an e-mail notifier when one exists, and records the channel', async () => {
    const sent: string[] = [];
    const notifier: ReminderNotifier = { async sendReminderEmail(_ctx, notice) { sent.push(`${notice.chrono}/${notice.workingDaysLeft}`); return 'sent'; } };
    const third = await makeRequest(t.app, { entity: 'PREF69', type: 'ACCES-DOCUMENTS', service: 'CAB' }); // 15 May
    clock.set('2025-05-13T09:00:00Z');
    const { created } = await sweepRemindersOf(t.app.ctx, 'PREF69', notifier);
    assert.ok(created >= 1);
    assert.ok(sent.includes(`${third}/2`), sent.join(', '));
    const list = await get(mailroom, '/api/entities/PREF69/reminders');
    const mine = list.reminders.find((r: { chrono: string }) => r.chrono === third);
    assert.deepEqual([mine.channels, mine.emailStatus], [['in_app', 'email'], 'sent']);
  });

  it('runs as a periodic job in the worker processes', async () => {
    const fourth = await makeRequest(t.app, { entity: 'ARS-ARA', type: 'DEMANDE' }); // 13 July
    clock.set('2025-07-10T09:00:00Z');
    await t.app.startWorkers(1);
    assert.equal(await t.app.waitForIdle(60_000), true);
    const list = await get(mailroomOf('ARS-ARA'), '/api/entities/ARS-ARA/reminders');
    assert.ok(list.reminders.some((r: { chrono: string }) => r.chrono === fourth), JSON.stringify(list));
  });
});
