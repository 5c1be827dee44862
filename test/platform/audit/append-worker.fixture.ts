// A separate process appending to one chain: `node --import tsx append-worker.fixture.ts ENTITY N`.
// Each transaction appends two events and pauses between them, to interleave with other processes.
import { recordAudit } from '../../../src/platform/audit/index.ts';
import { systemClock } from '../../../src/platform/clock.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { openDatabase } from '../../../src/platform/database/db.ts';

const [entityId, count] = process.argv.slice(2) as [string, string];
const database = openDatabase(loadConfig(process.env, { logLevel: 'warn' }));
const ctx = { clock: systemClock };
try {
  await Promise.all(
    Array.from({ length: Number(count) }, (_, i) =>
      database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, ctx, { entityId, actorType: 'system', source: `worker-${process.pid}`, action: 'platform.test.appended', details: { i, step: 1 } });
        await new Promise((resolve) => setTimeout(resolve, 1));
        await recordAudit(trx, ctx, { entityId, actorType: 'system', source: `worker-${process.pid}`, action: 'platform.test.appended', details: { i, step: 2 } });
      }),
    ),
  );
} finally {
  await database.close();
}
