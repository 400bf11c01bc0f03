import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../test-support.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];

let t: TestEmulator;
let browser: Browser;
let platform: http.Server;
let platformUrl: string;

beforeAll(async () => {
  t = await startTestEmulator();
  // The platform's return and refresh pages.
  platform = http.createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><title>Platform</title><h1>${req.url?.startsWith('/return') ? 'Back on the platform' : 'Link expired'}</h1>`,
    );
  });
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  platformUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => platform.close(() => resolve()));
  await t.close();
});

async function onboardingUrl(accountId: string): Promise<string> {
  const link = await t.stripe.accountLinks.create({
    account: accountId,
    type: 'account_onboarding',
    refresh_url: `${platformUrl}/refresh`,
    return_url: `${platformUrl}/return`,
  });
  return link.url;
}

describe('the onboarding page in Chromium', () => {
  it('a specialist completes onboarding with the accessible button and lands on return_url', async () => {
    const account = await t.stripe.accounts.create({ type: 'express', email: 'ada@example.com' });
    const url = await onboardingUrl(account.id);
    const page = await browser.newPage();
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Set up payouts' }).isVisible()).resolves.toBe(true);
    await page.getByLabel('Bank account number (test)').fill('000111111113');
    await page.getByRole('button', { name: 'Complete onboarding' }).click();
    await page.waitForURL(`${platformUrl}/return`);
    await expect(page.getByRole('heading', { name: 'Back on the platform' }).isVisible()).resolves.toBe(true);

    const after = await t.stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({ charges_enabled: true, payouts_enabled: true, details_submitted: true });
    expect(after.external_accounts?.data[0]).toMatchObject({ last4: '1113' });

    // The link was used: following it again goes to refresh_url.
    await page.goto(url);
    expect(page.url()).toBe(`${platformUrl}/refresh`);
    await page.close();
  });

  it('"Leave incomplete" returns to the platform with nothing enabled', async () => {
    const account = await t.stripe.accounts.create({ type: 'express' });
    const page = await browser.newPage();
    await page.goto(await onboardingUrl(account.id));
    await page.getByRole('button', { name: 'Leave incomplete' }).click();
    await page.waitForURL(`${platformUrl}/return`);
    const after = await t.stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({ charges_enabled: false, details_submitted: false });
    await page.close();
  });
});
