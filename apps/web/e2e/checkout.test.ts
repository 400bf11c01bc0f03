import type { TestStack, TestUser } from '@enrollpay/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, fillCard, startBrowserStack } from './browser.js';

const DEMO_PASSWORD = 'enrollpay-demo';

// The stack and the browser are e2e/browser.ts's, like every browser test's.
let b: BrowserStack;
let stack: TestStack;

beforeAll(async () => {
  b = await startBrowserStack();
  stack = b.stack;
});

afterAll(async () => {
  await b?.close();
});

const openPage = (user?: TestUser): Promise<Page> => b.openPage(user);
const shot = (page: Page, name: string): Promise<void> => b.shot(page, name);

async function signInThroughForm(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

function offeringId(title: string): string {
  const offering = stack.offerings.find((o) => o.title === title);
  if (!offering) throw new Error(`seeded offering "${title}" not found`);
  return offering.id;
}

async function paymentsOf(learnerId: string, title: string) {
  return stack.db.payment.findMany({
    where: { learnerId, offeringId: offeringId(title) },
    select: { id: true, status: true, webhookVerified: true, amountRefunded: true },
  });
}

async function enrollmentsOf(learnerId: string, title: string) {
  return stack.db.enrollment.findMany({
    where: { learnerId, offeringId: offeringId(title) },
    select: { id: true, status: true },
  });
}

/**
 * The Stripe API calls our server makes (the SDK's own `request` event, so retries count too) while
 * `action` runs: issue 13's budget for one checkout driven by the web app.
 */
async function stripeCallsDuring(action: () => Promise<void>): Promise<string[]> {
  const calls: string[] = [];
  const onRequest = (event: { method: string; path: string }) => calls.push(`${event.method} ${event.path}`);
  stack.deps.stripe.on('request', onRequest);
  try {
    await action();
  } finally {
    stack.deps.stripe.off('request', onRequest);
  }
  return calls;
}

/**
 * The tRPC procedures `page` calls over HTTP (each call of a batch counts), and the requests of the
 * status subscription (payments.onStatus, Server-Sent Events) with their URL and Authorization header.
 */
function trpcCallsOf(page: Page) {
  const calls: string[] = [];
  const streams: { url: string; authorization: string | undefined }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/trpc/')) return;
    const procedures = decodeURIComponent(url.pathname.slice('/api/trpc/'.length)).split(',');
    calls.push(...procedures);
    if (procedures.includes('payments.onStatus')) {
      streams.push({ url: request.url(), authorization: request.headers().authorization });
    }
  });
  return { calls, streams, count: (procedure: string) => calls.filter((c) => c === procedure).length };
}

/** Longer than the fallback's polling interval (1 s): a poll that was still going would show. */
const QUIET_MS = 2500;

const payButton = (page: Page) => page.getByRole('button', { name: /^(Pay|Try again)/ });

describe('web app in a real browser', () => {
  let firstPaymentId = '';

  it('1. a learner buys with 4242 4242 4242 4242 and sees the success screen, verified after the webhook', async () => {
    const page = await openPage();
    await signInThroughForm(page, 'learner@demo.test');
    await page.getByRole('heading', { name: 'Catalog' }).waitFor();
    await shot(page, '02-catalog');
    const before = await stack.db.user.findUniqueOrThrow({ where: { id: stack.users.learner.id } });
    expect(before.stripeCustomerId).toBeNull(); // a first purchase: the customer is made in this checkout

    const trpcCalls = trpcCallsOf(page);
    const stripeCalls = await stripeCallsDuring(async () => {
      await page.getByRole('link', { name: 'TypeScript from Zero' }).click();
      await page.getByRole('heading', { name: 'TypeScript from Zero' }).waitFor();
      await shot(page, '03-offering');
      await page.getByRole('link', { name: 'Enroll for $49.00' }).click();

      await page.getByRole('heading', { name: 'Order summary' }).waitFor();
      expect(await page.getByTestId('order-total').textContent()).toBe('$49.00');
      await fillCard(page, '4242 4242 4242 4242');
      await shot(page, '04-checkout');
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, '04-checkout-mobile');
      await page.setViewportSize({ width: 1200, height: 900 });
      // A double click must not charge twice or show an error.
      await payButton(page).dblclick();

      await page.getByRole('heading', { name: 'Payment successful' }).waitFor();
      await page.getByTestId('verification').getByText('Verified by Stripe').waitFor();
    });
    console.info(`Stripe calls, first purchase: ${stripeCalls.length} (${stripeCalls.join(', ')})`);
    // customer, PaymentIntent, and one payments.confirm after Stripe.js answered (issue 13: ≤ 3).
    expect(stripeCalls.length, stripeCalls.join(', ')).toBeLessThanOrEqual(3);
    // The result page learned the outcome from the status stream: no payments.get at all (issue 13: no
    // polling once the outcome is known), not even after a while.
    await page.waitForTimeout(QUIET_MS);
    console.info(`tRPC calls, first purchase: ${trpcCalls.calls.join(', ')}`);
    expect(trpcCalls.count('payments.get'), trpcCalls.calls.join(', ')).toBe(0);
    expect(trpcCalls.count('payments.onStatus')).toBeGreaterThanOrEqual(1);
    // The token went in the Authorization header, never in the URL (which access logs keep).
    const session = await page.evaluate(() => localStorage.getItem('enrollpay.session'));
    const token = session ? (JSON.parse(session) as { accessToken: string }).accessToken : '';
    expect(token).not.toBe('');
    for (const stream of trpcCalls.streams) {
      expect(stream.authorization).toBe(`Bearer ${token}`);
      expect(stream.url).not.toContain(token);
    }
    expect(await page.getByTestId('enrollment-status').textContent()).toBe('Active');
    await expect(page.getByRole('link', { name: /View receipt/ }).getAttribute('href')).resolves.toMatch(
      /^http/,
    );
    await shot(page, '05-success');

    const payments = await paymentsOf(stack.users.learner.id, 'TypeScript from Zero');
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: 'SUCCEEDED', webhookVerified: true });
    firstPaymentId = payments[0]!.id;
    expect(page.url()).toBe(`${b.web.url}/payments/${firstPaymentId}/result`);
    expect(await enrollmentsOf(stack.users.learner.id, 'TypeScript from Zero')).toEqual([
      expect.objectContaining({ status: 'ACTIVE' }),
    ]);
  });

  it('1b. the same learner, now returning, buys a second course with at most 2 Stripe calls', async () => {
    const page = await openPage(stack.users.learner);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Catalog' }).waitFor();
    const trpcCalls = trpcCallsOf(page);
    const stripeCalls = await stripeCallsDuring(async () => {
      await page.getByRole('link', { name: 'Data Analysis with SQL' }).click();
      await page.getByRole('link', { name: /^Enroll for/ }).click();
      await page.getByRole('heading', { name: 'Order summary' }).waitFor();
      await fillCard(page, '4242 4242 4242 4242');
      await payButton(page).click();
      await page.getByRole('heading', { name: 'Payment successful' }).waitFor();
      await page.getByTestId('verification').getByText('Verified by Stripe').waitFor();
    });
    console.info(`Stripe calls, returning learner: ${stripeCalls.length} (${stripeCalls.join(', ')})`);
    // The customer is cached on the user: the PaymentIntent and one payments.confirm (issue 13: ≤ 2).
    expect(stripeCalls.length, stripeCalls.join(', ')).toBeLessThanOrEqual(2);
    await page.waitForTimeout(QUIET_MS);
    expect(trpcCalls.count('payments.get'), trpcCalls.calls.join(', ')).toBe(0);
    expect(trpcCalls.count('payments.onStatus')).toBeGreaterThanOrEqual(1);
    expect(await enrollmentsOf(stack.users.learner.id, 'Data Analysis with SQL')).toEqual([
      expect.objectContaining({ status: 'ACTIVE' }),
    ]);
  });

  it('1c. when the server refuses the status stream, the result page polls payments.get, and stops at the outcome', async () => {
    // specialist2's, so the first specialist's dashboard (test 5) shows only the sales it expects.
    const offering = await stack.clientFor(stack.users.specialist2).offerings.create.mutate({
      title: 'Fallback workshop',
      description: 'bought while live updates are refused',
      kind: 'COURSE',
      amount: 2500,
      currency: 'usd',
    });
    const page = await openPage(stack.users.learner2);
    // As an overloaded server (or a proxy that does not pass event streams) would answer.
    await page.route('**/api/trpc/payments.onStatus**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"busy"}' }),
    );
    const trpcCalls = trpcCallsOf(page);
    await page.goto(`/offerings/${offering.id}/checkout`);
    await fillCard(page, '4242 4242 4242 4242');
    await payButton(page).click();
    await page.getByRole('heading', { name: 'Payment successful' }).waitFor();
    await page.getByTestId('verification').getByText('Verified by Stripe').waitFor();
    expect(trpcCalls.count('payments.onStatus')).toBeGreaterThanOrEqual(1);
    const polls = trpcCalls.count('payments.get');
    expect(polls).toBeGreaterThanOrEqual(1);
    // The outcome is known: the polling has stopped.
    await page.waitForTimeout(QUIET_MS);
    expect(trpcCalls.count('payments.get'), trpcCalls.calls.join(', ')).toBe(polls);
  });

  it('2. a declined card shows the decline message; a refresh recovers the payment; 4242 then succeeds, one enrollment', async () => {
    const title = 'One-hour code review';
    const page = await openPage(stack.users.learner);
    await page.goto(`/offerings/${offeringId(title)}/checkout`);
    await fillCard(page, '4000 0000 0000 0002');
    await payButton(page).click();
    const error = page.getByTestId('payment-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/declined/i);
    await expect(payButton(page).isEnabled()).resolves.toBe(true);
    await shot(page, '06-declined');

    // A refresh in the middle: the same payment comes back, with what happened to it.
    await page.reload();
    await page
      .getByTestId('payment-error')
      .getByText(/did not go through/)
      .waitFor();
    expect(await paymentsOf(stack.users.learner.id, title)).toHaveLength(1);

    // The "payment did not go through" email's retry link opens this checkout again.
    const failedMail = await stack.db.outboxMessage.findFirstOrThrow({
      where: { kind: 'payment.failed', recipient: stack.users.learner.email },
      orderBy: { createdAt: 'desc' },
      select: { payload: true },
    });
    const mailPayload = failedMail.payload;
    const retryUrl =
      mailPayload && typeof mailPayload === 'object' && !Array.isArray(mailPayload)
        ? mailPayload.retryUrl
        : null;
    if (typeof retryUrl !== 'string') throw new Error('the payment.failed email has no retry link');
    expect(retryUrl.startsWith(b.web.url)).toBe(true);
    await page.goto(retryUrl);
    await page.getByLabel('Card number').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/offerings/${offeringId(title)}/checkout`);

    await fillCard(page, '4242 4242 4242 4242');
    await payButton(page).click();
    await page.getByRole('heading', { name: 'Payment successful' }).waitFor();
    await page.getByTestId('verification').getByText('Verified by Stripe').waitFor();

    const payments = await paymentsOf(stack.users.learner.id, title);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.status).toBe('SUCCEEDED');
    expect(await enrollmentsOf(stack.users.learner.id, title)).toEqual([
      expect.objectContaining({ status: 'ACTIVE' }),
    ]);
  });

  it('3. 4000 0025 0000 3155 asks for 3-D Secure: failing it shows a clear error, completing it succeeds', async () => {
    const title = 'はじめてのプログラミング (Programming basics, in Japanese)';
    const page = await openPage(stack.users.learner2);
    await page.goto(`/offerings/${offeringId(title)}/checkout`);
    // jpy is zero-decimal: 5000 minor units is ¥5,000, not ¥50.00.
    await page.getByRole('button', { name: 'Pay ¥5,000' }).waitFor();

    await fillCard(page, '4000 0025 0000 3155');
    await payButton(page).click();
    const dialog = page.getByRole('dialog', { name: /3D Secure/ });
    await dialog.waitFor();
    await shot(page, '07-3ds-challenge');
    await dialog.getByRole('button', { name: 'Fail authentication' }).click();
    const error = page.getByTestId('payment-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('We could not authenticate your payment');
    await shot(page, '08-3ds-failed');

    // Second try: the learner reloads while the bank's check is open. The checkout comes back in the
    // "authentication required" state and resumes the same payment.
    await fillCard(page, '4000 0025 0000 3155');
    await payButton(page).click();
    await dialog.waitFor();
    await page.reload();
    const required = page.getByRole('status').filter({ hasText: 'Authentication required' });
    await required.waitFor();
    await shot(page, '09-3ds-required-after-reload');
    await required.getByRole('button', { name: 'Authenticate payment' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Complete authentication' }).click();
    await page.getByRole('heading', { name: 'Payment successful' }).waitFor();
    await page.getByTestId('verification').getByText('Verified by Stripe').waitFor();

    const payments = await paymentsOf(stack.users.learner2.id, title);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: 'SUCCEEDED', webhookVerified: true });
  });

  it('4. a learner requests a refund: refunded after the webhook, enrollment ended', async () => {
    const page = await openPage(stack.users.learner);
    await page.goto('/payments');
    await page.getByRole('heading', { name: 'My payments' }).waitFor();
    await page.getByRole('link', { name: 'TypeScript from Zero' }).click();
    await page.getByRole('heading', { name: 'TypeScript from Zero' }).waitFor();
    await page.getByLabel('Reason').selectOption('REQUESTED_BY_CUSTOMER');
    await page.getByLabel(/Anything else/).fill('The course is not for me.');
    await shot(page, '10-refund-request');
    await page.getByRole('button', { name: 'Request refund' }).click();
    await page.getByRole('heading', { name: 'TypeScript from Zero' }).waitFor();
    await page.getByText('Refund requested').waitFor();

    // The page polls until the refund has gone through.
    await page.locator('[data-status="REFUNDED"]').first().waitFor();
    await page.getByTestId('enrollment-status').getByText('Refunded').waitFor();
    expect(await page.getByTestId('amount-refunded').textContent()).toBe('$49.00');
    await page.getByTestId('refund-blocked').waitFor();
    await shot(page, '11-refunded');

    const [payment] = await paymentsOf(stack.users.learner.id, 'TypeScript from Zero');
    expect(payment).toMatchObject({ status: 'REFUNDED', amountRefunded: 4900 });
    const enrollments = await enrollmentsOf(stack.users.learner.id, 'TypeScript from Zero');
    expect(enrollments.map((e) => e.status)).toEqual(['REFUNDED']);

    await page.goto('/payments');
    await page.getByLabel('Status').selectOption('REFUNDED');
    await page.getByRole('link', { name: 'TypeScript from Zero' }).waitFor();
    await expect(page.getByRole('link', { name: 'One-hour code review' }).count()).resolves.toBe(0);
    await shot(page, '12-my-payments');
  });

  it('5. the specialist sees the sales in KPIs, the chart and recent payments', async () => {
    const page = await openPage();
    await signInThroughForm(page, 'specialist@demo.test');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const usd = page.getByTestId('kpis-usd');
    await usd.waitFor();
    // $49 (refunded) + $75 in usd; ¥5,000 in jpy — never added together.
    await usd.getByText('$124.00').first().waitFor();
    await usd.getByText('$75.00').first().waitFor(); // net
    await usd.getByText('$49.00').first().waitFor(); // refunds
    await page.getByTestId('kpis-jpy').getByText('¥5,000').first().waitFor();
    await expect(
      page.getByTestId('revenue-chart-usd').locator('svg .recharts-bar-rectangle').count(),
    ).resolves.toBeGreaterThan(0);
    const recent = page.getByTestId('recent-payments');
    await recent.getByText('Lena Learner').first().waitFor();
    await recent.getByText('Leo Learner').first().waitFor();
    await recent.getByText('TypeScript from Zero').waitFor();
    await shot(page, '13-dashboard');

    await page.getByRole('button', { name: 'Month' }).click();
    await usd.getByText('$124.00').first().waitFor();
  });

  it('the specialist creates an offering (price checked with the shared schema) and it appears in the catalog', async () => {
    const page = await openPage(stack.users.specialist);
    await page.goto('/dashboard/offerings');
    await page.getByRole('button', { name: 'New offering' }).click();
    const form = page.getByRole('form', { name: 'New offering' });
    await form.getByLabel('Title').fill('Regex in a weekend');
    await form.getByLabel('Description').fill('Two days, one hundred patterns.');
    await form.getByLabel('Currency').selectOption('jpy');
    await form.getByLabel('Price').fill('1500.5');
    await form.getByRole('button', { name: 'Create offering' }).click();
    await form.getByText(/jpy has no minor units/).waitFor();
    await form.getByLabel('Price').fill('1500');
    await form.getByRole('button', { name: 'Create offering' }).click();
    await page.getByRole('link', { name: 'Regex in a weekend' }).waitFor();
    await shot(page, '16-my-offerings');

    const created = await stack.db.offering.findFirstOrThrow({
      where: { title: 'Regex in a weekend' },
      select: { priceAmount: true, currency: true, specialistId: true },
    });
    expect(created).toEqual({ priceAmount: 1500, currency: 'jpy', specialistId: stack.users.specialist.id });
    await page.goto('/catalog');
    await page.getByRole('listitem').filter({ hasText: 'Regex in a weekend' }).getByText('¥1,500').waitFor();
  });

  it('6. a second learner cannot open the first learner’s payment by changing the URL', async () => {
    expect(firstPaymentId).not.toBe('');
    const page = await openPage(stack.users.learner2);
    await page.goto(`/payments/${firstPaymentId}`);
    await page.getByRole('heading', { name: 'Payment not found' }).waitFor();
    await expect(page.getByText('TypeScript from Zero').count()).resolves.toBe(0);
    await shot(page, '14-not-found');
    await page.goto(`/payments/${firstPaymentId}/result`);
    await page.getByRole('heading', { name: 'Payment not found' }).waitFor();
  });

  it('the admin operations view lists webhook events and runs a reconcile', async () => {
    const page = await openPage(stack.users.admin);
    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Key metrics' }).waitFor();
    await page.getByText('payment_intent.succeeded').first().waitFor();
    await page.getByRole('button', { name: 'Reconcile now' }).click();
    await page
      .getByTestId('reconcile-report')
      .getByText(/Checked \d+ payment intents/)
      .waitFor();
    await shot(page, '15-admin');
  });

  it('the sign-in page lists the demo accounts and validates with the shared schema', async () => {
    const page = await openPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Demo accounts' }).waitFor();
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('email must be a valid email address').waitFor();
    await shot(page, '01-sign-in');
    // No uncaught exception in any page of the run.
    expect(b.pageErrors).toEqual([]);
  });
});
