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
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return page;
}

/** Registers a file through the REST API, as another application would; returns its chrono. */
export async function registerFile(baseUrl: string, entity: string, file: string, filename: string): Promise<string> {
  const form = new FormData();
  form.append('channel', 'upload');
  form.append('file', new Blob([readFileSync(file)], { type: 'application/pdf' }), filename);
  const response = await fetch(`${baseUrl}/api/entities/${entity}/mail-items`, { method: 'POST', body: form });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { results: Array<{ item?: { chrono: string } }> };
  const chrono = body.results[0]?.item?.chrono;
  if (!chrono) throw new Error('the upload did not register an item');
  return chrono;
}
