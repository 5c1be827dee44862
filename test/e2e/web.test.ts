import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiSession, DEMO_PASSWORD, launchChromium, mailroomAccount, openPage } from './browser.ts';
import { startWebServer, type WebServer } from './web-server.ts';

/**
 * What an agent sees in the web application, in headless Chromium (Debian's, never downloaded):
 * choose an entity, deposit a scanned letter, follow it to "Indexé", read it, find it by search,
 * and see an empty file land in quarantine.
 */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/e2e/ocrmypdf-francais.pdf');
const CHRONO = /^PREF69-\d{4}-E-\d{6}$/;
const OCR_TIMEOUT = 180_000;

describe('web application (agents)', { timeout: 6 * 60_000 }, () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let chrono = '';
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'octo-e2e-shots-'));
  const brokenAssets: string[] = [];
  const consoleErrors: string[] = [];

  async function shot(name: string) {
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  }

  function nav(name: string) {
    return page.locator('#octo-header').getByRole('link', { name, exact: true });
  }

  before(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await openPage(browser, consoleErrors);
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (response.status() >= 400 && !url.pathname.startsWith('/api/')) brokenAssets.push(`${response.status()} ${url.pathname}`);
    });
    page.on('requestfailed', (request) => {
      const url = new URL(request.url());
      // A load cut short by the test's own navigation (net::ERR_ABORTED) is not a broken asset.
      if (!url.pathname.startsWith('/api/') && request.failure()?.errorText !== 'net::ERR_ABORTED') {
        brokenAssets.push(`failed ${url.pathname} (${request.failure()?.errorText})`);
      }
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    process.stdout.write(`# screenshots: ${shots}\n`);
  });

  it('asks to sign in first, refuses a wrong password in French, then shows only the agent’s entities', async () => {
    await page.goto(`${server.url}/e/PREF69/courriers`);
    await page.getByRole('heading', { level: 1, name: 'Se connecter à Octo' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Courriers', exact: true }).count(), 0, 'no mail navigation before signing in');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByText('Saisissez votre adresse électronique et votre mot de passe.').waitFor();
    await page.getByLabel('Adresse électronique professionnelle').fill(mailroomAccount('PREF69'));
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByText(/Adresse électronique ou mot de passe incorrect/).waitFor();
    await shot('00-connexion-refusee');
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    // Signed in, the page asked for appears; the header names the agent.
    await page.getByRole('heading', { level: 1, name: 'Courriers reçus' }).waitFor();
    await page.locator('#octo-header').getByText('Nadia Benali').first().waitFor();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Choisissez votre entité' }).waitFor();
    await page.getByRole('link', { name: /Préfecture du Rhône/ }).waitFor();
    await page.getByText(/Bureau du courrier/).first().waitFor();
    assert.equal(await page.getByRole('link', { name: /Agence régionale de santé/ }).count(), 0, 'another entity is not offered');
    await page.evaluate(() => document.fonts.ready);
    const marianne = await page.evaluate(() => document.fonts.check('16px Marianne'));
    assert.ok(marianne, 'the Marianne font is loaded from our own build');
    await shot('01-entites');
  });

  it('deposits a scanned letter and shows its chrono number', async () => {
    await page.getByRole('link', { name: /Préfecture du Rhône/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Courriers reçus' }).waitFor();
    await nav('Déposer').click();
    await page.getByRole('heading', { level: 1, name: 'Déposer des courriers' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await page.getByLabel('Canal de réception').selectOption('scan');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    const link = page.locator('[data-chrono]').first();
    await link.waitFor();
    chrono = (await link.textContent())?.trim() ?? '';
    assert.match(chrono, CHRONO);
    await shot('02-depot');
  });

  it('lists the new item in the inbox', async () => {
    await nav('Courriers').click();
    await page.locator('#inbox-table').getByRole('link', { name: chrono }).waitFor();
    await shot('03-courriers');
  });

  it('opens the item, waits for "Indexé", renders the page and its OCR text', async () => {
    await page.locator('#inbox-table').getByRole('link', { name: chrono }).click();
    await page.getByRole('heading', { level: 1, name: `Courrier ${chrono}` }).waitFor();
    await page.locator('main .fr-badge', { hasText: /^Indexé$/ }).first().waitFor({ timeout: OCR_TIMEOUT });
    await page.locator('canvas[data-rendered="true"]').waitFor({ timeout: 30_000 });
    const size = await page.locator('canvas[data-rendered="true"]').evaluate((c: HTMLCanvasElement) => c.width * c.height);
    assert.ok(size > 10_000, 'the PDF page is drawn in the canvas');
    await shot('04-courrier-apercu');
    await page.getByText('Version recherchable (OCR)').click();
    await page.locator('canvas[data-rendered="true"]').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Texte intégral' }).click();
    await page.getByTestId('full-text').getByText(/whisky/).first().waitFor();
    await page.getByText(/Source : OCR/).first().waitFor();
    const history = page.locator('section[aria-labelledby="item-history-title"]');
    await history.getByText('Enregistrement').waitFor();
    await history.getByText('Lecture et indexation terminées').waitFor();
    await shot('05-courrier-texte');
  });

  it('finds the item from the header search bar, with the match highlighted', async () => {
    await page.locator('#octo-header-search-input').fill('juge');
    await page.locator('#octo-header-search-input').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Rechercher dans les courriers' }).waitFor();
    await page.locator('main').getByRole('link', { name: chrono }).waitFor();
    await page.locator('main mark', { hasText: /juge/i }).first().waitFor();
    await page.getByText(/^\d+ résultats? pour « juge »$/).waitFor();
    await shot('06-recherche');
  });

  it('puts an empty file in quarantine and lets the agent dismiss it', async () => {
    await nav('Déposer').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'courrier-vide.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText(/Le fichier est vide/).first().waitFor();
    await shot('07-depot-vide');
    await nav('Quarantaine').click();
    const table = page.locator('#quarantine-open');
    await table.getByText(/Le fichier est vide/).first().waitFor();
    await table.getByText('courrier-vide.pdf').first().waitFor();
    await shot('08-quarantaine');
    await table.getByRole('row', { name: /courrier-vide\.pdf/ }).first().getByRole('button', { name: 'Écarter' }).click();
    await page.getByLabel(/Note/).fill('Fichier vide envoyé par erreur ; l’expéditeur est recontacté.');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('« courrier-vide.pdf » a été écarté.').waitFor();
    await page.getByRole('tab', { name: 'Traitées' }).click();
    await page.locator('#quarantine-resolved').getByText('Fichier vide envoyé par erreur', { exact: false }).waitFor();
    await shot('09-quarantaine-traitees');
  });

  it('shows an e-mail item with its sender, recipients and attachments', async () => {
    const form = new FormData();
    form.append('channel', 'email');
    const eml = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/corpus/eml/phpmime-m0013-fr-outlook-forward.eml'));
    form.append('file', new Blob([eml]), 'transfert.eml');
    const res = await fetch(`${server.url}/api/entities/PREF69/mail-items`, { method: 'POST', body: form, headers: await apiSession(server.url, mailroomAccount('PREF69')) });
    const chrono = ((await res.json()) as { results: Array<{ item: { chrono: string } }> }).results[0]!.item.chrono;
    await page.goto(`${server.url}/e/PREF69/courriers/${chrono}`);
    const email = page.locator('section[aria-labelledby="email-title"]');
    await email.getByText('NAME Firstname <firstname.name@groupe-company.com>').waitFor();
    await email.getByText('paul.dupont@company.com').waitFor();
    await page.getByText('corps-du-message.txt').first().waitFor();
    await shot('10-courriel');
  });

  it('loaded every style, font and icon from our own server', () => {
    assert.deepEqual(brokenAssets, []);
    assert.deepEqual(consoleErrors.filter((e) => !e.includes('/api/')), []);
  });
});
