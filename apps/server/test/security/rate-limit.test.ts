import { createDb } from '@enrollpay/db';
import { TRPCClientError } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDeps } from '../../src/deps.js';
import type { AppRouter } from '../../src/trpc/router.js';
import { clientAt } from '../chaos/support.js';
import { startTestStack, type TestStack } from '../harness.js';

/**
 * The money-moving rate limit (RATE_LIMIT_PER_MINUTE per user and per IP) counts in Postgres, so two
 * instances on one database share it: alternating between them does not double the allowance.
 */

const LIMIT = 5;
let stack: TestStack;
let second: FastifyInstance;
let secondUrl: string;
let secondDb: ReturnType<typeof createDb>;

beforeAll(async () => {
  stack = await startTestStack({ webhooks: false, env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  secondDb = createDb({ url: stack.database.url });
  second = await buildApp({ deps: createDeps(stack.deps.env, secondDb), logger: false });
  await second.listen({ port: 0, host: '127.0.0.1' });
  const address = second.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  secondUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await second?.close();
  await secondDb?.$disconnect();
  await stack?.close();
});

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCClientError ? String(error.data?.code) : String(error);
  }
}

describe('rate limits across two instances', () => {
  it(`payments.refund: ${LIMIT} per minute per user in total, whichever instance answers`, async () => {
    const token = stack.users.admin.token;
    const instances = [clientAt(stack.url, token), clientAt(secondUrl, token)];
    const codes: string[] = [];
    for (let i = 0; i < LIMIT * 2 + 2; i++) {
      const api = instances[i % 2];
      if (!api) continue;
      codes.push(
        await code(
          api.payments.refund.mutate({
            paymentId: `cmissing${String(i).padStart(17, '0')}`,
            reason: 'OTHER',
          }),
        ),
      );
    }
    expect(codes.slice(0, LIMIT).every((c) => c !== 'TOO_MANY_REQUESTS')).toBe(true);
    expect(codes.slice(LIMIT)).toEqual(Array(LIMIT + 2).fill('TOO_MANY_REQUESTS'));
  });

  it('a spoofed X-Forwarded-For on every request does not escape the per-user limit', async () => {
    const token = stack.users.specialist.token;
    const codes: string[] = [];
    for (let i = 0; i < LIMIT + 3; i++) {
      const res = await fetch(`${i % 2 ? secondUrl : stack.url}/api/trpc/payments.refund`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'x-forwarded-for': `203.0.113.${i + 1}`,
        },
        body: JSON.stringify({ paymentId: `cspoofed${String(i).padStart(17, '0')}`, reason: 'OTHER' }),
      });
      codes.push(String(res.status));
    }
    expect(codes.slice(LIMIT)).toEqual(Array(3).fill('429'));
  });

  it('a limited answer says when to retry', async () => {
    const token = stack.users.admin.token;
    const error = await clientAt(secondUrl, token)
      .payments.refund.mutate({ paymentId: 'cmissing00000000000000099', reason: 'OTHER' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<AppRouter>).data;
    expect(data?.code).toBe('TOO_MANY_REQUESTS');
    expect(data?.retryAfterSeconds).toBeGreaterThan(0);
    expect(data?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it(`payments.createIntent: ${LIMIT} per minute per user in total across instances`, async () => {
    const token = stack.users.learner2.token;
    const instances = [clientAt(stack.url, token), clientAt(secondUrl, token)];
    const codes: string[] = [];
    for (let i = 0; i < LIMIT + 3; i++) {
      const api = instances[i % 2];
      if (!api) continue;
      codes.push(
        await code(
          api.payments.createIntent.mutate({
            offeringId: `cmissing${String(i).padStart(17, '0')}`,
            idempotencyKey: `rate-limit-key-${i}`,
          }),
        ),
      );
    }
    expect(codes.slice(LIMIT)).toEqual(Array(3).fill('TOO_MANY_REQUESTS'));
  });
});
