import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { auditHash, recordAudit, verifyAuditChain, type PlatformAuditTable } from '../../../src/platform/audit/index.ts';
import { TEST_DIALECT, type TestApp } from '../../helpers/test-app.ts';
import { asAttacker, startAuditTestApp, tamper } from './audit-test-kit.ts';

describe(`platform audit: tampering (${TEST_DIALECT})`, () => {
  let t: TestApp;

  /** A fresh chain of n events (statuses only, as the registry would record them). */
  async function chainOf(n: number): Promise<string> {
    const entity = randomUUID();
    for (let i = 1; i <= n; i++) {
      await t.app.ctx.db.transaction().execute((trx) =>
        recordAudit(trx, t.app.ctx, {
          entityId: entity,
          actorType: 'user',
          actorId: 'u-7',
          actorLabel: 'Agent',
          source: '198.51.100.2',
          action: 'registry.mail_item.status_changed',
          subjectType: 'mail_item',
          subjectId: `item-${i}`,
          before: { status: 'registered' },
          after: { status: 'indexed' },
        }),
      );
    }
    return entity;
  }
  const rowAt = async (entity: string, seq: number) =>
    (await sql<PlatformAuditTable>`SELECT * FROM platform_audit WHERE chain_key = ${entity} AND seq = ${seq}`.execute(t.app.ctx.db)).rows[0]!;

  before(async () => {
    t = await startAuditTestApp();
  });
  after(() => t?.close());

  it('refuses a plain UPDATE, DELETE or rewrite of the log', async () => {
    const entity = await chainOf(3);
    await assert.rejects(sql`UPDATE platform_audit SET action = 'x.y.z' WHERE chain_key = ${entity}`.execute(t.app.ctx.db), /append-only/);
    await assert.rejects(sql`DELETE FROM platform_audit WHERE chain_key = ${entity}`.execute(t.app.ctx.db), /append-only/);
    if (TEST_DIALECT === 'postgres') await assert.rejects(sql`TRUNCATE platform_audit`.execute(t.app.ctx.db), /append-only/);
    assert.equal((await rowAt(entity, 2)).action, 'registry.mail_item.status_changed');
    assert.deepEqual(await verifyAuditChain(t.app.ctx.db, entity), { ok: true, chain: entity, count: 3 });
  });

  it('names the altered event when a row is changed behind the triggers’ back', async () => {
    const entity = await chainOf(30);
    const target = await rowAt(entity, 17);
    await asAttacker(t.app, async (db) => {
      const changed = await tamper(db, sql`UPDATE platform_audit SET after = ${'{"status":"closed"}'} WHERE id = ${target.id}`);
      assert.equal(changed, 1, 'the attacker did change the row');
    });
    const result = await verifyAuditChain(t.app.ctx.db, entity);
    assert.deepEqual(result, {
      ok: false, chain: entity, firstBrokenSeq: 17, id: target.id, reason: 'hash mismatch',
      action: target.action, occurredAt: target.occurred_at,
    });
  });

  it('catches an altered row whose hash was recomputed, at the next link', async () => {
    const entity = await chainOf(20);
    const target = await rowAt(entity, 9);
    const forged = { ...target, actor_id: 'u-attacker' };
    const forgedHash = auditHash(forged);
    await asAttacker(t.app, async (db) => {
      await tamper(db, sql`UPDATE platform_audit SET actor_id = ${forged.actor_id}, hash = ${forgedHash} WHERE id = ${target.id}`);
    });
    const result = await verifyAuditChain(t.app.ctx.db, entity);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.firstBrokenSeq, 10);
    assert.equal(!result.ok && result.reason, 'broken link');
  });

  it('catches a deleted row as a gap in the sequence', async () => {
    const entity = await chainOf(25);
    const next = await rowAt(entity, 13);
    await asAttacker(t.app, async (db) => {
      await tamper(db, sql`DELETE FROM platform_audit WHERE chain_key = ${entity} AND seq = 12`);
    });
    const result = await verifyAuditChain(t.app.ctx.db, entity);
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && [result.firstBrokenSeq, result.reason, result.id], [12, 'gap in sequence', next.id]);
  });

  it('catches a deleted tail and a rewritten last event through the chain head', async () => {
    const cut = await chainOf(8);
    await asAttacker(t.app, async (db) => {
      await tamper(db, sql`DELETE FROM platform_audit WHERE chain_key = ${cut} AND seq >= 7`);
    });
    const truncated = await verifyAuditChain(t.app.ctx.db, cut);
    assert.deepEqual(!truncated.ok && [truncated.firstBrokenSeq, truncated.reason, truncated.id], [7, 'gap in sequence', null]);

    const rewritten = await chainOf(5);
    const last = await rowAt(rewritten, 5);
    const forged = { ...last, after: '{"status":"closed"}' };
    await asAttacker(t.app, async (db) => {
      await tamper(db, sql`UPDATE platform_audit SET after = ${forged.after}, hash = ${auditHash(forged)} WHERE id = ${last.id}`);
    });
    const result = await verifyAuditChain(t.app.ctx.db, rewritten);
    assert.deepEqual(!result.ok && [result.firstBrokenSeq, result.reason, result.id], [5, 'hash mismatch', last.id]);
  });

  it('catches a row moved to another chain', async () => {
    const a = await chainOf(4);
    const b = await chainOf(4);
    const moved = await rowAt(a, 3);
    await asAttacker(t.app, async (db) => {
      await tamper(db, sql`DELETE FROM platform_audit WHERE chain_key = ${b} AND seq = 4`);
      await tamper(db, sql`UPDATE platform_audit SET chain_key = ${b}, entity_id = ${b}, seq = 4 WHERE id = ${moved.id}`);
    });
    const result = await verifyAuditChain(t.app.ctx.db, b);
    assert.deepEqual(!result.ok && [result.firstBrokenSeq, result.reason], [4, 'broken link']);
    assert.equal((await verifyAuditChain(t.app.ctx.db, a)).ok, false);
  });
});
