import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { corpusPath, createTestEnvironment, TEST_DIALECT, type TestEnvironment } from '../helpers/test-app.ts';

const run = promisify(execFile);
const OCTO = path.resolve(import.meta.dirname, '../../bin/octo.js');

describe(`octo contact, octo mail reminders, octo mail export (${TEST_DIALECT})`, () => {
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

  it('adds contacts, lists confidential ones only for their entity, finds and merges duplicates', async () => {
    const first = await octo('contact', 'add', '--name', 'Martin', '--first-name', 'Jean', '--email', 'jean.martin@exemple.fr', '--address', '12 rue de la République', '--postcode', '69002', '--city', 'Lyon', '--json');
    assert.equal(first.code, 0, first.stderr);
    const a = JSON.parse(first.stdout);
    assert.deepEqual(a.postalAddress, ['Jean MARTIN', '12 rue de la République', '69002 LYON']);
    const b = JSON.parse((await octo('contact', 'add', '--name', 'MARTIN', '--first-name', 'Jean', '--email', 'Jean.Martin@exemple.fr', '--phone', '06 12 34 56 78', '--json')).stdout);
    const hidden = await octo('contact', 'add', '--organisation', 'Cabinet Discret', '--confidential-for', 'PREF69', '--json');
    assert.equal(JSON.parse(hidden.stdout).confidentialEntityCode, 'PREF69');
    assert.equal(JSON.parse((await octo('contact', 'list', '--search', 'discret', '--json')).stdout).total, 0);
    assert.equal(JSON.parse((await octo('contact', 'list', '--search', 'discret', '--entity', 'PREF69', '--json')).stdout).total, 1);
    const bad = await octo('contact', 'add', '--organisation', 'X', '--siret', '12345678901234');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /SIRET invalide/);

    const duplicates = await octo('contact', 'duplicates');
    assert.match(duplicates.stdout, /1 doublon\(s\) probable\(s\)/);
    assert.match(duplicates.stdout, /même courriel/);
    const merged = await octo('contact', 'merge', b.id, '--into', a.id);
    assert.equal(merged.code, 0, merged.stderr);
    assert.match(merged.stdout, /Contacts fusionnés : .*Jean MARTIN/);
    assert.match((await octo('contact', 'duplicates')).stdout, /0 doublon/);
    assert.equal(JSON.parse((await octo('contact', 'list', '--search', 'martin', '--json')).stdout).contacts[0].phone, '06 12 34 56 78');
  });

  it('lists reminders and exports an item to an outside administration as a ZIP', async () => {
    const ingest = await octo('ingest', '--entity', 'PREF69', '--json', '--no-wait', corpusPath('pdf/maarchparaph-etat_civil.pdf'));
    const chrono = JSON.parse(ingest.stdout)[0].item.chrono as string;
    const reminders = await octo('mail', 'reminders', '--entity', 'PREF69', '--run', '--json');
    assert.equal(reminders.code, 0, reminders.stderr);
    assert.deepEqual([JSON.parse(reminders.stdout).created, JSON.parse(reminders.stdout).open], [0, 0]);
    assert.match((await octo('mail', 'reminders', '--entity', 'PREF69')).stdout, /Rappels non traités : 0/);

    const zip = path.join(environment.dataDir, 'paquet.zip');
    const exported = await octo('mail', 'export', '--entity', 'PREF69', chrono, '--to', 'Mairie de Villeurbanne', '--address', 'Place Lazare-Goujon', '--address', '69100 Villeurbanne', '-o', zip);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, new RegExp(`${chrono} transmis à Mairie de Villeurbanne`));
    const listing = (await run('unzip', ['-l', zip])).stdout;
    for (const name of ['bordereau.html', 'manifest.json', 'SHA256SUMS', 'originaux/01-maarchparaph-etat_civil.pdf']) assert.ok(listing.includes(`${chrono}/${name}`), listing);
    const manifest = JSON.parse((await run('unzip', ['-p', zip, `${chrono}/manifest.json`])).stdout);
    assert.equal(manifest.recipient.name, 'Mairie de Villeurbanne');
    assert.match(manifest.reason, /L114-2/);
    const again = await octo('mail', 'export', '--entity', 'PREF69', chrono, '--to', 'Autre', '-o', path.join(environment.dataDir, 'autre.zip'));
    assert.equal(again.code, 2);
    assert.match(again.stderr, /déjà été transmis hors plateforme/);
    await assert.rejects(fs.access(path.join(environment.dataDir, 'autre.zip')), 'no empty file left behind');
    assert.match((await octo('mail', 'show', '--entity', 'PREF69', chrono, '--json')).stdout, /"handlingStatus": "transferred_out"/);
  });

  it('shares an acknowledgement template and copies it into another entity', async () => {
    assert.match((await octo('template', 'shared', '--entity', 'ARS-ARA')).stdout, /0 modèle\(s\) partagé\(s\)/);
    const shared = await octo('template', 'share', '--entity', 'PREF69', '--kind', 'svr', '--channel', 'email');
    assert.equal(shared.code, 0, shared.stderr);
    assert.match(shared.stdout, /PREF69 svr\/email : partagé/);
    const listed = JSON.parse((await octo('template', 'shared', '--entity', 'ARS-ARA', '--json')).stdout).templates;
    assert.deepEqual(listed.map((t: { entityCode: string; kind: string; channel: string }) => `${t.entityCode}/${t.kind}/${t.channel}`), ['PREF69/svr/email']);
    const copied = await octo('template', 'copy', '--entity', 'ARS-ARA', '--from', 'PREF69', '--kind', 'svr', '--channel', 'email');
    assert.equal(copied.code, 0, copied.stderr);
    const refused = await octo('template', 'copy', '--entity', 'ARS-ARA', '--from', 'PREF69', '--kind', 'sva', '--channel', 'email');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /Modèle partagé introuvable/);
  });
});
