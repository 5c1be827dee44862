import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { clamdInstalled, startClamd, type TestClamd } from '../helpers/clamd.ts';
import { signInAgent, startTestApp, TEST_DIALECT, type TestApp } from '../helpers/test-app.ts';
import { launchChromium, openPage } from './browser.ts';

/** « Administration > Antivirus » in headless Chromium, signed in, without and with a clamd. */
describe(`antivirus status page (web, ${TEST_DIALECT})`, { timeout: 3 * 60_000 }, () => {
  let browser: Browser;
  const consoleErrors: string[] = [];

  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());

  async function openStatusPage(t: TestApp) {
    const server: FastifyInstance = await t.app.buildHttpServer();
    const url = await server.listen({ port: 0, host: '127.0.0.1' });
    const agent = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'mailroom_agent' }]);
    const page = await openPage(browser, consoleErrors);
    const token = agent.headers.cookie.replace(/^octo_session=/, '');
    await page.context().addCookies([{ name: 'octo_session', value: token, url }]);
    await page.goto(`${url}/`);
    await page.getByRole('link', { name: 'Administration' }).first().click();
    await page.waitForURL(/\/administration$/);
    await page.getByRole('link', { name: 'Antivirus' }).click();
    await page.waitForURL(/\/administration\/antivirus$/);
    return { page, server };
  }

  it('says plainly that received files are not scanned when no antivirus is configured', async () => {
    const t = await startTestApp();
    const { page, server } = await openStatusPage(t);
    try {
      await page.getByRole('heading', { name: 'Antivirus', level: 1 }).waitFor();
      await page.getByText('Aucun antivirus n’est configuré : les fichiers reçus ne sont pas analysés.').waitFor();
      assert.equal(await page.title(), 'Antivirus — Octo — Courrier');
    } finally {
      await page.context().close();
      await server.close();
      await t.close();
    }
  });

  it('shows the clamd it uses, its engine and the signature state', { skip: clamdInstalled ? false : 'clamd absent' }, async () => {
    const clamd: TestClamd = await startClamd();
    const t = await startTestApp({ config: { clamavSocket: clamd.socket } });
    const { page, server } = await openStatusPage(t);
    try {
      await page.getByText(/^Antivirus actif : chaque fichier reçu/).waitFor();
      const details = await page.locator('#antivirus-details').innerText();
      assert.match(details, new RegExp(`unix:${clamd.socket}`));
      assert.match(details, /ClamAV \d+\.\d+/);
      assert.match(details, /aucune base officielle \(freshclam\)/);
      await page.getByText(/aucune base de signatures officielle/).waitFor();
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.context().close();
      await server.close();
      await t.close();
      await clamd.stop();
    }
  });
});
