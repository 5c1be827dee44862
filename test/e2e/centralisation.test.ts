import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp-capture.ts';
import { apiSession, launchChromium, mailroomAccount, openPage, signInPage } from './browser.ts';
import { freePort, startWebServer, type WebServer } from './web-server.ts';

/**
 * Two channels, one registry: a request filed by a person on the prefecture's public form is
 * routed by the entity's rule on its form type to the residence-permit bureau, whose agent finds
 * it in « À traiter » while the AEE reaches the requester; a mail sent to Octo's SMTP gateway
 * lands in the mailroom's « À qualifier ». Everything through `octo serve --smtp-port`.
 */
const ENTITY = 'PREF69';
const ADMIN = 'admin@pref69.demo';
const SERVICE_AGENT = 'agent@pref69.demo'; // DMI-SEJOUR

describe('centralisation: public form and SMTP gateway into the baskets (web)', { timeout: 6 * 60_000 }, () => {
  let relay: SmtpCapture;
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let smtpPort: number;
  let formChrono = '';
  const consoleErrors: string[] = [];

  const sideMenu = () => page.locator('nav.fr-sidemenu');
  const basket = () => page.getByTestId('basket');

  async function signInAs(email: string) {
    if (page) await page.context().close();
    page = await openPage(browser, consoleErrors);
    await signInPage(page, server.url, email);
  }

  async function waitForRouting(chrono: string): Promise<{ decision: { decidedBy: string; serviceCode: string | null } }> {
    const headers = await apiSession(server.url, mailroomAccount(ENTITY));
    for (let attempt = 0; attempt < 300; attempt++) {
      const response = await fetch(`${server.url}/api/entities/${ENTITY}/mail-items/${encodeURIComponent(chrono)}/routing`, { headers });
      assert.equal(response.status, 200);
      const body = (await response.json()) as { routing: { decision: { decidedBy: string; serviceCode: string | null } } | null };
      if (body.routing) return body.routing;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`${chrono} was never routed`);
  }

  before(async () => {
    relay = await startSmtpCapture();
    smtpPort = await freePort();
    server = await startWebServer({
      ...relay.env,
      OCTO_MAIL_FROM: 'ne-pas-repondre@rhone.example',
      OCTO_MAIL_TICK_SECONDS: '1',
      OCTO_SMTP_PORT: String(smtpPort),
    });
    browser = await launchChromium();
    // The entity admin's rule: residence-permit requests from the form go to DMI-SEJOUR.
    const admin = await apiSession(server.url, ADMIN);
    const rule = await fetch(`${server.url}/api/entities/${ENTITY}/routing/rules`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Téléservice titre de séjour', formType: 'TITRE-SEJOUR', serviceCode: 'DMI-SEJOUR' }),
    });
    assert.equal(rule.status, 201, await rule.clone().text());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await relay?.close();
  });

  it('registers a request filed on the public form without an account and e-mails the AEE', async () => {
    page = await openPage(browser, consoleErrors);
    await page.goto(`${server.url}/demarches/${ENTITY}`);
    await page.getByRole('heading', { level: 1, name: /Écrire à : Préfecture du Rhône/ }).waitFor();
    await page.getByLabel('Nom', { exact: true }).fill('Diallo');
    await page.getByLabel('Prénom').fill('Aminata');
    await page.getByLabel('Adresse électronique').fill('aminata.diallo@example.org');
    await page.getByLabel('Numéro et voie').fill('8 place Bellecour');
    await page.getByLabel('Code postal').fill('69002');
    await page.getByLabel('Commune').fill('Lyon');
    await page.getByLabel('Type de demande').selectOption('TITRE-SEJOUR');
    await page.getByLabel('Objet').fill('Renouvellement de ma carte de séjour');
    await page.getByLabel('Message').fill('Madame, Monsieur,\nMa carte de séjour expire le 30 avril ; je demande son renouvellement.');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.getByRole('heading', { level: 1, name: 'Votre demande a bien été enregistrée' }).waitFor();
    formChrono = (await page.getByTestId('chrono').textContent())!.trim();
    assert.match(formChrono, /^PREF69-\d{4}-E-\d{6}$/);
    const aee = await relay.waitFor((mail) => (mail.parsed.subject ?? '').includes(formChrono), 60_000);
    assert.deepEqual(aee.envelopeTo, ['aminata.diallo@example.org']);
    assert.match(aee.text, new RegExp(`Numéro d’enregistrement : ${formChrono}`));
  });

  it('routes it by the form type to the bureau, whose agent finds it in « À traiter »', async () => {
    const routing = await waitForRouting(formChrono);
    assert.equal(routing.decision.decidedBy, 'rule');
    assert.equal(routing.decision.serviceCode, 'DMI-SEJOUR');
    await signInAs(SERVICE_AGENT);
    await page.goto(`${server.url}/e/${ENTITY}/bannettes`);
    await page.getByRole('heading', { level: 1, name: 'Bannettes' }).waitFor();
    await sideMenu().getByRole('link', { name: /^À traiter \(1\)$/ }).waitFor();
    await basket().getByRole('link', { name: formChrono }).waitFor();
    await basket().getByText('Renouvellement de ma carte de séjour').waitFor();
  });

  it('puts a mail sent to the SMTP gateway in the mailroom’s « À qualifier »', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const info = await transport.sendMail({
      from: 'Mairie de Villeurbanne <courrier@mairie-villeurbanne.example>',
      to: 'courrier@pref69.octo.localhost',
      subject: 'Organisation du marché de Noël — demande de dérogation',
      text: 'Madame la Préfète,\nNous sollicitons une dérogation pour le marché de Noël du 12 décembre.\n',
    });
    assert.match(info.response, /^250 /);
    transport.close();
    await signInAs(mailroomAccount(ENTITY));
    await page.goto(`${server.url}/e/${ENTITY}/bannettes?basket=a-qualifier`);
    await page.getByRole('heading', { level: 1, name: 'Bannettes' }).waitFor();
    await sideMenu().getByRole('link', { name: /^À qualifier/ }).click();
    // The gateway answered 250 after the commit; processing (and routing) runs behind it.
    await basket().getByText('Organisation du marché de Noël — demande de dérogation').waitFor({ timeout: 60_000 });
    assert.deepEqual(consoleErrors, []);
  });
});
