import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiSession, launchChromium, mailroomAccount, openPage, registerFile, signInPage } from './browser.ts';
import { startWebServer, type WebServer } from './web-server.ts';

/**
 * The « Pilotage » page, as a service head sees it in headless Chromium: two letters received
 * today, one answered at once (in time), one still waiting; the key figures, the tables, another
 * period, and the CSV download.
 */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/corpus/pdf/maarchparaph-etat_civil.pdf');
const ENTITY = 'PREF69';

describe('steering figures page (web)', { timeout: 4 * 60_000 }, () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'octo-e2e-statistics-'));
  const consoleErrors: string[] = [];

  async function shot(name: string) {
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  }

  const register = (filename: string) => registerFile(server.url, ENTITY, FIXTURE, filename);

  async function post(url: string, payload: unknown) {
    const response = await fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await apiSession(server.url, mailroomAccount(ENTITY))) }, body: JSON.stringify(payload) });
    assert.equal(response.status, 200, await response.clone().text());
  }

  const tile = (id: string) => page.locator(`#${id}`);
  const table = (id: string) => page.getByTestId(id);

  before(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await openPage(browser, consoleErrors, { acceptDownloads: true });
    await signInPage(page, server.url, mailroomAccount(ENTITY));
    const answered = await register('demande-documents.pdf');
    await post(`/api/entities/${ENTITY}/mail-items/${answered}/qualify`, { requestTypeCode: 'ACCES-DOCUMENTS', serviceCode: 'CAB' });
    await post(`/api/entities/${ENTITY}/mail-items/${answered}/status`, { status: 'answered' });
    await register('courrier-en-attente.pdf');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    process.stdout.write(`# screenshots: ${shots}\n`);
  });

  it('opens « Pilotage » from the header navigation and shows the key figures', async () => {
    await page.goto(`${server.url}/e/${ENTITY}/courriers`);
    await page.locator('#octo-header').getByRole('link', { name: 'Pilotage', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Pilotage' }).waitFor();
    await page.getByText(/^Période du .+ au .+ — situation au .+\.$/).waitFor();

    await tile('stat-figure-received').getByRole('heading', { name: 'Courriers reçus' }).waitFor();
    await tile('stat-figure-received').getByText('2', { exact: true }).waitFor();
    await tile('stat-figure-within-delay').getByText('100 %').waitFor();
    await tile('stat-figure-within-delay').getByText('1 sur 1 demande répondue').waitFor();
    await tile('stat-figure-median').getByText('0 jour', { exact: true }).waitFor();
    await tile('stat-figure-median').getByText(/^1 courrier traité/).waitFor();
    await tile('stat-figure-backlog').getByText('1', { exact: true }).waitFor();
    await shot('01-pilotage');
  });

  it('breaks the items down in DSFR tables, with the share of each row', async () => {
    const channels = table('stat-by-channel');
    await channels.getByRole('heading', { level: 2, name: 'Courriers reçus par canal' }).waitFor();
    await channels.getByRole('row', { name: /Dépôt 2 100 %/ }).waitFor();
    await table('stat-by-type').getByRole('row', { name: /Communication de documents administratifs 1 50 %/ }).waitFor();
    await table('stat-by-type').getByRole('row', { name: /Non qualifié 1 50 %/ }).waitFor();
    await table('stat-by-service').getByRole('row', { name: /Cabinet du préfet 1 50 %/ }).waitFor();
    await table('stat-by-service').getByRole('row', { name: /Non attribué 1 50 %/ }).waitFor();
    await table('stat-by-status').getByRole('row', { name: /Répondu 1 50 %/ }).waitFor();
    await table('stat-backlog').getByRole('row', { name: /0 à 7 jours 1 100 %/ }).waitFor();
  });

  it('downloads the CSV for a spreadsheet', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Télécharger le tableau \(CSV\)/ }).click()]);
    assert.match(download.suggestedFilename(), /^pilotage-PREF69-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    assert.ok(text.startsWith('\uFEFFPilotage du courrier\r\n'), 'BOM, then the first section');
    assert.ok(text.includes('\r\nCourriers reçus;2\r\n'));
    assert.ok(text.includes('\r\nPart dans le délai légal (%);100\r\n'));
  });

  it('shows another period from the URL-kept filter, and refuses an inverted one', async () => {
    await page.getByLabel('Du', { exact: true }).fill('2020-01-01');
    await page.getByLabel('Au (inclus)').fill('2020-12-31');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.waitForURL(/from=2020-01-01&to=2020-12-31/);
    await page.getByText('Période du 1 janvier 2020 au 31 décembre 2020', { exact: false }).waitFor();
    await tile('stat-figure-received').getByText('0', { exact: true }).waitFor();
    await table('stat-by-channel').getByText('Aucun courrier reçu pendant la période.').waitFor();
    await tile('stat-figure-backlog').getByText('1', { exact: true }).waitFor();
    await shot('02-pilotage-2020');

    await page.getByLabel('Du', { exact: true }).fill('2021-01-01');
    await page.getByText('La date de fin doit suivre la date de début.').waitFor();
    await page.getByRole('button', { name: 'Douze derniers mois' }).click();
    await tile('stat-figure-received').getByText('2', { exact: true }).waitFor();
    assert.doesNotMatch(page.url(), /from=/);
  });

  it('logged no browser error', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
