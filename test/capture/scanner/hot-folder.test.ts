import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { getMailItemDetail, getHandlingView, listInbox } from '../../../src/registry/index.ts';
import { listQuarantineViews } from '../../../src/capture/index.ts';
import { startHotFolder, type HotFolder } from '../../../src/capture/scanner/hot-folder.ts';
import { makeSeparatorSheet } from '../../../src/capture/scanner/separator-sheet.ts';
import type { Ctx } from '../../../src/platform/context.ts';
import { corpusFile, createTestEnvironment, startTestApp, TEST_DIALECT, type TestApp, type TestEnvironment } from '../../helpers/test-app.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/octo.js');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const exists = (file: string) => fs.stat(file).then(() => true, () => false);

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(150);
  }
  assert.fail(`timed out waiting: ${what}`);
}

/** A born-digital batch (text layer, no OCR needed): a sheet before each of `letters` letters. */
async function textBatch(ctx: Ctx, letters: number, serviceCode: string | null = null): Promise<Buffer> {
  const batch = await PDFDocument.create();
  const letter = await PDFDocument.load(await corpusFile('pdf/maarch-courrier-entrant-demandes-interventions.pdf'));
  const sheet = await PDFDocument.load(await makeSeparatorSheet(ctx, { entityCode: 'PREF69', serviceCode }));
  for (let i = 0; i < letters; i++) {
    for (const page of await batch.copyPages(sheet, [0])) batch.addPage(page);
    for (const page of await batch.copyPages(letter, [0])) batch.addPage(page);
  }
  return Buffer.from(await batch.save());
}

async function scanItems(t: TestApp) {
  return (await listInbox(t.app.ctx, 'PREF69', { page: 1, pageSize: 200 })).items;
}

describe(`scanner: hot folder (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let root: string;
  let hot: HotFolder;

  before(async () => {
    t = await startTestApp();
    root = path.join(t.environment.dataDir, 'scanners');
    await fs.mkdir(path.join(root, 'PREF69'), { recursive: true });
    hot = startHotFolder(t.app.ctx, { root, settleMs: 1000, scanMs: 150 });
  });
  after(async () => {
    await hot?.stop();
    await t?.close();
  });

  it('takes a file written slowly in chunks once, complete, and moves it to traités', async () => {
    const bytes = await corpusFile('scans/ocrmypdf-francais.pdf');
    const target = path.join(root, 'PREF69', 'courrier-lent.pdf');
    const handle = await fs.open(target, 'w');
    const chunk = Math.ceil(bytes.length / 6);
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      await handle.write(bytes.subarray(offset, offset + chunk));
      await handle.sync();
      await sleep(400); // less than the settle interval: still being written
    }
    await handle.close();
    const done = path.join(root, 'PREF69', '.octo', 'traités', 'courrier-lent.pdf');
    await until('the file is taken', () => exists(done));
    assert.equal(await exists(target), false);
    const items = (await scanItems(t)).filter((i) => i.channel === 'scan');
    assert.equal(items.length, 1, 'registered once');
    const detail = await getMailItemDetail(t.app.ctx, 'PREF69', items[0]!.chrono);
    assert.equal(detail.documents[0]!.sha256, createHash('sha256').update(bytes).digest('hex'), 'the complete file');
    assert.equal((await listQuarantineViews(t.app.ctx, 'PREF69', 'open')).length, 0, 'no partial file was refused');
  });

  it('leaves temporary and hidden names alone', async () => {
    const names = ['scan.pdf.part', '.cache.pdf', '~$lettre.pdf', 'envoi.tmp', 'copie.crdownload'];
    const pdf = await corpusFile('pdf/maarchparaph-etat_civil.pdf');
    for (const name of names) await fs.writeFile(path.join(root, 'PREF69', name), pdf);
    await sleep(1500);
    await hot.scan();
    await hot.scan();
    for (const name of names) assert.equal(await exists(path.join(root, 'PREF69', name)), true, name);
    for (const name of names) await fs.rm(path.join(root, 'PREF69', name));
  });

  it('puts a bad file in refusés with its reason beside it, and in the quarantine list', async () => {
    const whole = await corpusFile('scans/ocrmypdf-francais.pdf');
    await fs.writeFile(path.join(root, 'PREF69', 'tronque.pdf'), whole.subarray(0, 5000));
    const refused = path.join(root, 'PREF69', '.octo', 'refusés', 'tronque.pdf');
    await until('the bad file is refused', () => exists(`${refused}.txt`));
    assert.equal(await exists(refused), true);
    const reason = await fs.readFile(`${refused}.txt`, 'utf8');
    assert.match(reason, /endommagé ou tronqué/);
    assert.match(reason, /CAPTURE_PDF_CORRUPT/);
    const open = await listQuarantineViews(t.app.ctx, 'PREF69', 'open');
    assert.ok(open.some((q) => q.filename === 'tronque.pdf' && q.code === 'CAPTURE_PDF_CORRUPT'));
  });

  it('assigns a service sub-folder’s files, splits lots/, and refuses unknown folders with a reason', async () => {
    await fs.mkdir(path.join(root, 'PREF69', 'CAB'), { recursive: true });
    await fs.mkdir(path.join(root, 'PREF69', 'lots'), { recursive: true });
    await fs.mkdir(path.join(root, 'PREF69', 'SGAR'), { recursive: true });
    await fs.mkdir(path.join(root, 'NOPE'), { recursive: true });
    await fs.writeFile(path.join(root, 'PREF69', 'CAB', 'lettre-cab.pdf'), await corpusFile('pdf/maarchparaph-etat_civil.pdf'));
    await fs.writeFile(path.join(root, 'PREF69', 'lots', 'lot.pdf'), await textBatch(t.app.ctx, 2, 'DCIT-ASSO'));
    await fs.writeFile(path.join(root, 'PREF69', 'SGAR', 'perdu.pdf'), await corpusFile('pdf/maarchparaph-etat_civil.pdf'));
    await fs.writeFile(path.join(root, 'NOPE', 'ailleurs.pdf'), await corpusFile('pdf/maarchparaph-etat_civil.pdf'));
    await until('every file is taken', async () =>
      (await exists(path.join(root, 'PREF69', 'CAB', '.octo', 'traités', 'lettre-cab.pdf'))) &&
      (await exists(path.join(root, 'PREF69', '.octo', 'traités', 'lot.pdf'))) &&
      (await exists(path.join(root, 'PREF69', 'SGAR', '.octo', 'refusés', 'perdu.pdf.txt'))) &&
      (await exists(path.join(root, 'NOPE', '.octo', 'refusés', 'ailleurs.pdf.txt'))));
    const items = await scanItems(t);
    const views = await Promise.all(items.map(async (i) => ({ item: i, detail: await getMailItemDetail(t.app.ctx, 'PREF69', i.chrono), handling: await getHandlingView(t.app.ctx, 'PREF69', i.chrono) })));
    const fromCab = views.filter((v) => v.detail.documents[0]!.filename === 'lettre-cab.pdf');
    assert.equal(fromCab.length, 1);
    assert.equal(fromCab[0]!.handling.service?.code, 'CAB');
    const fromLot = views.filter((v) => /^lot-p\d/.test(v.detail.documents[0]!.filename));
    assert.deepEqual(fromLot.map((v) => v.detail.documents[0]!.filename).sort(), ['lot-p2.pdf', 'lot-p4.pdf']);
    for (const v of fromLot) assert.equal(v.handling.service?.code, 'DCIT-ASSO');
    assert.match(await fs.readFile(path.join(root, 'PREF69', 'SGAR', '.octo', 'refusés', 'perdu.pdf.txt'), 'utf8'), /aucun service/);
    assert.match(await fs.readFile(path.join(root, 'NOPE', '.octo', 'refusés', 'ailleurs.pdf.txt'), 'utf8'), /aucune entité/);
    const open = await listQuarantineViews(t.app.ctx, 'PREF69', 'open');
    assert.ok(open.some((q) => q.filename === 'perdu.pdf' && q.code === 'CAPTURE_HOT_FOLDER_UNKNOWN_SERVICE'));
  });
});

describe(`scanner: hot folder after a crash (${TEST_DIALECT})`, () => {
  let environment: TestEnvironment;
  let t: TestApp;

  before(async () => {
    environment = await createTestEnvironment();
  });
  after(async () => {
    await t?.close();
    await environment?.dispose();
  });

  it('resumes a batch cut short by kill -9 without registering anything twice', async () => {
    const root = path.join(environment.dataDir, 'scanners');
    const env = {
      ...environment.env,
      OCTO_HOT_FOLDER_ROOT: root,
      OCTO_HOT_FOLDER_SETTLE_SECONDS: '0.5',
      OCTO_HOT_FOLDER_SCAN_SECONDS: '0.2',
      OCTO_OCR_WORKERS: '1',
      OCTO_LOG_LEVEL: 'error',
    };
    t = await startTestApp({ environment });
    const letters = 6;
    const batch = await textBatch(t.app.ctx, letters);
    const child = spawn(process.execPath, [BIN, 'worker', '--concurrency', '1'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await until('the worker has started', () => exists(path.join(root, '.octo-dossier-surveille.lock')), 60_000);
      await fs.mkdir(path.join(root, 'PREF69', 'lots'), { recursive: true });
      await fs.writeFile(path.join(root, 'PREF69', 'lots', 'lot-du-soir.pdf'), batch);
      await until('a first item of the batch is registered', async () => (await scanItems(t)).length >= 1);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const before = (await scanItems(t)).length;
    assert.ok(before < letters, `killed half-way (${before} of ${letters} items registered)`);
    assert.equal(await exists(path.join(root, 'PREF69', 'lots', 'lot-du-soir.pdf')), true, 'the file stays until the batch is done');

    const hot = startHotFolder(t.app.ctx, { root, settleMs: 500, scanMs: 150 });
    try {
      await until('the batch is finished', () => exists(path.join(root, 'PREF69', '.octo', 'traités', 'lot-du-soir.pdf')));
    } finally {
      await hot.stop();
    }
    const items = await scanItems(t);
    assert.equal(items.length, letters, 'each letter once');
    const names = await Promise.all(items.map(async (i) => (await getMailItemDetail(t.app.ctx, 'PREF69', i.chrono)).documents[0]!.filename));
    assert.deepEqual(names.sort(), Array.from({ length: letters }, (_, i) => `lot-du-soir-p${2 * i + 2}.pdf`).sort());
  });
});
