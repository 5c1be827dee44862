import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp-capture.ts';
import { launchChromium, openPage } from './browser.ts';
import { startWebServer, type WebServer } from './web-server.ts';

/**
 * A person writes to the prefecture through its public form (no account), as one would in
 * Chromium: sends it empty, reads the error summary, fixes a wrong SIRET, attaches a PDF, sends
 * with the keyboard, and reads the confirmation with the registration number; the AEE arrives on
 * the SMTP server started by the test.
 */
const PDF = path.resolve(import.meta.dirname, '../fixtures/e2e/ocrmypdf-francais.pdf');

describe('public form (web)', { timeout: 4 * 60_000 }, () => {
  let smtp: SmtpCapture;
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

  before(async () => {
    smtp = await startSmtpCapture();
    server = await startWebServer({ ...smtp.env, OCTO_MAIL_FROM: 'ne-pas-repondre@rhone.example', OCTO_MAIL_TICK_SECONDS: '1' });
    browser = await launchChromium();
    page = await openPage(browser, consoleErrors);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('shows the form of the entity, without sign-in', async () => {
    await page.goto(`${server.url}/demarches/PREF69`);
    await page.getByRole('heading', { level: 1, name: /Écrire à : Préfecture du Rhône/ }).waitFor();
    const options = await page.getByLabel('Type de demande').locator('option').allTextContents();
    assert.ok(options.some((o) => /Recours administratif/.test(o)));
    assert.ok(!options.some((o) => /agent de l’administration/.test(o)));
  });

  it('lists every error in a summary and puts the focus on the first wrong field', async () => {
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const summary = page.getByRole('heading', { name: /Le formulaire contient 9 erreurs/ });
    await summary.waitFor();
    await page.getByRole('link', { name: 'Indiquez votre nom.' }).waitFor();
    assert.equal(await focusedId(), 'pf-lastName');
    assert.equal(await page.locator('#pf-lastName').getAttribute('aria-invalid'), 'true');
  });

  it('names a wrong SIRET, then registers the corrected request sent with the keyboard', async () => {
    await page.getByLabel('Entreprise').check({ force: true });
    await page.getByLabel('Raison sociale de l’entreprise').fill('Boulangerie Martin');
    await page.getByLabel('Numéro SIRET').fill('732 829 320 00075');
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    await page.getByLabel('Prénom').fill('Camille');
    await page.getByLabel('Adresse électronique').fill('camille.martin@example.org');
    await page.getByLabel('Numéro et voie').fill('12 rue de la République');
    await page.getByLabel('Code postal').fill('69002');
    await page.getByLabel('Commune').fill('Lyon');
    await page.getByLabel('Type de demande').selectOption('RECOURS');
    await page.getByLabel('Objet').fill('Recours gracieux contre un refus de subvention');
    await page.getByLabel('Message').fill('Madame, Monsieur,\nJe conteste le refus de subvention du 10 février.');
    await page.locator('input[type=file][name=pieces]').setInputFiles(PDF);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.getByRole('heading', { name: /Le formulaire contient une erreur/ }).waitFor();
    await page.getByRole('link', { name: /SIRET « 732 829 320 00075 » n’existe pas/ }).waitFor();
    assert.equal(await focusedId(), 'pf-siret');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('732 829 320 00074');
    await page.getByLabel('Objet').focus();
    await page.keyboard.press('Enter');

    const heading = page.getByRole('heading', { level: 1, name: 'Votre demande a bien été enregistrée' });
    await heading.waitFor();
    assert.equal(await focusedId(), 'confirmation-title');
    const chrono = (await page.getByTestId('chrono').textContent())!.trim();
    assert.match(chrono, /^PREF69-\d{4}-E-\d{6}$/);
    await page.getByText('Un accusé d’enregistrement électronique est adressé à camille.martin@example.org').waitFor();
    await page.getByText(/Vous recevrez un accusé de réception électronique au plus tard le/).waitFor();
    await page.getByText('ocrmypdf-francais.pdf').waitFor();

    const aee = await smtp.waitFor((m) => (m.parsed.subject ?? '').includes(chrono), 30_000);
    assert.deepEqual(aee.envelopeTo, ['camille.martin@example.org']);
    assert.match(aee.text, new RegExp(`Numéro d’enregistrement : ${chrono}`));
    assert.deepEqual(consoleErrors.filter((e) => !/status of 400/.test(e)), []);
  });
});
