import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestEnvironment, manualClock, startTestApp, TEST_DIALECT, type TestEnvironment } from '../../helpers/test-app.ts';
import { flat, makeRequest, pdfText, qpdfCheck, run } from './helpers.ts';

const OCTO = path.resolve(import.meta.dirname, '../../../bin/octo.js');

describe(`octo ack (${TEST_DIALECT})`, () => {
  let environment: TestEnvironment;
  const chronos: Record<string, string> = {};
  const octo = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [OCTO, ...args], { env: environment.env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  before(async () => {
    environment = await createTestEnvironment();
    // The items are made in-process on the same data, received on 7 February 2025.
    const t = await startTestApp({ environment, clock: manualClock('2025-02-07T09:00:00Z') });
    try {
      chronos.sva = await makeRequest(t.app, { entity: 'DREAL-ARA', type: 'DEMANDE', service: 'ICPE' });
      chronos.agent = await makeRequest(t.app, { entity: 'DREAL-ARA', type: 'AGENT', service: 'COURRIER' });
      chronos.bare = await makeRequest(t.app, { entity: 'DREAL-ARA' });
    } finally {
      await t.close();
    }
    // and one received today, on the real clock the command uses
    const now = await startTestApp({ environment });
    try {
      chronos.recent = await makeRequest(now.app, { entity: 'DREAL-ARA', type: 'DEMANDE', service: 'ICPE' });
    } finally {
      await now.close();
    }
  });
  after(() => environment?.dispose());

  it('writes the letter as a PDF that qpdf accepts and poppler reads', async () => {
    const file = path.join(environment.dataDir, 'ar.pdf');
    const result = await octo('ack', '--chrono', chronos.sva!, '-o', file);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Accusé de réception de DREAL-ARA-2025-E-000001 écrit dans/);
    assert.match(await qpdfCheck(file), /No syntax or stream encoding errors/);
    const text = flat(await pdfText(await fs.readFile(file)));
    for (const words of ['Date de réception de votre demande : vendredi 7 février 2025', 'réputée acceptée le lundi 7 avril 2025', 'Installations classées (ICPE)', '69453 Lyon Cedex 06', 'Courriel : icpe.dreal-ara@developpement-durable.gouv.fr', 'Téléphone : 04 26 28 60 10']) {
      assert.ok(text.includes(flat(words)), `missing « ${words} »`);
    }
  });

  it('prints the e-mail with --email, an incomplete request with --missing and --due', async () => {
    // the command runs on the real clock: a due date one month ahead
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const result = await octo('ack', '--chrono', chronos.recent!, '--email', '--missing', 'Plan de situation', '--missing', 'Étude d’impact', '--due', due);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^À : \\(adresse inconnue\\)\\nObjet : Accusé de réception de votre demande n° ${chronos.recent}`));
    assert.match(result.stdout, /- Plan de situation\n- Étude d’impact/);
    assert.match(result.stdout, /Téléphone : 04 26 28 60 10/);
    const far = await octo('ack', '--chrono', chronos.recent!, '--email', '--missing', 'Plan', '--due', '2099-03-01');
    assert.equal(far.code, 2);
    assert.match(far.stderr, /plus d’un an/);
    const late = await octo('ack', '--chrono', chronos.sva!, '--email', '--missing', 'Plan', '--due', due);
    assert.equal(late.code, 2, 'items asked for once the implicit decision of 7 April 2025 is born');
    assert.match(late.stderr, /La décision implicite est née le lundi 7 avril 2025/);
  });

  it('exits 2 with the French reason when no AR is owed or the request is not qualified, writing nothing', async () => {
    const file = path.join(environment.dataDir, 'none.pdf');
    const agent = await octo('ack', '--chrono', chronos.agent!, '-o', file);
    assert.equal(agent.code, 2);
    assert.match(agent.stderr, /Aucun accusé de réception n’est dû.*L112-2.*\[REGISTRY_ACK_NOT_OWED\]/s);
    const bare = await octo('ack', '--chrono', chronos.bare!, '-o', file);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /Qualifiez d’abord la demande/);
    await assert.rejects(fs.stat(file));
    const unknown = await octo('ack', '--chrono', 'DREAL-ARA-2025-E-999999', '-o', file);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /REGISTRY_ITEM_NOT_FOUND/);
  });
});
