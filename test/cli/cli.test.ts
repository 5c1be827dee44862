import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { corpusPath, createTestEnvironment, TEST_DIALECT, type TestEnvironment } from '../helpers/test-app.ts';

const run = promisify(execFile);
const OCTO = path.resolve(import.meta.dirname, '../../bin/octo.js');

describe(`octo command line (${TEST_DIALECT})`, () => {
  let environment: TestEnvironment;
  const octo = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, [OCTO, ...args], { env: environment.env, maxBuffer: 64 * 1024 * 1024 });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  before(async () => {
    environment = await createTestEnvironment();
  });
  after(() => environment?.dispose());

  let chrono = '';

  it('ingest --json prints the chrono, status, pages and fields of each item, and quarantine reasons', async () => {
    const result = await octo(
      'ingest', '--entity', 'ARS-ARA', '--json',
      corpusPath('../derived-scans/maarch-courrier-entrant-demandes-interventions-scan.pdf'),
      corpusPath('pdf/paperless-password-is-test.pdf'),
    );
    assert.equal(result.code, 3, 'exit code 3 when a file went to quarantine');
    const out = JSON.parse(result.stdout) as Array<{ filename: string; item: any; quarantine: any }>;
    assert.equal(out.length, 2);
    const [letter, locked] = out;
    assert.match(letter!.item.chrono, /^ARS-ARA-\d{4}-E-000001$/);
    assert.equal(letter!.item.status, 'indexed');
    assert.equal(letter!.item.pageCount, 1);
    assert.equal(letter!.item.letterDate, '2021-02-26');
    assert.ok(letter!.item.fields.some((f: { name: string; value: string }) => f.name === 'subject' && /interventions/.test(f.value)));
    assert.equal(locked!.item, null);
    assert.equal(locked!.quarantine.code, 'CAPTURE_PDF_ENCRYPTED');
    assert.match(locked!.quarantine.message, /mot de passe/);
    chrono = letter!.item.chrono;
  });

  it('search finds the item without accents, in the right entity only', async () => {
    const found = JSON.parse((await octo('search', '--entity', 'ARS-ARA', '--json', 'interventions', 'pascontent')).stdout);
    assert.equal(found.total, 1);
    assert.equal(found.results[0].item.chrono, chrono);
    const elsewhere = JSON.parse((await octo('search', '--entity', 'PREF69', '--json', 'pascontent')).stdout);
    assert.equal(elsewhere.total, 0);
  });

  it('show prints the item with its full text', async () => {
    const shown = await octo('show', chrono);
    assert.equal(shown.code, 0);
    assert.match(shown.stdout, new RegExp(chrono));
    assert.match(shown.stdout, /PASCONTENT/);
    assert.match(shown.stdout, /--- page 1 \(OCR \d+ %\) ---/);
    const json = JSON.parse((await octo('show', '--json', chrono)).stdout);
    assert.match(json.documents[0].text[0].text, /Monsieur le Maire/);
  });

  it('mail qualify gives the legal deadline; mail status refuses a closing without its reason', async () => {
    const qualified = JSON.parse((await octo('mail', 'qualify', '--entity', 'ARS-ARA', '--type', 'RECOURS', '--service', 'AUTO', '--json', chrono)).stdout);
    assert.equal(qualified.deadline.kind, 'rejection');
    assert.equal(qualified.service.code, 'AUTO');
    const refused = await octo('mail', 'status', '--entity', 'ARS-ARA', '--set', 'closed', chrono);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr ?? '', /motif du classement/);
    const closed = await octo('mail', 'status', '--entity', 'ARS-ARA', '--set', 'closed', '--reason', 'Sans suite', chrono);
    assert.match(closed.stdout, /classé \(Sans suite\)/);
  });

  it('prints its help in French: headings, possible values and defaults', async () => {
    const help = (await octo('mail', 'basket', '--help')).stdout;
    assert.match(help, /^Utilisation : octo mail basket \[options\]/);
    assert.match(help, /Options :/);
    assert.match(help, /valeurs possibles : "a-qualifier"/);
    assert.doesNotMatch(help, /Usage:|Options:|choices:|default:/);
  });

  it('says a file system error in French, with its path, not as a raw ENOENT', async () => {
    const missing = await octo('separator-sheet', '--entity', 'PREF69', '-o', '/nonexistent/dossier/feuille.pdf');
    assert.equal(missing.code, 1);
    assert.equal((missing.stderr ?? '').trim(), 'Erreur : fichier ou dossier introuvable : /nonexistent/dossier/feuille.pdf');
  });

  it('audit verify proves the entity\'s chain intact', async () => {
    const verdict = await octo('audit', 'verify', '--entity', 'ARS-ARA');
    assert.equal(verdict.code, 0);
    assert.match(verdict.stdout, /Chaîne d’audit intègre : \d+ événements/);
  });

  it('names the problem when asked for an unknown entity or item', async () => {
    const entity = await octo('ingest', '--entity', 'NOPE', corpusPath('pdf/ocrmypdf-invalid.pdf'));
    assert.equal(entity.code, 2);
    assert.match(entity.stderr ?? '', /Entité inconnue/);
    const item = await octo('show', 'PREF69-2026-E-999999');
    assert.equal(item.code, 2);
    assert.match(item.stderr ?? '', /Courrier introuvable/);
  });
});
