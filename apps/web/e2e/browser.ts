import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestStack, type TestStack, type TestUser } from '@enrollpay/server/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { E2E_DIST, SCREENSHOTS } from './paths.js';
import { startWebServer, type WebServer } from './web-server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The whole stack (database, emulator, API, built web app) and one Chromium, for a browser test file. */
export interface BrowserStack {
  stack: TestStack;
  web: WebServer;
  browser: Browser;
  /** Uncaught exceptions of every page opened so far. */
  pageErrors: string[];
  /** A fresh browser profile (own localStorage), optionally already signed in as `user`. */
  openPage(user?: TestUser): Promise<Page>;
  /** A full-page screenshot in artifacts/screenshots/<name>.png. */
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** `connect`: the emulator also delivers connected accounts' events to the Connect webhook route (the server harness does by default). */
export async function startBrowserStack(options: { connect?: boolean } = {}): Promise<BrowserStack> {
  const web = await startWebServer(E2E_DIST);
  const stack = await startTestStack({
    env: { WEB_ORIGIN: web.url },
    ...(options.connect ? { connect: true } : {}),
  });
  web.setApiUrl(stack.url);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  await mkdir(SCREENSHOTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  return {
    stack,
    web,
    browser,
    pageErrors,
    async openPage(user) {
      const context = await browser.newContext({
        baseURL: web.url,
        viewport: { width: 1200, height: 900 },
        acceptDownloads: true,
      });
      contexts.push(context);
      if (user) {
        const row = await stack.db.user.findUniqueOrThrow({
          where: { id: user.id },
          select: { id: true, email: true, name: true, role: true },
        });
        const session = {
          accessToken: user.token,
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          user: row,
        };
        await context.addInitScript((value) => {
          localStorage.setItem('enrollpay.session', value);
        }, JSON.stringify(session));
      }
      const page = await context.newPage();
      // Generous: the whole repository suite may be running on the same two cores.
      page.setDefaultTimeout(30_000);
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },
    async shot(page, name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await web.close();
      await stack.close();
    },
  };
}

export async function fillCard(page: Page, number: string): Promise<void> {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration date (MM / YY)').fill('12 / 34');
  await page.getByLabel('CVC').fill('123');
  await page.getByLabel('ZIP/Postal code').fill('12345');
}
