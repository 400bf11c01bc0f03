import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT_TABLE } from '../src/rate-limit/limiter.js';
import { startTestStack, type TestStack } from './harness.js';
import { codeOf, errorOf } from './pay.js';

let stack: TestStack;
beforeAll(async () => {
  // The test client stands in for one load balancer that sets X-Forwarded-For.
  stack = await startTestStack({ env: { RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await stack?.close();
});

const attempt = (user: TestStack['users'][keyof TestStack['users']], ip: string) =>
  stack
    .clientFor(user, { headers: { 'x-forwarded-for': ip } })
    .payments.refund.mutate({ paymentId: 'no-such-payment', reason: 'OTHER' });

describe('money rate limit', () => {
  it('limits each user, whatever IP they come from, with a retry-after', async () => {
    const user = stack.users.learner;
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      expect(await codeOf(attempt(user, ip))).toBe('NOT_FOUND');
    const limited = await errorOf(attempt(user, '10.0.0.4'));
    expect(limited.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.data?.httpStatus).toBe(429);
    const retryAfter = (limited.data as { retryAfterSeconds?: number }).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.message).toMatch(/try again in \d+ s/);
    // Reads are not limited.
    expect(await codeOf(stack.clientFor(user).payments.history.query({}))).toBe('OK');
  });

  it('limits each IP, whichever users share it; the counters live in Postgres', async () => {
    const ip = '10.9.9.9';
    expect(await codeOf(attempt(stack.users.learner2, ip))).toBe('NOT_FOUND');
    expect(await codeOf(attempt(stack.users.specialist, ip))).toBe('NOT_FOUND');
    expect(await codeOf(attempt(stack.users.admin, ip))).toBe('NOT_FOUND');
    expect(await codeOf(attempt(stack.users.specialist2, ip))).toBe('TOO_MANY_REQUESTS');
    const rows = await stack.db.$queryRawUnsafe<{ key: string; points: number }[]>(
      `SELECT key, points FROM "${RATE_LIMIT_TABLE}" WHERE key = $1`,
      `money:ip:${ip}`,
    );
    expect(rows).toEqual([{ key: `money:ip:${ip}`, points: 4 }]);
  });
});

describe('promotion codes', () => {
  it('writing codes counts against the money limit; a refused create writes no code', async () => {
    const client = stack.clientFor(stack.users.specialist, { headers: { 'x-forwarded-for': '10.7.7.7' } });
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push(
        await codeOf(
          client.promotionCodes.create.mutate({ code: `LIMIT-${i}`, kind: 'PERCENT', percentOff: 5 }),
        ),
      );
    }
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
    const created = codes.filter((c) => c === 'OK').length;
    expect(created).toBeLessThanOrEqual(3);
    expect(
      await stack.db.promotionCode.count({
        where: { specialistId: stack.users.specialist.id, code: { startsWith: 'LIMIT-' } },
      }),
    ).toBe(created);
  });
});

describe('payments.createIntent', () => {
  it('takes the money limit in its first statement: the 4th checkout is refused, claims no key, and the counters are shared', async () => {
    const own = await startTestStack({ env: { RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '1' } });
    try {
      const ip = '10.6.6.6';
      const learner = own.users.learner;
      const client = own.clientFor(learner, { headers: { 'x-forwarded-for': ip } });
      const offerings = own.offerings.filter((o) => o.active);
      const checkout = (i: number) =>
        client.payments.createIntent.mutate({
          offeringId: offerings[i % offerings.length]?.id ?? '',
          idempotencyKey: `limited-checkout-${i}`,
        });
      for (let i = 0; i < 3; i++) expect(await codeOf(checkout(i))).toBe('OK');
      const limited = await errorOf(checkout(3));
      expect(limited.data?.code).toBe('TOO_MANY_REQUESTS');
      const retryAfter = (limited.data as { retryAfterSeconds?: number }).retryAfterSeconds;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Refused before anything was written: no key claimed, no payment beyond the three.
      const keys = await own.db.idempotencyRecord.findMany({
        where: { userId: learner.id, key: { startsWith: 'limited-checkout-' } },
        select: { key: true },
      });
      expect(keys.map((k) => k.key).sort()).toEqual([
        'limited-checkout-0',
        'limited-checkout-1',
        'limited-checkout-2',
      ]);
      // One counter per key for every money-moving call: a refund by the same learner is refused too, and
      // so is another learner's checkout from the same address.
      expect(
        await codeOf(client.payments.refund.mutate({ paymentId: 'no-such-payment', reason: 'OTHER' })),
      ).toBe('TOO_MANY_REQUESTS');
      const neighbour = own.clientFor(own.users.learner2, { headers: { 'x-forwarded-for': ip } });
      expect(
        await codeOf(
          neighbour.payments.createIntent.mutate({
            offeringId: offerings[0]?.id ?? '',
            idempotencyKey: 'neighbour-0001',
          }),
        ),
      ).toBe('TOO_MANY_REQUESTS');
      const rows = await own.db.$queryRawUnsafe<{ key: string; points: number }[]>(
        `SELECT key, points FROM "${RATE_LIMIT_TABLE}" WHERE key = ANY($1::text[]) ORDER BY key`,
        [`money:ip:${ip}`, `money:user:${learner.id}`],
      );
      expect(rows).toEqual([
        { key: `money:ip:${ip}`, points: 6 },
        { key: `money:user:${learner.id}`, points: 5 },
      ]);
    } finally {
      await own.close();
    }
  });
});

describe('client IP without a trusted proxy (TRUST_PROXY unset)', () => {
  it('ignores X-Forwarded-For: spoofed addresses share the socket address’s per-IP limit', async () => {
    const direct = await startTestStack({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const users = [
        direct.users.learner,
        direct.users.learner2,
        direct.users.specialist,
        direct.users.admin,
      ];
      const codes: string[] = [];
      for (const [i, user] of users.entries()) {
        const spoofed = direct.clientFor(user, { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
        codes.push(
          await codeOf(spoofed.payments.refund.mutate({ paymentId: 'no-such-payment', reason: 'OTHER' })),
        );
      }
      expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'TOO_MANY_REQUESTS']);
    } finally {
      await direct.close();
    }
  });
});
