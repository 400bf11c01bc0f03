import { startTestStack, type TestStack, type TestUser } from '@enrollpay/server/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_DIST } from './paths.js';
import { startWebServer, type WebServer } from './web-server.js';

/**
 * Issue 14 end to end in Chromium: a specialist onboards on the emulator's Connect page, a learner buys
 * with 4242, the specialist sees the pending balance (amount − fee), the clock advances and the payout is
 * paid, and a refund reverses the transfer so the balance drops.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'];
const DAY_MS = 86_400_000;

let stack: TestStack;
let web: WebServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  web = await startWebServer(E2E_DIST);
  stack = await startTestStack({ env: { WEB_ORIGIN: web.url }, connect: true });
  web.setApiUrl(stack.url);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await web?.close();
  await stack?.close();
});

async function openPage(user: TestUser): Promise<Page> {
  const context = await browser.newContext({ baseURL: web.url, viewport: { width: 1200, height: 900 } });
  contexts.push(context);
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
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** Reloads until `check` passes (webhooks and the emulator clock are asynchronous). */
async function until(page: Page, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error('condition not met');
    await page.waitForTimeout(500);
    await page.reload();
  }
}

describe('specialists get paid, in a real browser', () => {
  it('onboard → sale → pending balance → payout paid → refund reverses the transfer', async () => {
    const specialist = await openPage(stack.users.specialist);
    await specialist.goto('/get-paid');
    await specialist.getByText('Set up payouts to receive your earnings').waitFor();

    // 1. Onboarding on the emulator's hosted page, back to /get-paid.
    await specialist.getByRole('button', { name: 'Start onboarding' }).click();
    await specialist.getByRole('button', { name: 'Complete onboarding' }).click();
    await specialist.waitForURL(/\/get-paid\?onboarding=return/);
    await specialist.getByText('Payouts are active').waitFor();

    // 2. A learner buys "TypeScript from Zero" ($49.00) with 4242.
    const learner = await openPage(stack.users.learner);
    const offering = stack.offerings.find((o) => o.title === 'TypeScript from Zero');
    if (!offering) throw new Error('seeded offering missing');
    await learner.goto(`/offerings/${offering.id}/checkout`);
    await learner.getByLabel('Card number').fill('4242 4242 4242 4242');
    await learner.getByLabel('Expiration date (MM / YY)').fill('12 / 34');
    await learner.getByLabel('CVC').fill('123');
    await learner.getByLabel('ZIP/Postal code').fill('12345');
    await learner.getByRole('button', { name: /^Pay/ }).click();
    await learner.getByRole('heading', { name: 'Payment successful' }).waitFor();

    // 3. Pending balance = $49.00 − 10 % = $44.10; the fee shows on the payment row.
    await specialist.goto('/get-paid');
    await until(
      specialist,
      async () => (await specialist.getByTestId('pending-usd').textContent({ timeout: 1000 })) === '$44.10',
    );
    expect(await specialist.getByTestId('payment-fee').first().textContent()).toBe('$4.90');

    // 4. The emulator clock passes the 2-day delay and the next payout day; the payout arrives paid.
    stack.emulator.controls.advanceClock(4 * DAY_MS);
    await until(
      specialist,
      async () =>
        (await specialist.getByTestId('payout-row').first().textContent({ timeout: 1000 }))?.includes(
          'Paid',
        ) === true,
    );
    expect(await specialist.getByTestId('payout-row').first().textContent()).toContain('$44.10');
    await specialist
      .getByRole('button', { name: /^Payments/ })
      .first()
      .click();
    await specialist.getByTestId('payout-payments').getByText('$4.90').waitFor();

    // 5. A full refund reverses the transfer: what was paid out is owed back, the balance drops.
    const payment = await stack.db.payment.findFirstOrThrow({
      where: { offeringId: offering.id, learnerId: stack.users.learner.id },
    });
    await stack.clientFor(stack.users.specialist).payments.refund.mutate({
      paymentId: payment.id,
      reason: 'REQUESTED_BY_CUSTOMER',
    });
    await until(
      specialist,
      async () =>
        (await specialist.getByTestId('available-usd').textContent({ timeout: 1000 }))?.startsWith(
          '-$44.10',
        ) === true,
    );
  });
});
