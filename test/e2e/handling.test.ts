import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, mailroomAccount, openPage, registerFile, signInPage } from './browser.ts';
import { startWebServer, type WebServer } from './web-server.ts';

/**
 * The handling of an item, as an agent sees it in headless Chromium: qualify a registered letter
 * (its legal deadline appears), comment, link, close it with a reason, read the history; then the
 * « Échéances » page.
 */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/corpus/pdf/maarchparaph-etat_civil.pdf');
const ENTITY = 'PREF69';

/** Today in Paris, as YYYY-MM-DD (the server counts deadlines on the Paris calendar). */
function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** One calendar month later, the day clamped to the end of the month (31 January → 28/29 February). */
function oneMonthAfter(day: string): { date: Date; days: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(y, m, Math.min(d, lastDay)));
  return { date, days: Math.round((date.getTime() - Date.UTC(y, m - 1, d)) / 86_400_000) };
}

describe('handling of a mail item (web)', { timeout: 4 * 60_000 }, () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let chrono = '';
  let otherChrono = '';
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'octo-e2e-handling-'));
  const consoleErrors: string[] = [];

  async function shot(name: string) {
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  }

  const register = (filename: string) => registerFile(server.url, ENTITY, FIXTURE, filename);

  const panel = () => page.getByTestId('handling-panel');
  const form = (name: string) => panel().getByRole('form', { name, exact: true });

  async function openAction(name: string) {
    const button = panel().getByRole('button', { name, exact: true }).first();
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await form(name).waitFor();
  }

  before(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await openPage(browser, consoleErrors);
    await signInPage(page, server.url, mailroomAccount(ENTITY));
    chrono = await register('demande-etat-civil.pdf');
    otherChrono = await register('reponse-etat-civil.pdf');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    process.stdout.write(`# screenshots: ${shots}\n`);
  });

  it('shows the « Traitement » panel of a registered item, not yet qualified', async () => {
    await page.goto(`${server.url}/e/${ENTITY}/courriers/${encodeURIComponent(chrono)}`);
    await page.getByRole('heading', { level: 1, name: `Courrier ${chrono}` }).waitFor();
    await panel().getByRole('heading', { level: 2, name: 'Traitement' }).waitFor();
    await panel().getByText('Non qualifié').waitFor();
    await panel().getByTestId('handling-status').getByText('Enregistré').waitFor();
    await shot('01-traitement-non-qualifie');
  });

  it('qualifies it as a request for documents for the Cabinet: rejection one month later', async () => {
    await openAction('Qualifier');
    await form('Qualifier').getByLabel('Type de demande').selectOption({ label: 'Communication de documents administratifs' });
    await form('Qualifier').getByLabel('Service (facultatif)').selectOption({ label: 'Cabinet du préfet' });
    await form('Qualifier').getByRole('button', { name: 'Qualifier' }).click();
    await panel().getByText('Le courrier est qualifié').waitFor();

    const { date, days } = oneMonthAfter(parisToday());
    const expected = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
    const deadline = panel().getByTestId('handling-deadline');
    await deadline.getByText(`Décision de rejet implicite le ${expected} — dans ${days} jours`).waitFor();
    await deadline.getByText(/^Accusé de réception à envoyer avant le \d{1,2} \S+ \d{4}$/).waitFor();

    const summary = panel().getByTestId('handling-summary');
    await summary.getByText('Communication de documents administratifs').waitFor();
    await summary.getByText('silence vaut rejet — 1 mois').waitFor();
    await summary.getByText(/CRPA R311-13/).waitFor();
    await summary.getByText('Cabinet du préfet').waitFor();
    await summary.getByTestId('handling-status').getByText('Attribué').waitFor();
    await shot('02-traitement-qualifie');
  });

  it('indents sub-services under their parent in the service lists', async () => {
    await openAction('Attribuer / réattribuer');
    const options = await form('Attribuer / réattribuer').getByLabel('Service', { exact: true }).locator('option').allTextContents();
    const parent = options.findIndex((o) => o.trim() === 'Direction des migrations et de l’intégration');
    assert.ok(parent > 0, 'the parent service is listed');
    assert.match(options[parent + 1] ?? '', /^\s+└ Bureau/, 'its sub-services follow it, indented');
  });

  it('comments, and links the reply', async () => {
    await openAction('Commenter');
    await form('Commenter').getByLabel('Commentaire').fill('Pièces demandées au bureau de l’état civil.');
    await form('Commenter').getByRole('button', { name: 'Ajouter le commentaire' }).click();
    await panel().getByText('Le commentaire est ajouté.').waitFor();
    await panel().getByTestId('handling-comments').getByText('Pièces demandées au bureau de l’état civil.').waitFor();
    await panel().getByTestId('handling-comments').getByText(/Nadia Benali, le/).waitFor();

    await openAction('Lier à un courrier');
    await form('Lier à un courrier').getByLabel('N° chrono du courrier à lier').fill(otherChrono);
    await form('Lier à un courrier').locator('label', { hasText: /^Réponse/ }).click();
    assert.ok(await form('Lier à un courrier').getByRole('radio', { name: /^Réponse/ }).isChecked());
    await form('Lier à un courrier').getByRole('button', { name: 'Lier' }).click();
    await panel().getByText(`Le courrier est lié à ${otherChrono}.`).waitFor();
    await panel().getByTestId('handling-links').getByRole('link', { name: otherChrono }).waitFor();
    await shot('03-traitement-commentaire-lien');
  });

  it('refuses to close without a reason (the server’s French message), then closes with one', async () => {
    await openAction('Changer le statut');
    await form('Changer le statut').getByLabel('Nouveau statut').selectOption({ label: 'Classé' });
    await form('Changer le statut').getByRole('button', { name: 'Changer le statut' }).click();
    await form('Changer le statut').getByText(/Indiquez le motif du classement\./).waitFor();
    await shot('04-classement-sans-motif');

    await form('Changer le statut').getByLabel(/^Motif/).fill('Documents communiqués par courriel.');
    await form('Changer le statut').getByRole('button', { name: 'Changer le statut' }).click();
    await panel().getByText('Le statut de traitement est maintenant « Classé ».').waitFor();
    const status = panel().getByTestId('handling-status');
    await status.getByText('Classé').waitFor();
    await status.getByText('Motif : Documents communiqués par courriel.').waitFor();
    await panel().getByTestId('handling-deadline').getByText('Courrier classé : il ne figure plus dans les échéances à suivre.').waitFor();
  });

  it('shows the handling actions in the item history', async () => {
    const history = page.locator('section[aria-labelledby="item-history-title"]');
    await history.getByText('Enregistrement').waitFor();
    // Labels come from the registry catalogue; the action codes match the same words.
    await history.getByText(/qualif/i).first().waitFor();
    await history.getByText(/comment/i).first().waitFor();
    await history.getByText(/lié|linked|liaison/i).first().waitFor();
    await history.getByText(/statut|status/i).first().waitFor();
    await shot('05-traitement-historique');
  });

  it('opens « Échéances » from the header navigation', async () => {
    await page.locator('#octo-header').getByRole('link', { name: 'Échéances', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Échéances' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'En retard' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'À échéance sous 7 jours' }).waitFor();
    // A fresh instance: the only qualified item is closed and its deadline is a month away.
    await page.getByText('Aucun courrier en retard.').waitFor();
    await page.getByText('Aucun courrier n’arrive à échéance dans les 7 jours.').waitFor();
    await shot('06-echeances');
  });

  it('transfers a misdirected request to the competent entity in two clicks (L114-2)', async () => {
    const misdirected = await register('demande-ehpad.pdf');
    await page.goto(`${server.url}/e/${ENTITY}/courriers/${encodeURIComponent(misdirected)}`);
    await panel().getByRole('heading', { level: 2, name: 'Traitement' }).waitFor();
    await openAction('Transmettre à l’entité compétente');
    const transfer = form('Transmettre à l’entité compétente');
    await transfer.getByLabel('Entité compétente').selectOption('ARS-ARA');
    await transfer.getByRole('button', { name: 'Transmettre', exact: true }).click();
    await panel().getByText(/Transmis : enregistré par l’entité compétente sous le numéro ARS-ARA-\d{4}-E-\d{6}/).waitFor();
    // A scanned letter gives no e-mail address: the notice is a letter to print.
    await panel().getByText(/imprimez l’avis de transmission et envoyez-le par courrier/).waitFor();
    await panel().getByTestId('handling-status').getByText('Classé').waitFor();
    await shot('10-transmission');
  });

  it('logged no browser error besides the refused closing', () => {
    assert.deepEqual(consoleErrors.filter((e) => !/status of 400/.test(e)), []);
  });
});
