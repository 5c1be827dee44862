import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, quiet on this closed network (no background connections). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.OCTO_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=fr-FR',
    ],
  });
}

/** A French desktop page that records the browser's console errors. */
export async function openPage(browser: Browser, consoleErrors: string[], options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (message) => {
    // Signed out, the app's session probe is answered 401, as is a refused password: by design.
    if (message.type() === 'error' && !/status of 401 \(Unauthorized\)/.test(message.text())) consoleErrors.push(`${message.text()} ${message.location().url}`.trim());
  });
  return page;
}

/** The demo password (`octo serve --demo-accounts`, which the browser tests' server runs with). */
export const DEMO_PASSWORD = 'Demo-Octo-Pilote-2026!';

/** The demo mailroom account of a pilot entity: courrier@pref69.demo for PREF69. */
export function mailroomAccount(entity: string): string {
  return `courrier@${entity.toLowerCase()}.demo`;
}

const apiSessions = new Map<string, Promise<Record<string, string>>>();

/** Signs in over the API once per server and account: the cookie and CSRF headers to send. */
export function apiSession(baseUrl: string, email: string): Promise<Record<string, string>> {
  const key = `${baseUrl} ${email}`;
  let session = apiSessions.get(key);
  if (!session) {
    session = (async () => {
      const response = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
      const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return { cookie, 'x-csrf-token': csrfToken };
    })();
    apiSessions.set(key, session);
  }
  return session;
}

/** Signs in through the sign-in form, as a person does, and waits for the entity choice. */
export async function signInPage(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: 'Se connecter à Octo' }).waitFor();
  await page.getByLabel('Adresse électronique professionnelle').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Choisissez votre entité' }).waitFor();
}

/** Registers a file through the REST API as the entity's mailroom; returns its chrono. */
export async function registerFile(baseUrl: string, entity: string, file: string, filename: string): Promise<string> {
  const form = new FormData();
  form.append('channel', 'upload');
  form.append('file', new Blob([readFileSync(file)], { type: 'application/pdf' }), filename);
  const headers = await apiSession(baseUrl, mailroomAccount(entity));
  const response = await fetch(`${baseUrl}/api/entities/${entity}/mail-items`, { method: 'POST', body: form, headers });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { results: Array<{ item?: { chrono: string } }> };
  const chrono = body.results[0]?.item?.chrono;
  if (!chrono) throw new Error('the upload did not register an item');
  return chrono;
}

/** Clicks an entry of the header navigation, opening the « Paramètres » menu when it is there. */
export async function clickNavLink(page: Page, name: string): Promise<void> {
  // The main navigation only: the header's quick access has an « Administration » link too.
  const nav = page.locator('#octo-header .fr-nav');
  const link = nav.getByRole('link', { name, exact: true });
  if (!(await link.first().isVisible())) {
    await nav.getByRole('button', { name: 'Paramètres', exact: true }).first().click();
  }
  await link.first().click();
}
