import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { corpusFile, createTestEnvironment, TEST_DIALECT, type TestEnvironment } from '../../helpers/test-app.ts';

const run = promisify(execFile);
const OCTO = path.resolve(import.meta.dirname, '../../../bin/octo.js');

describe(`octo separator-sheet and ingest --split (${TEST_DIALECT})`, () => {
  let environment: TestEnvironment;
  const octo = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [OCTO, ...args], { env: environment.env, maxBuffer: 64 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  before(async () => {
    environment = await createTestEnvironment();
  });
  after(() => environment?.dispose());

  it('writes the separator sheets, and names an unknown entity or service in French', async () => {
    const out = path.join(environment.dataDir, 'feuilles.pdf');
    const ok = await octo('separator-sheet', '--entity', 'PREF69', '--service', 'CAB', '--count', '3', '-o', out);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal((await PDFDocument.load(await fs.readFile(out))).getPageCount(), 3);
    const entity = await octo('separator-sheet', '--entity', 'PREF99', '-o', out);
    assert.equal(entity.code, 2);
    assert.match(entity.stderr, /Aucune entité n’a le code « PREF99 »/);
    const service = await octo('separator-sheet', '--entity', 'PREF69', '--service', 'XYZ', '-o', out);
    assert.equal(service.code, 2);
    assert.match(service.stderr, /Le service « XYZ » n’existe pas dans l’entité PREF69/);
    const count = await octo('separator-sheet', '--entity', 'PREF69', '--count', '0', '-o', out);
    assert.notEqual(count.code, 0);
    assert.match(count.stderr, /--count doit être un nombre entier entre 1 et 500/);
  });

  it('ingest --split --json lists the items with their chrono and pages, the separators and blanks', async () => {
    const sheets = path.join(environment.dataDir, 'sep.pdf');
    assert.equal((await octo('separator-sheet', '--entity', 'PREF69', '--service', 'DCL', '-o', sheets)).code, 0);
    const batch = await PDFDocument.create();
    const letter = await PDFDocument.load(await corpusFile('pdf/maarchparaph-etat_civil.pdf'));
    const sheet = await PDFDocument.load(await fs.readFile(sheets));
    for (const source of [sheet, letter, sheet, letter]) for (const page of await batch.copyPages(source, [0])) batch.addPage(page);
    batch.addPage([595, 842]); // an empty page at the end
    const file = path.join(environment.dataDir, 'lot.pdf');
    await fs.writeFile(file, await batch.save());
    const result = await octo('ingest', '--entity', 'PREF69', '--split', '--no-wait', '--json', file);
    assert.equal(result.code, 0, result.stderr);
    const [out] = JSON.parse(result.stdout);
    assert.deepEqual(out.separators, [1, 3]);
    assert.deepEqual(out.blanks, [5]);
    assert.deepEqual(out.items.map((i: { pages: number[] }) => i.pages), [[2], [4]]);
    assert.match(out.items[0].item.chrono, /^PREF69-\d{4}-E-000001$/);
    const text = await octo('ingest', '--entity', 'PREF69', '--split', '--no-wait', file);
    assert.match(text.stdout, /5 page\(s\), 2 feuille\(s\) de séparation \(pages 1, 3\), 1 page\(s\) blanche\(s\) retirée\(s\) \(page 5\)/);
    assert.match(text.stdout, /PREF69-\d{4}-E-000003 {2}\w+ {2}page 2 {2}→ service DCL/);
  });
});
