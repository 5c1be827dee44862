import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import {
  listAuditEvents,
  recordAudit,
  verifyAuditChain,
  type AuditEventInput,
  type PlatformAuditTable,
} from '../../../src/platform/audit/index.ts';
import { TEST_DIALECT, type TestApp } from '../../helpers/test-app.ts';
import { startAuditTestApp } from './audit-test-kit.ts';

function event(entityId: string | null, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    entityId,
    actorType: 'user',
    actorId: 'u-1',
    actorLabel: 'Agent de test',
    source: '203.0.113.7',
    action: 'registry.mail_item.registered',
    subjectType: 'mail_item',
    subjectId: 'item-1',
    after: { status: 'registered', chrono: 'PREF69-2026-E-000001' },
    ...overrides,
  };
}

describe(`platform audit: chains (${TEST_DIALECT})`, () => {
  let t: TestApp;
  const rows = async (chain: string) =>
    (await sql<PlatformAuditTable>`SELECT * FROM platform_audit WHERE chain_key = ${chain} ORDER BY seq`.execute(t.app.ctx.db)).rows;

  before(async () => {
    t = await startAuditTestApp();
  });
  after(() => t?.close());

  it('numbers each entity’s events 1..n and links each to the one before', async () => {
    const entity = randomUUID();
    for (let i = 0; i < 5; i++) {
      await t.app.ctx.db.transaction().execute((trx) => recordAudit(trx, t.app.ctx, event(entity, { subjectId: `item-${i}` })));
    }
    const chain = await rows(entity);
    assert.deepEqual(chain.map((r) => Number(r.seq)), [1, 2, 3, 4, 5]);
    for (let i = 1; i < chain.length; i++) assert.equal(chain[i]!.prev_hash, chain[i - 1]!.hash);
    assert.deepEqual(await verifyAuditChain(t.app.ctx.db, entity), { ok: true, chain: entity, count: 5 });
  });

  it('keeps platform-wide events and each entity on chains of their own', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const platformBefore = (await verifyAuditChain(t.app.ctx.db, 'platform')) as { count: number };
    await recordAudit(t.app.ctx.db, t.app.ctx, event(a));
    await recordAudit(t.app.ctx.db, t.app.ctx, event(b));
    const p = await recordAudit(t.app.ctx.db, t.app.ctx, event(null, { actorType: 'system', source: 'cli', action: 'platform.config.loaded', subjectType: null, subjectId: null }));
    await recordAudit(t.app.ctx.db, t.app.ctx, event(a));
    assert.deepEqual((await rows(a)).map((r) => Number(r.seq)), [1, 2]);
    assert.deepEqual((await rows(b)).map((r) => Number(r.seq)), [1]);
    assert.equal(p.chain, 'platform');
    assert.equal(p.seq, platformBefore.count + 1);
    const [platformRow] = (await rows('platform')).slice(-1);
    assert.equal(platformRow!.entity_id, null);
    assert.deepEqual(await verifyAuditChain(t.app.ctx.db, 'platform'), { ok: true, chain: 'platform', count: p.seq });
  });

  it('keeps one unforked chain when parallel transactions append to it', async () => {
    const entity = randomUUID();
    const parallel = 40;
    await Promise.all(
      Array.from({ length: parallel }, (_, i) =>
        t.app.ctx.db.transaction().execute(async (trx) => {
          await recordAudit(trx, t.app.ctx, event(entity, { subjectId: `item-${i}`, details: { step: 1 } }));
          // Hold the transaction open so that the others queue behind it.
          await new Promise((resolve) => setTimeout(resolve, 2));
          await recordAudit(trx, t.app.ctx, event(entity, { subjectId: `item-${i}`, details: { step: 2 } }));
        }),
      ),
    );
    const chain = await rows(entity);
    assert.deepEqual(chain.map((r) => Number(r.seq)), Array.from({ length: 2 * parallel }, (_, i) => i + 1));
    assert.equal(new Set(chain.map((r) => r.prev_hash)).size, 2 * parallel, 'no two events share a predecessor');
    assert.deepEqual(await verifyAuditChain(t.app.ctx.db, entity), { ok: true, chain: entity, count: 2 * parallel });
  });

  it('gives a rolled-back event’s number back, leaving no gap', async () => {
    const entity = randomUUID();
    await recordAudit(t.app.ctx.db, t.app.ctx, event(entity));
    await assert.rejects(
      t.app.ctx.db.transaction().execute(async (trx) => {
        await recordAudit(trx, t.app.ctx, event(entity));
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    const second = await recordAudit(t.app.ctx.db, t.app.ctx, event(entity));
    assert.equal(second.seq, 2);
    assert.deepEqual(await verifyAuditChain(t.app.ctx.db, entity), { ok: true, chain: entity, count: 2 });
  });

  it('hashes exactly the documented format, so an outside auditor can re-verify', async () => {
    const entity = randomUUID();
    await recordAudit(t.app.ctx.db, t.app.ctx, event(entity, { before: { status: 'registered' }, after: { status: 'indexed', fields: ['subject', 'letter_date'] } }));
    await recordAudit(t.app.ctx.db, t.app.ctx, event(entity, { actorLabel: 'Zoé « test »\n', details: { z: 1, a: 'é' } }));
    const sha = (s: string) => createHash('sha256').update(Buffer.from(s, 'utf8')).digest('hex');
    let prev = sha(`octo-audit-genesis-v1:${entity}`);
    for (const r of await rows(entity)) {
      assert.equal(r.prev_hash, prev);
      const message = JSON.stringify([
        'octo-audit-v1', r.id, r.chain_key, Number(r.seq), r.prev_hash, r.entity_id, r.occurred_at, r.actor_type, r.actor_id,
        r.actor_label, r.source, r.action, r.subject_type, r.subject_id, r.before, r.after, r.details,
      ]);
      assert.equal(r.hash, sha(message));
      prev = r.hash;
    }
    const [first, second] = await rows(entity);
    assert.equal(first!.after, '{"fields":["subject","letter_date"],"status":"indexed"}', 'canonical JSON: sorted keys, no spaces');
    assert.equal(second!.details, '{"a":"é","z":1}');
    assert.match(first!.occurred_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('lists an item’s history, oldest first, with its before and after', async () => {
    const entity = randomUUID();
    await recordAudit(t.app.ctx.db, t.app.ctx, event(entity, { subjectId: 'letter-A' }));
    await recordAudit(t.app.ctx.db, t.app.ctx, event(entity, { subjectId: 'letter-B' }));
    await recordAudit(t.app.ctx.db, t.app.ctx, event(entity, {
      subjectId: 'letter-A', action: 'registry.mail_item.assigned', before: { serviceId: null }, after: { serviceId: 'svc-1' },
    }));
    const history = await listAuditEvents(t.app.ctx.db, entity, { subjectType: 'mail_item', subjectId: 'letter-A' });
    assert.deepEqual(history.map((e) => [e.seq, e.action]), [[1, 'registry.mail_item.registered'], [3, 'registry.mail_item.assigned']]);
    assert.deepEqual(history[1]!.before, { serviceId: null });
    assert.deepEqual(history[1]!.after, { serviceId: 'svc-1' });
    assert.deepEqual(history[1]!.actor, { type: 'user', id: 'u-1', label: 'Agent de test' });
    assert.equal(history[1]!.source, '203.0.113.7');
    assert.deepEqual(await listAuditEvents(t.app.ctx.db, randomUUID(), { subjectId: 'letter-A' }), [], 'another chain sees nothing');
  });

  it('refuses content, binary data and malformed events, writing nothing', async () => {
    const entity = randomUUID();
    const bad: Array<Partial<AuditEventInput>> = [
      { details: { ocrText: 'Monsieur le Préfet, …' } },
      { after: { body: 'Bonjour' } },
      { details: { file: new Uint8Array([1, 2, 3]) as never } },
      { details: { note: 'x'.repeat(5000) } },
      { action: 'Registered' },
      { actorType: 'robot' as never },
      { subjectType: 'mail_item', subjectId: null },
      { actorLabel: 'bad \ud800 surrogate' },
    ];
    for (const overrides of bad) {
      await assert.rejects(recordAudit(t.app.ctx.db, t.app.ctx, event(entity, overrides)), TypeError, JSON.stringify(Object.keys(overrides)));
    }
    assert.equal((await rows(entity)).length, 0);
  });
});
