import { readFile } from 'node:fs/promises';
import { eventually } from '@enrollpay/server/testing';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, fillCard, startBrowserStack } from './browser.js';

let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
});
afterAll(async () => {
  await b?.close();
});

const TITLE = 'Career mentoring session';

async function clickAndDownload(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

describe('disputes and CSV exports in a real browser', () => {
  let paymentId = '';
  let disputeId = '';

  it('a learner pays with 4000 0000 0000 0259; the bank disputes it', async () => {
    const { stack } = b;
    const offering = stack.offerings.find((o) => o.title === TITLE);
    if (!offering) throw new Error(`seeded offering "${TITLE}" not found`);
    const page = await b.openPage(stack.users.learner2);
    await page.goto(`/offerings/${offering.id}/checkout`);
    await page.getByRole('button', { name: 'Pay ¥8,000' }).waitFor();
    await fillCard(page, '4000 0000 0000 0259');
    await page.getByRole('button', { name: 'Pay ¥8,000' }).click();
    await page.getByRole('heading', { name: 'Payment successful' }).waitFor();

    const dispute = await eventually(() =>
      stack.db.dispute.findFirst({
        where: { payment: { learnerId: stack.users.learner2.id, offeringId: offering.id } },
        select: { id: true, paymentId: true, evidenceDueBy: true },
      }),
    );
    expect(dispute.evidenceDueBy).not.toBeNull();
    paymentId = dispute.paymentId;
    disputeId = dispute.id;
  });

  it('the specialist saves a draft, then submits evidence; Stripe has it and the dispute is under review', async () => {
    const { stack } = b;
    const page = await b.openPage(stack.users.specialist);
    await page.goto('/dashboard');
    await page.getByRole('link', { name: 'Disputes' }).click();
    await page.getByRole('heading', { name: 'Disputes' }).waitFor();
    const row = page.getByTestId('disputes').getByRole('row').filter({ hasText: 'Leo Learner' });
    await row.getByText('¥8,000').waitFor();
    await row.getByText('Fraudulent').waitFor();
    await b.shot(page, '20-disputes');
    await row.getByRole('link', { name: /Answer/ }).click();

    await page.getByRole('heading', { name: /Dispute of ¥8,000 by Leo Learner/ }).waitFor();
    // Prefilled from our records.
    await expect(page.getByLabel('Product description').inputValue()).resolves.toContain(TITLE);
    await expect(page.getByLabel("Learner's email").inputValue()).resolves.toBe('learner2@demo.test');
    await expect(page.getByLabel('Access and activity log').inputValue()).resolves.toContain(paymentId);
    await page.getByLabel('Customer communication').fill('2026-11-20 Leo: "Thanks, the session was great!"');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved').waitFor();

    const stripeId = (await stack.db.dispute.findUniqueOrThrow({ where: { id: disputeId } })).stripeDisputeId;
    let atStripe = await stack.deps.stripe.disputes.retrieve(stripeId);
    expect(atStripe.status).toBe('needs_response');
    expect(atStripe.evidence.uncategorized_text).toBe('2026-11-20 Leo: "Thanks, the session was great!"');
    expect(atStripe.evidence.product_description).toContain(TITLE);

    await page.getByRole('button', { name: 'Submit evidence' }).click();
    await b.shot(page, '21-dispute-evidence');
    await page.getByRole('button', { name: 'Yes, submit evidence' }).click();
    await page.getByText('Evidence submitted').waitFor();
    await page
      .getByTestId('submission')
      .getByText(/\(1×\)/)
      .waitFor();
    await expect(page.getByRole('button', { name: 'Submit evidence' }).count()).resolves.toBe(0);
    await b.shot(page, '22-dispute-submitted');

    atStripe = await stack.deps.stripe.disputes.retrieve(stripeId);
    expect(atStripe.status).toBe('under_review');
    expect(atStripe.evidence_details.submission_count).toBe(1);
    expect(atStripe.evidence.uncategorized_text).toBe('2026-11-20 Leo: "Thanks, the session was great!"');
  });

  it('the specialist exports the disputed payments as CSV from the dashboard; the row shows that payment', async () => {
    const page = await b.openPage(b.stack.users.specialist);
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: 'Recent payments' }).waitFor();
    await page.getByLabel('Status').selectOption('DISPUTED');
    await page.getByTestId('recent-payments').getByText('Leo Learner').waitFor();
    const csv = await clickAndDownload(page, 'Export CSV');
    await page.getByText(/Downloaded payments-\d{4}-\d{2}-\d{2}\.csv/).waitFor();
    await b.shot(page, '23-dashboard-export');

    const rows: Record<string, string>[] = parse(csv, { columns: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      payment_id: paymentId,
      status: 'DISPUTED',
      currency: 'jpy',
      amount: '8000',
      amount_minor: '8000',
      learner_name: 'Leo Learner',
      offering_title: TITLE,
      card_last4: '0259',
    });
    expect(rows[0]?.stripe_payment_intent_id).toMatch(/^pi_/);

    // With "for Excel" the file starts with a byte order mark.
    await page.getByLabel('for Excel').first().check();
    const excel = await clickAndDownload(page, 'Export CSV');
    expect(excel.charCodeAt(0)).toBe(0xfeff);
    expect(b.pageErrors).toEqual([]);
  });
});
