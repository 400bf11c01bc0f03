import { readFile } from 'node:fs/promises';
import { eventually } from '@enrollpay/server/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, fillCard, startBrowserStack } from './browser.js';

// Issue 15 in a real browser: a specialist creates a code; a learner pays the discounted price with it;
// the specialist's CSV export shows the discount.
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
});
afterAll(async () => {
  await b?.close();
});

const TITLE = 'TypeScript from Zero'; // $49.00

describe('promotion codes in a real browser', () => {
  let paymentId = '';

  it('a specialist creates a 20 % code for one offering', async () => {
    const { stack } = b;
    const page = await b.openPage(stack.users.specialist);
    await page.goto('/dashboard');
    await page.getByRole('link', { name: 'Promotion codes' }).click();
    await page.getByRole('heading', { name: 'Promotion codes' }).waitFor();
    await page.getByRole('button', { name: 'New code' }).click();
    const form = page.getByRole('form', { name: 'New promotion code' });
    await form.getByLabel('Code', { exact: true }).fill('Launch20');
    await form.getByLabel('Percent off').fill('20');
    await form.getByRole('checkbox', { name: new RegExp(TITLE) }).check();
    await form.getByLabel('Maximum uses (optional)').fill('10');
    await form.getByLabel('Once per learner').check();
    await b.shot(page, '30-promotion-code-form');
    await form.getByRole('button', { name: 'Create code' }).click();
    const row = page.getByTestId('promotion-codes').getByRole('row').filter({ hasText: 'Launch20' });
    await row.getByText('20% off').waitFor();
    await row.getByText(TITLE).waitFor();
    await row.getByText('0 of 10').waitFor();
    await b.shot(page, '31-promotion-codes');

    const code = await stack.db.promotionCode.findFirstOrThrow({ where: { normalizedCode: 'LAUNCH20' } });
    expect(code).toMatchObject({
      specialistId: stack.users.specialist.id,
      percentOff: 20,
      maxRedemptions: 10,
    });
  });

  it('a learner applies it at checkout and pays $39.20 with 4242', async () => {
    const { stack } = b;
    const offering = stack.offerings.find((o) => o.title === TITLE);
    if (!offering) throw new Error(`seeded offering "${TITLE}" not found`);
    const page = await b.openPage(stack.users.learner2);
    await page.goto(`/offerings/${offering.id}/checkout`);
    await page.getByRole('button', { name: 'Pay $49.00' }).waitFor();

    // A malformed code is refused in the browser, by the API's rule (PromotionCodeStringMiniSchema),
    // without asking the server.
    const createIntentCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('payments.createIntent')) createIntentCalls.push(request.url());
    });
    await page.getByRole('textbox', { name: 'Promotion code' }).fill('L!');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page
      .getByTestId('promotion-error')
      .getByText('promotionCode must be at least 3 characters')
      .waitFor();
    expect(createIntentCalls).toEqual([]);

    // A wrong code is explained inline and changes nothing.
    await page.getByRole('textbox', { name: 'Promotion code' }).fill('NOPE99');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page
      .getByTestId('promotion-error')
      .getByText(/does not exist/)
      .waitFor();
    await page.getByRole('button', { name: 'Pay $49.00' }).waitFor();

    await page.getByRole('textbox', { name: 'Promotion code' }).fill('launch20');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('promotion-result').getByText('−20%: you pay $39.20').waitFor();
    await page.getByTestId('order-total').getByText('$39.20').waitFor();
    await b.shot(page, '32-checkout-with-code');
    await fillCard(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Pay $39.20' }).click();
    await page.getByRole('heading', { name: 'Payment successful' }).waitFor();

    const payment = await eventually(() =>
      stack.db.payment.findFirst({
        where: { learnerId: stack.users.learner2.id, offeringId: offering.id, status: 'SUCCEEDED' },
      }),
    );
    expect(payment).toMatchObject({
      amount: 3920,
      amountReceived: 3920,
      discountAmount: 980,
      promotionCode: 'Launch20',
    });
    // One PaymentIntent, charged the discounted amount.
    const intent = await stack.deps.stripe.paymentIntents.retrieve(payment.stripePaymentIntentId ?? '');
    expect(intent).toMatchObject({ amount: 3920, amount_received: 3920, status: 'succeeded' });
    const code = await stack.db.promotionCode.findFirstOrThrow({ where: { normalizedCode: 'LAUNCH20' } });
    expect(code.redeemedCount).toBe(1);
    paymentId = payment.id;
  });

  it('the specialist exports a CSV whose row shows the discount', async () => {
    const page = await b.openPage(b.stack.users.specialist);
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: 'Recent payments' }).waitFor();
    await page.getByTestId('recent-payments').getByText('Leo Learner').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV', exact: true }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const rows: Record<string, string>[] = parse(csv, { columns: true, bom: true });
    expect(rows.find((r) => r.payment_id === paymentId)).toMatchObject({
      status: 'SUCCEEDED',
      currency: 'usd',
      amount: '39.20',
      amount_minor: '3920',
      offering_title: TITLE,
      promotion_code: 'Launch20',
      discount: '9.80',
      discount_minor: '980',
    });
    await b.shot(page, '33-dashboard-discounts');
    expect(b.pageErrors).toEqual([]);
  });
});
