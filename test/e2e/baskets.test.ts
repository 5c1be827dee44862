import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { apiSession, clickNavLink, launchChromium, mailroomAccount, openPage, registerFile, signInPage } from './browser.ts';
import { startWebServer, type WebServer } from './web-server.ts';

/**
 * Routing and baskets as agents see them in headless Chromium: the entity admin adds a keyword rule
 * to the titres de séjour bureau; two letters are registered through the API; the rule routes one
 * (the bureau's agent finds it in « À traiter », with the rule on its page), the other waits for the
 * mailroom in « À qualifier », its page saying why.
 */
const ENTITY = 'PREF69';
const ADMIN = 'admin@pref69.demo';
const SERVICE_AGENT = 'agent@pref69.demo'; // in DMI-SEJOUR
const RULE_NAME = 'Titres de séjour';

/** A one-page French letter with a text layer, made here so that its words are known. */
async function letterPdf(file: string, lines: string[]): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 760 - i * 22, size: 12, font }));
  fs.writeFileSync(file, await doc.save());
  return file;
}

describe('routing rules and baskets (web)', { timeout: 5 * 60_000 }, () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let routedChrono = '';
  let waitingChrono = '';
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'octo-e2e-baskets-'));
  const consoleErrors: string[] = [];

  async function shot(name: string) {
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  }

  /** A fresh browser context signed in as this account (the previous one is closed). */
  async function signInAs(email: string) {
    if (page) await page.context().close();
    page = await openPage(browser, consoleErrors);
    await signInPage(page, server.url, email);
  }

  /** The item's routing, asked until the processing job has recorded it (routing is asynchronous). */
  async function waitForRouting(chrono: string): Promise<{ decision: { decidedBy: string; serviceCode: string | null; abstention: string | null } }> {
    const headers = await apiSession(server.url, mailroomAccount(ENTITY));
    for (let attempt = 0; attempt < 300; attempt++) {
      const response = await fetch(`${server.url}/api/entities/${ENTITY}/mail-items/${encodeURIComponent(chrono)}/routing`, { headers });
      assert.equal(response.status, 200);
      const body = (await response.json()) as { routing: Awaited<ReturnType<typeof waitForRouting>> | null };
      if (body.routing) return body.routing;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`${chrono} was never routed`);
  }

  const basket = () => page.getByTestId('basket');
  const sideMenu = () => page.locator('nav.fr-sidemenu');

  before(async () => {
    server = await startWebServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    process.stdout.write(`# screenshots: ${shots}\n`);
  });

  it('lets the entity admin open « Aiguillage », refuses a rule without a condition, and adds a keyword rule', async () => {
    await signInAs(ADMIN);
    await page.goto(`${server.url}/e/${ENTITY}/pilotage`);
    await clickNavLink(page, 'Aiguillage');
    await page.getByRole('heading', { level: 1, name: 'Aiguillage' }).waitFor();
    await page.getByText('Aucune règle : le courrier est aiguillé par le modèle seul').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Modèle d’aiguillage' }).waitFor();
    await page.getByTestId('routing-model-service').getByText('Aucun courrier appris').waitFor();

    const form = page.getByRole('form', { name: 'Ajouter une règle' });
    await form.getByLabel('Nom de la règle').fill(RULE_NAME);
    await form.getByLabel('Service à attribuer').selectOption('DMI-SEJOUR');
    await form.getByRole('button', { name: 'Ajouter la règle' }).click();
    await form.getByText(/indiquez au moins une condition/).waitFor();

    await form.getByLabel('Mots-clés').fill('titre de séjour, carte de résident');
    await form.getByRole('button', { name: 'Ajouter la règle' }).click();
    await page.getByText(`La règle « ${RULE_NAME} » est ajoutée.`).waitFor();
    const row = page.locator('#routing-rules-table tbody tr');
    await row.getByText('Mots-clés : titre de séjour, carte de résident').waitFor();
    assert.equal(await row.count(), 1);
    await row.getByText('Bureau des titres de séjour').waitFor();
    assert.equal(await form.getByLabel('Nom de la règle').inputValue(), '', 'the form is emptied for the next rule');
    await shot('01-aiguillage-regle-ajoutee');
  });

  it('routes a matching letter to the bureau by the rule, and leaves another for the mailroom', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'octo-e2e-baskets-pdf-'));
    const matching = await letterPdf(path.join(dir, 'renouvellement.pdf'), [
      'Madame Amina Diallo',
      '12 rue Garibaldi, 69003 Lyon',
      'Objet : renouvellement de mon titre de sejour',
      'Monsieur le Préfet,',
      'Mon titre de séjour arrive à expiration le mois prochain.',
      'Je vous prie de bien vouloir procéder à son renouvellement.',
    ]);
    const other = await letterPdf(path.join(dir, 'fete.pdf'), [
      'Comité des fêtes de Vaulx-en-Velin',
      'Objet : invitation à la fête de quartier',
      'Monsieur le Préfet,',
      'Nous avons le plaisir de vous inviter à notre fête annuelle.',
    ]);
    routedChrono = await registerFile(server.url, ENTITY, matching, 'renouvellement.pdf');
    waitingChrono = await registerFile(server.url, ENTITY, other, 'fete.pdf');
    const routed = await waitForRouting(routedChrono);
    assert.equal(routed.decision.decidedBy, 'rule');
    assert.equal(routed.decision.serviceCode, 'DMI-SEJOUR');
    const waiting = await waitForRouting(waitingChrono);
    assert.equal(waiting.decision.decidedBy, 'none');
  });

  it('shows the bureau’s agent the routed letter in « À traiter », and not the other one', async () => {
    await signInAs(SERVICE_AGENT);
    await page.goto(`${server.url}/e/${ENTITY}/courriers`);
    await page.locator('#octo-header').getByRole('link', { name: 'Bannettes', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bannettes' }).waitFor();
    // A service agent has no « À qualifier »: the first basket is « À traiter ».
    await sideMenu().getByRole('link', { name: /^À traiter \(1\)$/ }).waitFor();
    assert.equal(await sideMenu().getByRole('link', { name: /^À qualifier/ }).count(), 0);
    await basket().getByRole('heading', { level: 2, name: 'À traiter' }).waitFor();
    const row = basket().locator('tbody tr');
    await row.getByRole('link', { name: routedChrono }).waitFor();
    assert.equal(await row.count(), 1);
    await row.getByText('Bureau des titres de séjour').waitFor();
    await row.getByText('Non qualifié').waitFor();
    await row.getByText('Sans échéance').waitFor();
    await shot('02-bannette-a-traiter-agent');

    await sideMenu().getByRole('link', { name: /^En copie/ }).click();
    await basket().getByRole('heading', { level: 2, name: 'En copie' }).waitFor();
    await basket().getByText('Aucun courrier en copie.').waitFor();
  });

  it('shows the rule that decided on the item’s « Aiguillage » panel', async () => {
    await sideMenu().getByRole('link', { name: /^À traiter/ }).click();
    await basket().getByRole('link', { name: routedChrono }).click();
    await page.getByRole('heading', { level: 1, name: `Courrier ${routedChrono}` }).waitFor();
    const panel = page.getByTestId('routing-panel');
    await panel.getByText(`Aiguillé par la règle « ${RULE_NAME} »`).waitFor();
    await panel.getByText('titre de séjour', { exact: true }).waitFor();
    await panel.getByText('Bureau des titres de séjour').waitFor();
    await page.getByTestId('handling-summary').getByText('Bureau des titres de séjour').waitFor();
    await page.locator('section[aria-labelledby="item-history-title"]').getByText('Aiguillage automatique', { exact: true }).waitFor();
    await shot('03-courrier-aiguille-par-regle');
  });

  it('shows the mailroom the unrouted letter in « À qualifier », with filters', async () => {
    await signInAs(mailroomAccount(ENTITY));
    await page.goto(`${server.url}/e/${ENTITY}/bannettes`);
    await basket().getByRole('heading', { level: 2, name: 'À qualifier' }).waitFor();
    await sideMenu().getByRole('link', { name: /^À qualifier \(1\)$/ }).waitFor();
    const rows = basket().locator('tbody tr');
    // The counts and the table are two requests: wait for the row before counting.
    await rows.getByRole('link', { name: waitingChrono }).waitFor();
    assert.equal(await rows.count(), 1);
    await rows.getByText('Non attribué').waitFor();
    await shot('04-bannette-a-qualifier');

    // The filters apply to every basket and to the counts.
    await page.getByLabel('Canal').selectOption({ label: 'Courriel' });
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await basket().getByText('Aucun courrier de cette bannette ne correspond aux filtres.').waitFor();
    await sideMenu().getByRole('link', { name: /^À qualifier \(0\)$/ }).waitFor();
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await sideMenu().getByRole('link', { name: /^À qualifier \(1\)$/ }).waitFor();

    await sideMenu().getByRole('link', { name: /^À traiter/ }).click();
    await basket().getByRole('heading', { level: 2, name: 'À traiter' }).waitFor();
    await page.getByLabel('Service', { exact: true }).selectOption('DMI-SEJOUR');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await page.waitForURL(/service=DMI-SEJOUR/);
    await basket().getByRole('link', { name: routedChrono }).waitFor();
    assert.equal(await basket().getByRole('link', { name: waitingChrono }).count(), 0);
  });

  it('shows the abstention on the unrouted letter’s page', async () => {
    await page.goto(`${server.url}/e/${ENTITY}/courriers/${encodeURIComponent(waitingChrono)}`);
    const panel = page.getByTestId('routing-panel');
    await panel.getByText('En attente d’un agent du bureau du courrier').waitFor();
    await panel.getByText(/Aucune règle ne s’applique/).waitFor();
    await page.locator('section[aria-labelledby="item-history-title"]').getByText('Aiguillage en attente d’un agent').waitFor();
    await shot('05-courrier-en-attente');
  });

  it('lets the admin delete the rule', async () => {
    await signInAs(ADMIN);
    await page.goto(`${server.url}/e/${ENTITY}/aiguillage`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Supprimer la règle « ${RULE_NAME} »` }).click();
    await page.getByText(`La règle « ${RULE_NAME} » est supprimée.`).waitFor();
    await page.getByText('Aucune règle : le courrier est aiguillé par le modèle seul').waitFor();
    // The rule's decision was learnt: the model counts one letter for the bureau.
    await page.getByTestId('routing-model-service').getByText('1 courrier appris').waitFor();
  });

  it('logged no browser error besides the refused rule', () => {
    assert.deepEqual(consoleErrors.filter((e) => !/status of 400/.test(e)), []);
  });
});
