import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT_TABLE } from '../../src/rate-limit/limiter.js';
import { startTestStack, type TestStack } from '../harness.js';

/**
 * Abuse limits over real HTTP: sign-in guessing (per email and per IP, failing closed), the batch cap
 * (every call of a batch counts), and payments.confirm per user.
 */

const PER_EMAIL = 3;
const PER_IP = 6;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    webhooks: false,
    env: {
      // The test client stands in for one load balancer that sets X-Forwarded-For.
      TRUST_PROXY: '1',
      SIGN_IN_LIMIT_PER_EMAIL: String(PER_EMAIL),
      SIGN_IN_LIMIT_PER_IP: String(PER_IP),
      CONFIRM_LIMIT_PER_MINUTE: '2',
    },
  });
});
afterAll(async () => {
  await stack?.close();
});

interface Answer {
  status: number;
  retryAfter: string | null;
  /** One entry per call (a batch has several). */
  calls: { code: string | undefined; message: string | undefined }[];
}

/** POSTs tRPC mutations over HTTP, batched when there are several inputs. */
async function post(path: string, inputs: unknown[], headers: Record<string, string> = {}): Promise<Answer> {
  const batch = inputs.length > 1;
  const url = batch
    ? `${stack.url}/api/trpc/${Array(inputs.length).fill(path).join(',')}?batch=1`
    : `${stack.url}/api/trpc/${path}`;
  const body = batch ? Object.fromEntries(inputs.map((input, i) => [i, input])) : inputs[0];
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as unknown;
  const items = (Array.isArray(json) ? json : [json]) as {
    error?: { message?: string; data?: { code?: string } };
  }[];
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    calls: items.map((item) => ({ code: item.error?.data?.code, message: item.error?.message })),
  };
}

const signIn = (email: string, ip: string, password = 'wrong-password-guess') =>
  post('auth.signIn', [{ email, password }], { 'x-forwarded-for': ip });

describe('sign-in guessing', () => {
  it(`gets 429 after ${PER_EMAIL} attempts on one email, from any IP, even with the right password`, async () => {
    const email = 'learner@demo.test';
    for (let i = 1; i <= PER_EMAIL; i++) {
      const answer = await signIn(email, `10.1.0.${i}`);
      expect(answer).toMatchObject({ status: 401 });
    }
    const limited = await signIn(email, '10.1.0.99');
    expect(limited.status).toBe(429);
    expect(limited.calls[0]?.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    const correct = await signIn(email, '10.1.0.100', 'enrollpay-demo');
    expect(correct.status).toBe(429);
  });

  it(`gets 429 after ${PER_IP} attempts from one IP, whichever emails it tries`, async () => {
    const ip = '10.2.0.1';
    for (let i = 1; i <= PER_IP; i++) expect((await signIn(`guess${i}@example.com`, ip)).status).toBe(401);
    expect((await signIn('guess-next@example.com', ip)).status).toBe(429);
    // Another address is not affected.
    expect((await signIn('guess-next@example.com', '10.2.0.2')).status).toBe(401);
  });

  it('clears an email’s count after a correct password', async () => {
    const email = 'specialist@demo.test';
    for (let i = 1; i < PER_EMAIL; i++) expect((await signIn(email, '10.3.0.1')).status).toBe(401);
    expect((await signIn(email, '10.3.0.2', 'enrollpay-demo')).status).toBe(200);
    for (let i = 1; i < PER_EMAIL; i++) expect((await signIn(email, '10.3.0.3')).status).toBe(401);
  });

  it('counts every call in a batch', async () => {
    const email = 'learner2@demo.test';
    const answer = await post(
      'auth.signIn',
      Array.from({ length: 5 }, () => ({ email, password: 'wrong-password-guess' })),
      { 'x-forwarded-for': '10.4.0.1' },
    );
    // The calls of a batch run concurrently: which ones are refused is not ordered, how many is.
    expect(answer.calls.map((c) => c.code).sort()).toEqual([
      ...Array(5 - PER_EMAIL).fill('TOO_MANY_REQUESTS'),
      ...Array(PER_EMAIL).fill('UNAUTHORIZED'),
    ]);
  });
});

describe('batch cap', () => {
  it('answers an oversized batch with 400 that says so, running none of its calls', async () => {
    const before = await stack.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${RATE_LIMIT_TABLE}"`,
    );
    const answer = await post(
      'auth.signIn',
      Array.from({ length: 11 }, (_, i) => ({ email: `batch${i}@example.com`, password: 'x' })),
      { 'x-forwarded-for': '10.5.0.1' },
    );
    expect(answer.status).toBe(400);
    expect(answer.calls[0]?.code).toBe('BAD_REQUEST');
    expect(answer.calls[0]?.message).toBe('A batch may carry at most 10 calls; send fewer calls per request');
    const after = await stack.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${RATE_LIMIT_TABLE}"`,
    );
    expect(after).toEqual(before);
    // Ten is fine.
    const ten = await post(
      'auth.signIn',
      Array.from({ length: 10 }, (_, i) => ({ email: `ten${i}@example.com`, password: 'x' })),
      { 'x-forwarded-for': '10.5.0.2' },
    );
    expect(ten.calls).toHaveLength(10);
    expect(ten.calls.some((c) => c.code === 'BAD_REQUEST')).toBe(false);
  });
});

describe('payments.confirm', () => {
  it('is limited per user (each call is a Stripe retrieve)', async () => {
    const learner = stack.users.learner;
    const offering = stack.offerings.find((o) => o.active && o.currency === 'usd');
    if (!offering) throw new Error('no usd offering');
    const api = stack.clientFor(learner);
    const { paymentId } = await api.payments.createIntent.mutate({
      offeringId: offering.id,
      idempotencyKey: 'abuse-confirm-0001',
    });
    const auth = { authorization: `Bearer ${learner.token}` };
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await post('payments.confirm', [{ paymentId }], {
        ...auth,
        'x-forwarded-for': `10.6.0.${i}`,
      });
      codes.push(answer.calls[0]?.code ?? String(answer.status));
    }
    expect(codes).toEqual(['200', '200', 'TOO_MANY_REQUESTS']);
  });
});

describe('sign-in fails closed', () => {
  it('refuses sign-in (503) when its counters cannot be read, instead of allowing unlimited guesses', async () => {
    await stack.db.$executeRawUnsafe(`ALTER TABLE "${RATE_LIMIT_TABLE}" RENAME TO rate_limit_gone`);
    try {
      const answer = await signIn('admin@demo.test', '10.7.0.1', 'enrollpay-demo');
      expect(answer.status).toBe(503);
      expect(answer.calls[0]?.message).toBe('Sign-in is unavailable right now; please try again shortly');
    } finally {
      await stack.db.$executeRawUnsafe(`ALTER TABLE rate_limit_gone RENAME TO "${RATE_LIMIT_TABLE}"`);
    }
  });
});
