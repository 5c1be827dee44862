import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingestFile } from '../../src/capture/index.ts';
import { getMailItemDetail } from '../../src/registry/index.ts';
import { corpusFile, createTestEnvironment, startTestApp, TEST_DIALECT, type TestApp, type TestEnvironment } from '../helpers/test-app.ts';

const OCTO = path.resolve(import.meta.dirname, '../../bin/octo.js');

function startWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [OCTO, 'worker'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe(`capture: a worker killed mid-OCR (${TEST_DIALECT})`, () => {
  let environment: TestEnvironment;
  let t: TestApp;
  const children: ChildProcess[] = [];

  before(async () => {
    // Short lease/timeout so the interrupted job is taken again within seconds.
    environment = await createTestEnvironment({ OCTO_JOB_LEASE_SECONDS: '3', OCTO_JOB_TIMEOUT_SECONDS: '12' });
    t = await startTestApp({ environment }); // registers only: the work is done by child processes
  });
  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await t?.close();
    await environment?.dispose();
  });

  it('resumes after a kill -9 and completes the item exactly once', async () => {
    const { ctx } = t.app;
    const result = await ingestFile(ctx, 'PREF69', 'scan', {
      filename: 'trois-pages.tiff',
      bytes: await corpusFile('scans/paperless-multi-page-images.tiff'),
    });
    const chrono = result.item!.chrono;
    const documentStatus = async () =>
      (await ctx.db.selectFrom('capture_document').select('status').where('mail_item_id', '=', result.item!.id).executeTakeFirstOrThrow()).status;

    const first = startWorker(environment.env);
    children.push(first);
    await waitFor(async () => (await documentStatus()) === 'processing', 60_000, 'OCR to start');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    assert.equal(await documentStatus(), 'processing', 'the kill interrupted the OCR');

    const second = startWorker(environment.env);
    children.push(second);
    await waitFor(async () => (await getMailItemDetail(ctx, 'PREF69', chrono)).status !== 'processing', 120_000, 'the item to complete');

    const item = await getMailItemDetail(ctx, 'PREF69', chrono);
    assert.equal(item.status, 'indexed');
    assert.equal(item.pageCount, 3);
    const pages = await ctx.db.selectFrom('capture_page').select(['page_index', 'text']).where('document_id', '=', item.documents[0]!.id).orderBy('page_index').execute();
    assert.deepEqual(pages.map((p) => p.page_index), [0, 1, 2], 'each page once');
    assert.match(pages[2]!.text, /Page\s*3/);
    const items = await ctx.db.selectFrom('registry_mail_item').select('chrono').execute();
    assert.deepEqual(items.map((i) => i.chrono), [chrono], 'registered once');
    await waitFor(async () => (await ctx.jobs.pendingCount()) === 0, 30_000, 'the queue to drain');
  });
});
