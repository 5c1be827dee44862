import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { clickNavLink, launchChromium, openPage } from '../../e2e/browser.ts';
import { DOVECOT_MISSING, startDovecot, type DovecotServer } from '../../helpers/dovecot.ts';
import { signInAgent, startTestApp, type TestApp } from '../../helpers/test-app.ts';

/**
 * The « Boîtes aux lettres » page in headless Chromium, as an agent who is both the entity's
 * admin and in its mailroom: the gateway addresses, adding a mailbox, « Relever » creating an
 * item, and a wrong password shown as a French error on the row.
 */
const WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist/index.html');

describe('« Boîtes aux lettres » page (web)', { skip: DOVECOT_MISSING ?? (existsSync(WEB_DIST) ? undefined : 'web/dist absent : npm run build'), timeout: 4 * 60_000 }, () => {
  let dovecot: DovecotServer;
  let test: TestApp;
  let server: FastifyInstance;
  let url = '';
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const shots = path.join(os.tmpdir(), 'octo-e2e-mailboxes');

  before(async () => {
    await fs.mkdir(shots, { recursive: true });
    dovecot = await startDovecot({ users: [{ user: 'courrier', password: 'Bon-Mot-De-Passe' }] });
    test = await startTestApp();
    server = await test.app.buildHttpServer();
    url = (await server.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    const agent = await signInAgent(test.app, server, [
      { entityCode: 'PREF69', role: 'entity_admin' },
      { entityCode: 'PREF69', role: 'mailroom_agent' },
    ]);
    browser = await launchChromium();
    page = await openPage(browser, consoleErrors);
    const token = agent.headers.cookie.replace(/^octo_session=/, '');
    await page.context().addCookies([{ name: 'octo_session', value: token, url }]);
    // Until the web app carries the CSRF token itself, the test sends it on every request.
    await page.context().setExtraHTTPHeaders({ 'x-csrf-token': agent.headers['x-csrf-token'] });
    page.on('dialog', (dialog) => void dialog.accept());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await test?.close();
    await dovecot?.stop();
  });

  it('shows the gateway address, adds a mailbox, relève creates an item; a wrong password is a French error on the row', async () => {
    await page.goto(`${url}/e/PREF69/courriers`);
    await clickNavLink(page, 'Boîtes aux lettres');
    await page.getByRole('heading', { level: 1, name: 'Boîtes aux lettres' }).waitFor();
    await page.getByTestId('gateway-addresses').getByText('courrier@pref69.octo.localhost').waitFor();
    await page.getByText('Aucune boîte aux lettres n’est relevée pour cette entité.').waitFor();

    await page.fill('#mailbox-name', 'courrier@');
    await page.fill('#mailbox-host', '127.0.0.1');
    await page.selectOption('#mailbox-security', 'none');
    await page.fill('#mailbox-port', String(dovecot.port));
    await page.fill('#mailbox-username', 'courrier');
    await page.fill('#mailbox-password', 'Bon-Mot-De-Passe');
    await page.getByRole('button', { name: 'Ajouter la boîte' }).click();
    await page.getByText('Boîte « courrier@ » ajoutée.').waitFor();
    const row = page.locator('#mailboxes tbody tr', { hasText: 'courrier@' });
    await row.getByText('En attente').waitFor();
    assert.equal(await page.locator('#mailbox-password').inputValue(), '', 'the password does not stay in the form');

    await dovecot.append('courrier', 'From: Sophie <sophie@example.fr>\r\nSubject: Demande de carte grise\r\nMessage-ID: <cg-web@example.fr>\r\n\r\nBonjour.\r\n');
    await row.getByRole('button', { name: 'Relever' }).click();
    const report = page.getByTestId('sync-report');
    await report.waitFor();
    assert.match(await report.innerText(), /Demande de carte grise — enregistré sous PREF69-\d{4}-E-000001/);
    await row.getByText('Relevée').waitFor();
    await row.getByText('1 courrier créé').waitFor();
    await page.screenshot({ path: path.join(shots, 'relevee.png'), fullPage: true });

    await page.fill('#mailbox-name', 'mauvais');
    await page.fill('#mailbox-username', 'courrier');
    await page.fill('#mailbox-password', 'faux');
    await page.getByRole('button', { name: 'Ajouter la boîte' }).click();
    const wrong = page.locator('#mailboxes tbody tr', { hasText: 'mauvais' });
    await wrong.getByRole('button', { name: 'Relever' }).click();
    await wrong.getByTestId('mailbox-error').waitFor();
    assert.match(await wrong.getByTestId('mailbox-error').innerText(), /refusé l’identifiant ou le mot de passe/);
    await page.screenshot({ path: path.join(shots, 'erreur.png'), fullPage: true });

    await wrong.getByRole('button', { name: 'Retirer' }).click();
    await wrong.waitFor({ state: 'detached' });
    assert.deepEqual(consoleErrors.filter((e) => !/status of 4\d\d|502/.test(e)), []);
  });
});
