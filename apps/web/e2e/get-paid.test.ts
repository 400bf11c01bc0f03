import { readFile } from 'node:fs/promises';
import type { TestUser } from '@enrollpay/server/testing';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, startBrowserStack } from './browser.js';

/**
 * Issue 14 end to end in Chromium: a specialist onboards on the emulator's Connect page, a learner buys
 * with 4242, the specialist sees the pending balance (amount − fee), the clock advances and the payout is
 * paid, and a refund reverses the transfer so the balance drops.
 */
const DAY_MS = 86_400_000;

let b: BrowserStack;
let stack: BrowserStack['stack'];

beforeAll(async () => {
  b = await startBrowserStack({ connect: true });
  stack = b.stack;
});

afterAll(async () => {
  await b?.close();
});

const openPage = (user: TestUser): Promise<Page> => b.openPage(user);

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

    // The payouts as CSV, for the specialist's books.
    const [download] = await Promise.all([
      specialist.waitForEvent('download'),
      specialist.getByRole('button', { name: 'Export payouts CSV', exact: true }).click(),
    ]);
    const rows: Record<string, string>[] = parse(await readFile(await download.path(), 'utf8'), {
      columns: true,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'PAID', currency: 'usd', amount: '44.10', amount_minor: '4410' });

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

    // 6. The admin sees the platform's fee revenue: the $4.90 fee taken, and given back by the full refund.
    const admin = await openPage(stack.users.admin);
    await admin.goto('/admin');
    await admin.getByRole('heading', { name: 'Platform fee revenue' }).waitFor();
    const usd = admin.getByTestId('platform-fees-usd');
    await usd.waitFor();
    const kpis = await usd.locator('.kpi').allTextContents();
    expect(kpis).toEqual(['Gross$49.00', 'Fees$4.90', 'Fee refunds$4.90', 'Net fee revenue$0.00']);
    await b.shot(admin, 'admin-platform-fees');

    // 7. Connected accounts: the specialist's account is active with its one payout; an override is saved.
    await admin.goto('/admin/connected-accounts');
    await admin.getByText('Default platform fee: 10 % (PLATFORM_FEE_BPS).').waitFor();
    const row = admin
      .getByTestId('connected-accounts')
      .getByRole('row')
      .filter({ hasText: stack.users.specialist.email });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(1, 4)).toEqual(['Active', '—', '1']);
    await row.getByRole('textbox').fill('500');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => {
        const account = await stack.db.connectedAccount.findUniqueOrThrow({
          where: { userId: stack.users.specialist.id },
          select: { feeBpsOverride: true },
        });
        return account.feeBpsOverride;
      })
      .toBe(500);
    await admin.reload();
    expect(await row.getByRole('textbox').inputValue()).toBe('500');
    await b.shot(admin, 'admin-connected-accounts');
  });
});
