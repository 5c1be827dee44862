import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { corpusFile, signInAgent, startTestApp, type SignedInAgent, type TestApp } from '../helpers/test-app.ts';
import { bearer, createToken, multipart } from '../platform/api-tokens/kit.ts';
import { waitFor } from '../registry/webhooks/subscriber.ts';
import { clickNavLink, launchChromium, openPage } from './browser.ts';

/**
 * « Applications connectées » as the entity admin sees it in headless Chromium: a token created
 * through the API is listed by its prefix, never in full; a subscription and its delivery log.
 * (Creating from the page needs the web client's CSRF header, which arrives with required sign-in.)
 */
describe('connected applications page (web)', { timeout: 4 * 60_000 }, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let admin: SignedInAgent;
  let subscriber: http.Server;
  let token: string;

  before(async () => {
    t = await startTestApp({ workers: true, config: { webhookAllowPrivate: true } });
    server = await t.app.buildHttpServer();
    baseUrl = await server.listen({ port: 0, host: '127.0.0.1' });
    subscriber = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
    await new Promise<void>((resolve) => subscriber.listen(0, '127.0.0.1', resolve));
    admin = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'entity_admin' }], { displayName: 'Hélène Admin' });
    token = (await createToken(admin, 'PREF69', { name: 'Démarches simplifiées', scopes: ['deposit'] })).token;
    const url = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/octo`;
    const created = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/webhooks', payload: { url, events: ['item.registered'], description: 'Suivi des dossiers' } });
    assert.equal(created.statusCode, 201, created.body);
    const body = multipart([{ name: 'dossier.pdf', bytes: await corpusFile('pdf/maarchparaph-etat_civil.pdf') }], { channel: 'api' });
    const deposit = await server.inject({ method: 'POST', url: '/api/entities/PREF69/mail-items', payload: body.payload, headers: { ...body.headers, ...bearer(token) } });
    assert.equal(deposit.statusCode, 201, deposit.body);
    await waitFor('delivery', async () => {
      const log = await admin.inject({ method: 'GET', url: `/api/entities/PREF69/webhooks/${created.json().id}/deliveries` });
      return log.json().deliveries.some((d: { status: string }) => d.status === 'delivered');
    });
    browser = await launchChromium();
    page = await openPage(browser, []);
    await page.context().addCookies([{ name: 'octo_session', value: admin.headers.cookie.split('=')[1]!, url: baseUrl }]);
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => subscriber?.close(resolve));
    await server?.close();
    await t?.close();
  });

  it('lists the token by its prefix, the subscription, and its delivery log', async () => {
    await page.goto(`${baseUrl}/e/PREF69/courriers`);
    await clickNavLink(page, 'Applications');
    await page.getByRole('heading', { level: 1, name: 'Applications connectées' }).waitFor();
    const tokenRow = page.getByRole('row', { name: /Démarches simplifiées/ });
    await tokenRow.waitFor();
    const rowText = await tokenRow.innerText();
    assert.ok(rowText.includes(`${token.slice(0, 13)}…`), rowText);
    assert.ok(!rowText.includes(token.slice(14)), 'the secret part is not shown');
    assert.match(rowText, /deposit[\s\S]*Actif/);
    await page.getByText('Suivi des dossiers').waitFor();
    await page.getByRole('button', { name: 'Journal des envois' }).click();
    const delivery = page.getByRole('table', { name: /Envois à/ }).getByRole('row', { name: /Courrier enregistré/ });
    await delivery.waitFor();
    assert.match(await delivery.innerText(), /Remis[\s\S]*1[\s\S]*HTTP 204/);
  });
});
