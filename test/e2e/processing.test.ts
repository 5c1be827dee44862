import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { exportMailItem } from '../../src/registry/export/export.service.ts';
import { createContact } from '../../src/registry/contacts/contact.service.ts';
import { sweepRemindersOf } from '../../src/registry/reminders/reminder.service.ts';
import { requireEntity } from '../../src/registry/index.ts';
import { mailroomOf, manualClock, signInAgent, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { makeRequest } from '../registry/acknowledgements/helpers.ts';
import { launchChromium, openPage } from './browser.ts';

/**
 * The Contacts and Rappels pages, the header's bell and the export panel, in headless Chromium,
 * as a signed-in mail-room agent of PREF69 sees them (the session cookie is given to the browser).
 */
describe('contacts, reminders and export in the web app', { timeout: 4 * 60_000 }, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let exported: string;
  const consoleErrors: string[] = [];
  const clock = manualClock('2025-02-07T09:00:00Z');

  before(async () => {
    t = await startTestApp({ clock });
    const reminded = await makeRequest(t.app, { entity: 'PREF69', type: 'DEMANDE', service: 'DMI-SEJOUR', subject: 'Demande de carte de séjour' });
    exported = await makeRequest(t.app, { entity: 'PREF69', subject: 'Voirie communale' });
    const pref = await requireEntity(t.app.ctx, 'PREF69');
    const viewer = { entityIds: [pref.id] };
    await createContact(t.app.ctx, viewer, { kind: 'person', firstName: 'Sophie', lastName: 'Bernard', email: 'sophie.bernard@exemple.fr', postcode: '69007', city: 'Lyon' });
    await createContact(t.app.ctx, viewer, { kind: 'person', firstName: 'Sophie', lastName: 'BERNARD', email: 'SOPHIE.BERNARD@exemple.fr' });
    await createContact(t.app.ctx, viewer, { kind: 'organisation', organisation: 'Cabinet Discret', confidentialEntityCode: 'PREF69' });
    clock.set('2025-03-24T09:00:00Z');
    await sweepRemindersOf(t.app.ctx, 'PREF69');
    await exportMailItem(t.app.ctx, 'PREF69', exported, { recipientName: 'Mairie de Villeurbanne', recipientAddress: ['Place Lazare-Goujon'] });
    void reminded;
    server = await t.app.buildHttpServer();
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address() as { port: number };
    baseUrl = `http://127.0.0.1:${address.port}`;
    const agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    browser = await launchChromium();
    page = await openPage(browser, consoleErrors);
    const token = agent.headers.cookie.replace(/^octo_session=/, '');
    await page.context().addCookies([{ name: 'octo_session', value: token, url: baseUrl }]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  it('shows the shared directory with the entity’s confidential contact, searches it, and lists duplicates', async () => {
    await page.goto(`${baseUrl}/e/PREF69/contacts`);
    const table = page.getByTestId('contacts-table');
    await table.getByText('Cabinet Discret').waitFor();
    await table.getByText('Confidentiel (PREF69)').waitFor();
    await page.getByTestId('contact-duplicates').getByText('même courriel').waitFor();
    const search = page.getByRole('main').getByRole('searchbox');
    await search.fill('bernard');
    await search.press('Enter');
    await table.getByText('2 contacts').waitFor();
  });

  it('shows the reminder in the header’s bell and on the Rappels page', async () => {
    await page.goto(`${baseUrl}/e/PREF69/courriers`);
    await page.getByText('Rappels (1)').first().waitFor();
    await page.goto(`${baseUrl}/e/PREF69/rappels`);
    const table = page.getByTestId('reminders-table');
    await table.getByText('Demande de carte de séjour', { exact: false }).waitFor();
    await table.getByText('Décision implicite').waitFor();
    await table.getByText('2025-04-07').waitFor();
  });

  it('shows an exported item’s recipient and the package to download', async () => {
    await page.goto(`${baseUrl}/e/PREF69/courriers/${exported}`);
    const panel = page.getByTestId('export-panel');
    await panel.getByText('Transmis à Mairie de Villeurbanne le 2025-03-24.').waitFor();
    await page.getByTestId('sender-contact').getByText('Ce courrier n’est lié à aucun contact de l’annuaire.').waitFor();
    const href = await panel.getByRole('link', { name: 'Télécharger le paquet (ZIP)' }).getAttribute('href');
    const response = await page.request.get(`${baseUrl}${href}`);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/zip');
    assert.deepEqual(consoleErrors.filter((e) => !/401|404/.test(e)), []);
  });
});
