import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiSession, clickNavLink, launchChromium, mailroomAccount, openPage, signInPage } from './browser.ts';
import { startWebServer, type WebServer } from './web-server.ts';

/**
 * « Administration » of an entity, in headless Chromium: DREAL-ARA's admin adds an agent (a weak
 * password first, refused with the ANSSI rules in French, then a good one), declares an absence,
 * adds a sub-service and its contact data; the new agent signs in and sees DREAL-ARA only; the
 * mailroom has no Administration entry and is refused the page.
 */
const ENTITY = 'DREAL-ARA';
const ADMIN = 'admin@dreal-ara.demo';
const NEW_AGENT = { name: 'Léa Martin', email: 'lea.martin@dreal-ara.demo', password: 'Tournesol-Ardent-47' };

/** A Paris calendar day, `days` after today, as YYYY-MM-DD. */
function parisDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

describe('entity administration (web)', { timeout: 4 * 60_000 }, () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'octo-e2e-administration-'));
  const consoleErrors: string[] = [];

  async function shot(target: Page, name: string) {
    await target.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  }

  const agentForm = () => page.getByRole('form', { name: 'Ajouter un agent', exact: true });
  const agentsTable = () => page.locator('#agents-table');

  before(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    page = await openPage(browser, consoleErrors);
    await signInPage(page, server.url, ADMIN);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    process.stdout.write(`# screenshots: ${shots}\n`);
  });

  it('opens « Administration » from the entity’s tile and navigation, with its agents listed', async () => {
    // An agent who only administers the entity lands on its administration, not on mail it may not read.
    await page.getByRole('link', { name: /Direction régionale de l’environnement/ }).click();
    await page.waitForURL(new RegExp(`/e/${ENTITY}/administration$`));
    await page.locator('.fr-nav').getByRole('link', { name: 'Pilotage', exact: true }).click();
    await page.waitForURL(new RegExp(`/e/${ENTITY}/pilotage$`));
    await clickNavLink(page, 'Administration');
    await page.waitForURL(new RegExp(`/e/${ENTITY}/administration$`));
    await page.getByRole('heading', { level: 1, name: 'Administration de l’entité' }).waitFor();
    assert.equal(await page.title(), 'Administration de l’entité — Octo — Courrier');
    const courrier = agentsTable().getByRole('row').filter({ hasText: mailroomAccount(ENTITY) });
    await courrier.getByText('Bureau du courrier — Courrier').waitFor();
    await courrier.getByText('Actif').waitFor();
    await agentsTable().getByRole('row').filter({ hasText: ADMIN }).getByText('Administration de l’entité').waitFor();
    await shot(page, '01-agents');
  });

  it('refuses a weak password with every ANSSI rule it breaks, in French', async () => {
    await agentForm().getByLabel('Prénom et nom').fill(NEW_AGENT.name);
    await agentForm().getByLabel('Adresse électronique professionnelle').fill(NEW_AGENT.email);
    await agentForm().getByLabel('Rôle').selectOption({ label: 'Agent de service' });
    await agentForm().locator('#agent-service').selectOption({ label: 'Installations classées (ICPE)' });
    await agentForm().getByLabel('Mot de passe (facultatif)').fill('azerty123');
    await agentForm().getByRole('button', { name: 'Ajouter l’agent' }).click();
    const errors = agentForm().getByTestId('password-policy-errors');
    await errors.getByText('comporter au moins 12 caractères (il en compte 9)').waitFor();
    await errors.getByText(/^contenir au moins une lettre majuscule/).waitFor();
    await errors.getByText(/^ne pas être un mot de passe courant/).waitFor();
    await agentForm().getByText('Le mot de passe ne respecte pas la politique de sécurité (ANSSI). Il doit :').waitFor();
    assert.equal(await agentsTable().getByRole('row').filter({ hasText: NEW_AGENT.email }).count(), 0, 'no account was created');
    await shot(page, '02-weak-password');
  });

  it('adds the agent with a good password', async () => {
    await agentForm().getByLabel('Mot de passe (facultatif)').fill(NEW_AGENT.password);
    await agentForm().getByRole('button', { name: 'Ajouter l’agent' }).click();
    await page.getByText(`${NEW_AGENT.name} est ajouté à l’entité.`).waitFor();
    const row = agentsTable().getByRole('row').filter({ hasText: NEW_AGENT.email });
    await row.getByText('Agent de service — Installations classées (ICPE)').waitFor();
    await row.getByText('Jamais').waitFor();
    assert.equal(await agentForm().getByTestId('password-policy-errors').count(), 0);
  });

  it('declares an absence, listed as current with its substitute', async () => {
    const form = page.getByRole('form', { name: 'Déclarer une absence', exact: true });
    await form.getByLabel('Agent absent').selectOption({ label: 'Antoine Robin (agent@dreal-ara.demo)' });
    await form.getByLabel('Suppléant').selectOption({ label: `${NEW_AGENT.name} (${NEW_AGENT.email})` });
    await form.getByLabel('Premier jour d’absence').fill(parisDay(0));
    await form.getByLabel('Dernier jour d’absence').fill(parisDay(7));
    await form.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await page.getByText(`L’absence de Antoine Robin est déclarée ; ${NEW_AGENT.name} le supplée.`).waitFor();
    const row = page.locator('#absences-table').getByRole('row').filter({ hasText: 'Antoine Robin' });
    await row.getByText(NEW_AGENT.name).waitFor();
    await row.getByText('En cours').waitFor();
  });

  it('adds a sub-service under ICPE and records its contact data', async () => {
    const form = page.getByRole('form', { name: 'Ajouter un service', exact: true });
    await form.getByLabel('Service parent (facultatif)').selectOption({ label: 'Installations classées (ICPE)' });
    await form.getByLabel('Code du service').fill('ICPE-RISQUES');
    await form.getByLabel('Nom du service').fill('Risques accidentels');
    await form.getByRole('button', { name: 'Ajouter le service' }).click();
    await page.getByText('Le service « Risques accidentels » est ajouté.').waitFor();
    const services = page.locator('#services-table');
    const row = services.getByRole('row').filter({ hasText: 'ICPE-RISQUES' });
    await row.getByText('└ Risques accidentels').waitFor();
    await row.getByRole('cell', { name: 'Installations classées (ICPE)' }).waitFor();
    // In tree order: right after its parent.
    const codes = await services.locator('tbody tr td:first-child').allTextContents();
    assert.equal(codes[codes.indexOf('ICPE') + 1], 'ICPE-RISQUES');

    await row.getByRole('button', { name: 'Coordonnées' }).click();
    await shot(page, '03-contact-form');
    const contact = page.getByRole('form', { name: 'Coordonnées de Risques accidentels', exact: true });
    await contact.getByLabel('Adresse postale').fill('DREAL Auvergne-Rhône-Alpes\nService risques\n5 place Jules Ferry');
    await contact.getByLabel('Code postal').fill('6900');
    await contact.getByLabel('Commune').fill('Lyon');
    await contact.getByLabel('Courriel').fill('risques.dreal-ara@developpement-durable.gouv.fr');
    await contact.getByLabel('Téléphone').fill('04 26 28 60 00');
    await contact.getByRole('button', { name: 'Enregistrer les coordonnées' }).click();
    await contact.getByText(/code postal à 5 chiffres/).waitFor();
    await contact.getByLabel('Code postal').fill('69006');
    await contact.getByRole('button', { name: 'Enregistrer les coordonnées' }).click();
    await page.getByText('Les coordonnées de Risques accidentels sont enregistrées.').waitFor();

    const headers = await apiSession(server.url, ADMIN);
    const saved = (await (await fetch(`${server.url}/api/entities/${ENTITY}/services/ICPE-RISQUES/contact`, { headers })).json()) as Record<string, unknown>;
    assert.deepEqual(saved.addressLines, ['DREAL Auvergne-Rhône-Alpes', 'Service risques', '5 place Jules Ferry']);
    assert.equal(saved.postcode, '69006');
    await shot(page, '04-services');
    // The only browser errors are the two refusals the test provoked (password, postcode).
    assert.deepEqual(consoleErrors.filter((e) => !/status of (422|400)/.test(e)), []);
  });

  it('lets the new agent sign in, seeing DREAL-ARA only', async () => {
    const fresh = await openPage(browser, []);
    try {
      await fresh.goto(`${server.url}/`);
      await fresh.getByLabel('Adresse électronique professionnelle').fill(NEW_AGENT.email);
      await fresh.getByLabel('Mot de passe', { exact: true }).fill(NEW_AGENT.password);
      await fresh.getByRole('button', { name: 'Se connecter', exact: true }).click();
      const list = fresh.getByRole('list', { name: 'Choisissez votre entité' });
      await list.getByText(`DREAL ARA · ${ENTITY}`).waitFor();
      assert.equal(await list.getByRole('listitem').count(), 1);
      await list.getByText(/Agent de service/).waitFor();
      assert.equal(await fresh.locator('.fr-nav').getByRole('link', { name: 'Administration', exact: true }).count(), 0);
      await shot(fresh, '05-new-agent');
    } finally {
      await fresh.context().close();
    }
  });

  it('gives the mailroom no Administration entry and an explicit refusal at the address', async () => {
    const mailroom = await openPage(browser, []);
    try {
      await signInPage(mailroom, server.url, mailroomAccount(ENTITY));
      await mailroom.goto(`${server.url}/e/${ENTITY}/courriers`);
      await mailroom.locator('.fr-nav').getByRole('link', { name: 'Courriers', exact: true }).waitFor();
      assert.equal(await mailroom.locator('.fr-nav').getByRole('link', { name: 'Administration', exact: true }).count(), 0);

      await mailroom.goto(`${server.url}/e/${ENTITY}/administration`);
      await mailroom.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor();
      await mailroom.getByText(`L’administration de l’entité « ${ENTITY} » est réservée à ses administrateurs`).waitFor();
      assert.equal(await mailroom.locator('#agents-table').count(), 0);
      await shot(mailroom, '06-mailroom-refused');

      const headers = await apiSession(server.url, mailroomAccount(ENTITY));
      const agents = await fetch(`${server.url}/api/entities/${ENTITY}/agents`, { headers });
      assert.equal(agents.status, 403, 'the API refuses too: the role may not');
    } finally {
      await mailroom.context().close();
    }
  });
});
