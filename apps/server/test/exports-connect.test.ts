import { PAYMENT_EXPORT_COLUMNS, PAYOUT_EXPORT_COLUMNS, REFUND_EXPORT_COLUMNS } from '@enrollpay/schemas';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestStack, type TestStack, type TestUser } from './harness.js';
import { newOffering, onboard, pay } from './pay.js';

/**
 * The CSV exports once Stripe Connect exists (issues 14 and 15): the platform fee and the specialist's
 * net on payments and refunds, and GET /api/exports/payouts.csv. Read back through a real CSV parser.
 */
let stack: TestStack;
/** Sofia (onboarded): a USD payment refunded in two steps, a JPY sale, an EUR payout paid, a GBP one failed. */
let refundedTwiceId: string;
let jpyPaymentId: string;
/** Sam (not onboarded): a sale whose funds the platform holds. */
let heldPaymentId: string;
let paidPayoutId: string;
let failedPayoutId: string;

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Row = Record<string, string>;
async function download(path: string, user: TestUser) {
  return fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${user.token}` } });
}
async function csvRows(path: string, user: TestUser): Promise<Row[]> {
  const response = await download(path, user);
  expect(response.status).toBe(200);
  return parse(await response.text(), { columns: true });
}

beforeAll(async () => {
  stack = await startTestStack({ connect: true });
  const sofia = stack.users.specialist;
  await onboard(stack, sofia);
  const admin = stack.clientFor(stack.users.admin);

  const usd = await newOffering(stack, sofia, { amount: 10_000, currency: 'usd' });
  refundedTwiceId = await pay(stack, stack.users.learner, usd.id);
  // A partial refund (the platform keeps its fee), then the rest (the fee goes back with it).
  await admin.payments.refund.mutate({ paymentId: refundedTwiceId, amount: 2_000, reason: 'OTHER' });
  await admin.payments.refund.mutate({ paymentId: refundedTwiceId, reason: 'REQUESTED_BY_CUSTOMER' });

  const jpy = await newOffering(stack, sofia, { amount: 1_005, currency: 'jpy' });
  jpyPaymentId = await pay(stack, stack.users.learner2, jpy.id);

  const held = await newOffering(stack, stack.users.specialist2, { amount: 7_000, currency: 'eur' });
  heldPaymentId = await pay(stack, stack.users.learner, held.id);

  // Two payouts: funds available at once (4000 0000 0000 0077), paid out on the schedule.
  const eur = await newOffering(stack, sofia, { amount: 3_000, currency: 'eur' });
  const gbp = await newOffering(stack, sofia, { amount: 2_000, currency: 'gbp' });
  await pay(stack, stack.users.learner, eur.id, 'pm_card_bypassPending');
  await pay(stack, stack.users.learner, gbp.id, 'pm_card_bypassPending');
  const payouts = stack.emulator.controls.runPayouts();
  const gbpPayout = payouts.find((p) => p.currency === 'gbp');
  const eurPayout = payouts.find((p) => p.currency === 'eur');
  if (!gbpPayout || !eurPayout) throw new Error('expected an EUR and a GBP payout');
  stack.emulator.controls.failPayout(gbpPayout.id, 'account_closed');
  stack.emulator.controls.advanceClock(DAY_MS);
  await eventually(async () => {
    const rows = await stack.db.payout.findMany({ select: { stripePayoutId: true, status: true } });
    const eurRow = rows.find((r) => r.stripePayoutId === eurPayout.id);
    const gbpRow = rows.find((r) => r.stripePayoutId === gbpPayout.id);
    return eurRow?.status === 'PAID' && gbpRow?.status === 'FAILED';
  });
  paidPayoutId = eurPayout.id;
  failedPayoutId = gbpPayout.id;
  // Every refund and its payment settled (the fee columns read both).
  await eventually(
    async () =>
      (await stack.db.payment.findUniqueOrThrow({ where: { id: refundedTwiceId } })).status === 'REFUNDED',
  );
}, 90_000);
afterAll(async () => {
  await stack?.close();
});

describe('fee and net columns', () => {
  it('payments.csv: the platform fee and what the specialist keeps, appended after the older columns', async () => {
    const response = await download('/api/exports/payments.csv', stack.users.admin);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(PAYMENT_EXPORT_COLUMNS.join(','));
    expect(PAYMENT_EXPORT_COLUMNS.slice(-4)).toEqual(['fee', 'fee_minor', 'net', 'net_minor']);
    const rows: Row[] = parse(text, { columns: true });
    const byId = (id: string) => rows.find((r) => r.payment_id === id);

    // Fully refunded in two steps: the fee was charged, and given back, so the specialist keeps 0.
    expect(byId(refundedTwiceId)).toMatchObject({
      status: 'REFUNDED',
      amount_refunded: '100.00',
      fee: '10.00',
      fee_minor: '1000',
      net: '0.00',
      net_minor: '0',
    });
    // JPY has no minor unit: 1 005 × 10 % = 100.5 → 101 (half up); the specialist keeps 904.
    expect(byId(jpyPaymentId)).toMatchObject({
      currency: 'jpy',
      fee: '101',
      fee_minor: '101',
      net: '904',
      net_minor: '904',
    });
    // Held for a specialist who has not onboarded: the fee is taken at the later transfer, so not yet known.
    expect(byId(heldPaymentId)).toMatchObject({
      specialist_name: 'Sam Specialist',
      amount: '70.00',
      fee: '',
      fee_minor: '',
      net: '',
      net_minor: '',
    });
  });

  it('refunds.csv: the fee a refund gave back (only the one completing a full refund) and what it cost the specialist', async () => {
    const response = await download('/api/exports/refunds.csv', stack.users.specialist);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(REFUND_EXPORT_COLUMNS.join(','));
    const rows: Row[] = parse(text, { columns: true });
    const refunds = rows.filter((r) => r.payment_id === refundedTwiceId);
    expect(refunds).toHaveLength(2);
    expect(refunds.find((r) => r.amount_minor === '2000')).toMatchObject({
      status: 'SUCCEEDED',
      fee: '0.00',
      fee_minor: '0',
      net: '20.00',
      net_minor: '2000',
    });
    expect(refunds.find((r) => r.amount_minor === '8000')).toMatchObject({
      status: 'SUCCEEDED',
      fee: '10.00',
      fee_minor: '1000',
      net: '70.00',
      net_minor: '7000',
    });
    // Stripe agrees: the fee was refunded once, in full.
    const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: refundedTwiceId } });
    const fee = (await stack.deps.stripe.applicationFees.list({ charge: payment.stripeChargeId! })).data[0];
    expect(fee?.amount_refunded).toBe(1_000);
  });
});

describe('GET /api/exports/payouts.csv', () => {
  it('gives the specialist their payouts, newest arrival first, with status, failure and Stripe ids', async () => {
    const response = await download('/api/exports/payouts.csv', stack.users.specialist);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="payouts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(PAYOUT_EXPORT_COLUMNS.join(','));
    const rows: Row[] = parse(text, { columns: true });
    expect(rows.map((r) => r.stripe_payout_id).sort()).toEqual([paidPayoutId, failedPayoutId].sort());
    const paid = rows.find((r) => r.stripe_payout_id === paidPayoutId);
    expect(paid).toMatchObject({
      status: 'PAID',
      currency: 'eur',
      amount: '27.00',
      amount_minor: '2700',
      automatic: 'true',
      failure_code: '',
      specialist_name: 'Sofia Specialist',
      specialist_email: stack.users.specialist.email,
    });
    expect(paid?.stripe_account_id).toMatch(/^acct_/);
    expect(paid?.arrival_date).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    expect(paid?.created_at).toMatch(/Z$/);
    expect(rows.find((r) => r.stripe_payout_id === failedPayoutId)).toMatchObject({
      status: 'FAILED',
      currency: 'gbp',
      amount: '18.00',
      amount_minor: '1800',
      failure_code: 'account_closed',
      failure_message: expect.stringMatching(/.+/),
    });
    // The database rows agree with the emulator's payouts.
    for (const row of rows) {
      const payout = stack.emulator.store.connect.payouts.get(row.stripe_payout_id ?? '');
      expect(payout?.amount).toBe(Number(row.amount_minor));
      expect(payout?.status.toUpperCase()).toBe(row.status);
      expect((payout?.arrival_date ?? 0) * 1000).toBe(Date.parse(row.arrival_date ?? ''));
    }
  });

  it('filters by status, currency and arrival day', async () => {
    const failed = await csvRows('/api/exports/payouts.csv?status=FAILED', stack.users.specialist);
    expect(failed.map((r) => r.stripe_payout_id)).toEqual([failedPayoutId]);
    const eur = await csvRows('/api/exports/payouts.csv?currency=eur', stack.users.specialist);
    expect(eur.map((r) => r.stripe_payout_id)).toEqual([paidPayoutId]);
    const payout = stack.emulator.store.connect.payouts.get(paidPayoutId);
    const arrival = (payout?.arrival_date ?? 0) * 1000;
    const onTheDay = await csvRows(
      `/api/exports/payouts.csv?from=${day(arrival)}&to=${day(arrival)}`,
      stack.users.specialist,
    );
    expect(onTheDay.map((r) => r.stripe_payout_id)).toContain(paidPayoutId);
    const before = await csvRows(
      `/api/exports/payouts.csv?to=${day(arrival - DAY_MS)}`,
      stack.users.specialist,
    );
    expect(before).toEqual([]);
  });

  it('gives an admin everyone’s payouts and another specialist none of Sofia’s', async () => {
    const all = await csvRows('/api/exports/payouts.csv', stack.users.admin);
    expect(all.map((r) => r.stripe_payout_id)).toEqual(
      expect.arrayContaining([paidPayoutId, failedPayoutId]),
    );
    const sams = await download('/api/exports/payouts.csv', stack.users.specialist2);
    expect(sams.status).toBe(200);
    // Only the header: Sam has no payouts.
    expect((await sams.text()).trim()).toBe(PAYOUT_EXPORT_COLUMNS.join(','));
  });

  it('refuses learners (403) and names the field of a bad filter (400)', async () => {
    const learner = await download('/api/exports/payouts.csv', stack.users.learner);
    expect(learner.status).toBe(403);
    expect(await learner.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    for (const [query, field, message] of [
      ['status=SUCCEEDED', 'status', 'status must be one of PENDING, IN_TRANSIT, PAID, FAILED, CANCELED'],
      ['currency=xyz', 'currency', 'currency must be one of'],
      ['from=2026-02-30', 'from', 'from must be a UTC date'],
      ['from=2026-02-02&to=2026-02-01', 'from', 'from must be on or before to'],
      ['cursor=abc', '', 'unknown field(s): cursor'],
    ] as const) {
      const response = await download(`/api/exports/payouts.csv?${query}`, stack.users.specialist);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as {
        error: { code: string; fieldErrors: { path: string; message: string }[] };
      };
      expect(body.error.code).toBe('BAD_REQUEST');
      expect(body.error.fieldErrors).toContainEqual({
        path: field,
        message: expect.stringContaining(message),
      });
    }
  });
});
