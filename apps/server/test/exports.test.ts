import { PAYMENT_EXPORT_COLUMNS, REFUND_EXPORT_COLUMNS } from '@enrollpay/schemas';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentExportPages } from '../src/exports/rows.js';
import { startTestStack, type TestStack, type TestUser } from './harness.js';
import { newOffering, pay } from './pay.js';

let stack: TestStack;
/** A learner whose name is a spreadsheet formula, and one with quotes, a comma and non-ASCII letters. */
let formulaLearner: TestUser;
let quotedLearner: TestUser;
const FORMULA_NAME = '=HYPERLINK("http://evil.test","click")';
const QUOTED_NAME = 'Zoë "Zo" Ærøskøbing, 山田';
const TRICKY_TITLE = 'Café, "Zürich" & 日本語\nline two';
let usdPaymentId: string;
let jpyPaymentId: string;
let otherSpecialistPaymentId: string;

async function learnerNamed(name: string, email: string): Promise<TestUser> {
  const user = await stack.db.user.create({ data: { email, name, role: 'LEARNER' } });
  const { token } = await stack.deps.tokens.issue({ userId: user.id, role: 'LEARNER' });
  return { id: user.id, email, role: 'LEARNER', token };
}

async function download(path: string, user: TestUser | null, headers: Record<string, string> = {}) {
  return fetch(`${stack.url}${path}`, {
    headers: { ...(user ? { authorization: `Bearer ${user.token}` } : {}), ...headers },
  });
}

type Row = Record<string, string>;
async function csvRows(path: string, user: TestUser): Promise<Row[]> {
  const response = await download(path, user);
  expect(response.status).toBe(200);
  return parse(await response.text(), { columns: true, bom: true });
}

beforeAll(async () => {
  stack = await startTestStack();
  formulaLearner = await learnerNamed(FORMULA_NAME, 'formula@test.test');
  quotedLearner = await learnerNamed(QUOTED_NAME, 'quoted@test.test');
  const usd = await newOffering(stack, stack.users.specialist, {
    amount: 1250,
    currency: 'usd',
    title: TRICKY_TITLE,
  });
  const jpy = await newOffering(stack, stack.users.specialist, {
    amount: 5000,
    currency: 'jpy',
    title: '-2+3 yen',
  });
  const other = await newOffering(stack, stack.users.specialist2, { amount: 7000, currency: 'eur' });
  usdPaymentId = await pay(stack, formulaLearner, usd.id);
  jpyPaymentId = await pay(stack, quotedLearner, jpy.id);
  otherSpecialistPaymentId = await pay(stack, quotedLearner, other.id);
  // A declined payment, for the status filter.
  await pay(stack, quotedLearner, usd.id, 'pm_card_chargeDeclined');
  await stack.clientFor(stack.users.specialist).payments.refund.mutate({
    paymentId: usdPaymentId,
    amount: 250,
    reason: 'REQUESTED_BY_CUSTOMER',
  });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

describe('GET /api/exports/payments.csv', () => {
  it('round-trips through a CSV parser: money, names, quoting, formula injection, JPY', async () => {
    const response = await download('/api/exports/payments.csv', stack.users.specialist);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="payments-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await response.text();
    // RFC 4180: CRLF between records, and no byte order mark unless asked for.
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe(PAYMENT_EXPORT_COLUMNS.join(','));

    const rows: Row[] = parse(text, { columns: true });
    const usd = rows.find((r) => r.payment_id === usdPaymentId);
    const jpy = rows.find((r) => r.payment_id === jpyPaymentId);
    expect(usd).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      currency: 'usd',
      amount: '12.50',
      amount_minor: '1250',
      amount_received: '12.50',
      amount_received_minor: '1250',
      amount_refunded: '2.50',
      amount_refunded_minor: '250',
      learner_id: formulaLearner.id,
      // Neutralised: a spreadsheet shows the text instead of running the formula.
      learner_name: `'${FORMULA_NAME}`,
      offering_title: TRICKY_TITLE,
      specialist_name: 'Sofia Specialist',
      card_brand: 'visa',
      card_last4: '4242',
    });
    expect(usd?.stripe_payment_intent_id).toMatch(/^pi_/);
    expect(usd?.stripe_charge_id).toMatch(/^ch_/);
    expect(usd?.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(usd?.succeeded_at).toMatch(/Z$/);
    expect(jpy).toMatchObject({
      status: 'SUCCEEDED',
      currency: 'jpy',
      amount: '5000',
      amount_minor: '5000',
      learner_name: QUOTED_NAME,
      offering_title: "'-2+3 yen",
    });
    // The other specialist's payment is not in this specialist's file.
    expect(rows.some((r) => r.payment_id === otherSpecialistPaymentId)).toBe(false);
    expect(rows.every((r) => r.specialist_name === 'Sofia Specialist')).toBe(true);
  });

  it('starts with a byte order mark when asked (bom=1), for Excel', async () => {
    const response = await download('/api/exports/payments.csv?bom=1', stack.users.specialist);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Row[] = parse(Buffer.from(bytes), { columns: true, bom: true });
    expect(rows.find((r) => r.payment_id === jpyPaymentId)?.learner_name).toBe(QUOTED_NAME);
  });

  it('filters by status, currency and UTC dates', async () => {
    const succeeded = await csvRows('/api/exports/payments.csv?status=SUCCEEDED', stack.users.specialist);
    expect(succeeded.length).toBeGreaterThan(0);
    expect(succeeded.every((r) => r.status === 'SUCCEEDED')).toBe(true);
    expect(succeeded.some((r) => r.payment_id === jpyPaymentId)).toBe(true);

    const failed = await csvRows(
      '/api/exports/payments.csv?status=FAILED&currency=usd',
      stack.users.specialist,
    );
    expect(failed.map((r) => r.learner_name)).toEqual([QUOTED_NAME]);

    const jpy = await csvRows('/api/exports/payments.csv?currency=jpy', stack.users.specialist);
    expect(jpy.map((r) => r.payment_id)).toEqual([jpyPaymentId]);

    const today = new Date().toISOString().slice(0, 10);
    const todays = await csvRows(
      `/api/exports/payments.csv?from=${today}&to=${today}`,
      stack.users.specialist,
    );
    expect(todays.some((r) => r.payment_id === usdPaymentId)).toBe(true);
    const old = await csvRows(
      '/api/exports/payments.csv?from=2020-01-01&to=2020-01-31',
      stack.users.specialist,
    );
    expect(old).toEqual([]);
  });

  it('gives an admin every specialist’s payments', async () => {
    const rows = await csvRows('/api/exports/payments.csv', stack.users.admin);
    const ids = rows.map((r) => r.payment_id);
    expect(ids).toEqual(expect.arrayContaining([usdPaymentId, jpyPaymentId, otherSpecialistPaymentId]));
    expect(rows.find((r) => r.payment_id === otherSpecialistPaymentId)).toMatchObject({
      amount: '70.00',
      currency: 'eur',
      specialist_name: 'Sam Specialist',
    });
  });

  it('refuses a missing or bad token (401) and learners (403)', async () => {
    const anonymous = await download('/api/exports/payments.csv', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });

    const forged = await download('/api/exports/payments.csv', null, { authorization: 'Bearer not.a.token' });
    expect(forged.status).toBe(401);

    const learner = await download('/api/exports/payments.csv', stack.users.learner);
    expect(learner.status).toBe(403);
    expect(await learner.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const learnerRefunds = await download('/api/exports/refunds.csv', stack.users.learner);
    expect(learnerRefunds.status).toBe(403);
  });

  it.each([
    ['from=2026-13-01', 'from', 'from must be a UTC date'],
    ['to=yesterday', 'to', 'to must be a UTC date'],
    ['currency=xyz', 'currency', 'currency must be one of'],
    ['status=PAID', 'status', 'status must be one of'],
    ['bom=yes', 'bom', 'bom must be one of'],
    ['from=2026-02-01&to=2026-01-01', 'from', 'from must be on or before to'],
    ['status=SUCCEEDED&status=FAILED', 'status', 'status must be one of'],
    ['limit=5', '', 'unknown field(s): limit'],
  ])('answers 400 naming the field for %s', async (query, field, message) => {
    const response = await download(`/api/exports/payments.csv?${query}`, stack.users.specialist);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; fieldErrors: { path: string; message: string }[] };
    };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.fieldErrors).toContainEqual({ path: field, message: expect.stringContaining(message) });
  });
});

describe('GET /api/exports/refunds.csv', () => {
  it('lists the specialist’s refunds with the payment, learner and Stripe ids', async () => {
    const response = await download('/api/exports/refunds.csv', stack.users.specialist);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(REFUND_EXPORT_COLUMNS.join(','));
    const rows: Row[] = parse(text, { columns: true });
    const refund = rows.find((r) => r.payment_id === usdPaymentId);
    expect(refund).toMatchObject({
      status: 'SUCCEEDED',
      reason: 'REQUESTED_BY_CUSTOMER',
      currency: 'usd',
      amount: '2.50',
      amount_minor: '250',
      learner_name: `'${FORMULA_NAME}`,
      offering_title: TRICKY_TITLE,
    });
    expect(refund?.stripe_refund_id).toMatch(/^re_/);
    expect(refund?.stripe_payment_intent_id).toMatch(/^pi_/);

    const other = await csvRows('/api/exports/refunds.csv', stack.users.specialist2);
    expect(other.some((r) => r.payment_id === usdPaymentId)).toBe(false);
    expect(await csvRows('/api/exports/refunds.csv?status=FAILED', stack.users.specialist)).toEqual([]);
  });
});

describe('keyset pages', () => {
  it('read every row once, newest first, whatever the page size', async () => {
    const scope = { kind: 'specialist', specialistId: stack.users.specialist.id } as const;
    const all: string[] = [];
    for await (const page of paymentExportPages(stack.db, scope, {}, 1000))
      all.push(...page.map((r) => r.id));
    const paged: string[] = [];
    for await (const page of paymentExportPages(stack.db, scope, {}, 1)) {
      expect(page).toHaveLength(1);
      paged.push(...page.map((r) => r.id));
    }
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(paged).toEqual(all);
    const rows = await stack.db.payment.findMany({
      where: { specialistId: stack.users.specialist.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    expect(all).toEqual(rows.map((r) => r.id));
  });
});

describe('rate limit', () => {
  it('counts exports like the other money endpoints: 429 with Retry-After once used up', async () => {
    const limited = await startTestStack({ env: { RATE_LIMIT_PER_MINUTE: '2' }, webhooks: false });
    try {
      const get = () =>
        fetch(`${limited.url}/api/exports/payments.csv`, {
          headers: { authorization: `Bearer ${limited.users.specialist.token}` },
        });
      expect((await get()).status).toBe(200);
      expect((await get()).status).toBe(200);
      const third = await get();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await third.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    } finally {
      await limited.close();
    }
  });
});
