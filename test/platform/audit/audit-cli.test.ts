import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { recordAudit, verifyAuditChain } from '../../../src/platform/audit/index.ts';
import { requireEntity } from '../../../src/registry/index.ts';
import { TEST_DIALECT, type TestApp } from '../../helpers/test-app.ts';
import { asAttacker, startAuditTestApp, tamper } from './audit-test-kit.ts';

const run = promisify(execFile);
const here = import.meta.dirname;

describe(`octo audit verify, and appends from several processes (${TEST_DIALECT})`, () => {
  let t: TestApp;
  const node = async (script: string, ...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(here, script), ...args], { env: t.environment.env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const octo = (...args: string[]) => node('octo-audit.fixture.ts', ...args);

  before(async () => {
    t = await startAuditTestApp();
  });
  after(() => t?.close());

  it('exits 0 and counts the events of an intact chain', async () => {
    const entity = await requireEntity(t.app.ctx, 'PREF69');
    for (const status of ['registered', 'indexed', 'assigned']) {
      await recordAudit(t.app.ctx.db, t.app.ctx, {
        entityId: entity.id, actorType: 'user', actorId: 'u-1', source: '127.0.0.1',
        action: `registry.mail_item.${status}`, subjectType: 'mail_item', subjectId: 'item-1', after: { status },
      });
    }
    const result = await octo('audit', 'verify', '--entity', 'PREF69');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), 'Chaîne d’audit intègre : 3 événements.');
    const json = JSON.parse((await octo('audit', 'verify', '--entity', 'PREF69', '--json')).stdout);
    assert.deepEqual(json, { entity: 'PREF69', ok: true, chain: entity.id, count: 3 });
  });

  it('exits 1 naming the first broken event once a row was altered', async () => {
    const entity = await requireEntity(t.app.ctx, 'PREF69');
    const row = (await sql<{ id: string }>`SELECT id FROM platform_audit WHERE chain_key = ${entity.id} AND seq = 2`.execute(t.app.ctx.db)).rows[0]!;
    await asAttacker(t.app, (db) => tamper(db, sql`UPDATE platform_audit SET source = ${'10.0.0.1'} WHERE id = ${row.id}`).then(() => {}));
    const result = await octo('audit', 'verify', '--entity', 'PREF69');
    assert.equal(result.code, 1);
    assert.match(result.stdout, new RegExp(`^Chaîne rompue à l’événement n° 2 \\(${row.id}, registry\\.mail_item\\.indexed, [^)]+\\) : empreinte invalide\\.$`, 'm'));
    const json = await octo('audit', 'verify', '--entity', 'PREF69', '--json');
    assert.equal(json.code, 1);
    assert.deepEqual(
      (({ ok, firstBrokenSeq, id, reason }) => ({ ok, firstBrokenSeq, id, reason }))(JSON.parse(json.stdout)),
      { ok: false, firstBrokenSeq: 2, id: row.id, reason: 'hash mismatch' },
    );
    // Another entity's chain is untouched.
    const other = await octo('audit', 'verify', '--entity', 'ARS-ARA');
    assert.deepEqual([other.code, other.stdout.trim()], [0, 'Chaîne d’audit intègre : 0 événement.']);
  });

  it('exits 2 for an unknown entity and 1 without a chain to verify', async () => {
    const unknown = await octo('audit', 'verify', '--entity', 'NOPE');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Entité inconnue/);
    const none = await octo('audit', 'verify');
    assert.equal(none.code, 1);
    assert.match(none.stderr, /--entity/);
  });

  it('keeps one chain when several processes append to it at once', async () => {
    const entity = randomUUID();
    const results = await Promise.all([1, 2, 3, 4].map(() => node('append-worker.fixture.ts', entity, '15')));
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const seqs = (await sql<{ seq: number }>`SELECT seq FROM platform_audit WHERE chain_key = ${entity} ORDER BY seq`.execute(t.app.ctx.db)).rows;
    assert.deepEqual(seqs.map((r) => Number(r.seq)), Array.from({ length: 120 }, (_, i) => i + 1));
    assert.deepEqual(await verifyAuditChain(t.app.ctx.db, entity), { ok: true, chain: entity, count: 120 });
  });
});
