import { createDb } from '@enrollpay/db';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createDeps } from '../src/deps.js';
import { loadEnv } from '../src/env.js';
import type { AppRouter } from '../src/trpc/router.js';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ webhooks: false });
});
afterAll(async () => {
  await stack?.close();
});

describe('health', () => {
  it('/healthz answers while the process is alive; /readyz when the database is reachable', async () => {
    expect(await (await fetch(`${stack.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${stack.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('/readyz is 503 when the database is unreachable', async () => {
    const env = loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      STRIPE_API_URL: stack.emulator.url,
      RUN_WORKER: 'false',
    });
    const db = createDb({ url: 'postgresql://nobody:wrong@127.0.0.1:1/none' });
    const app = await buildApp({ deps: createDeps(env, db), logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.$disconnect();
    }
  });
});

describe('HTTP hygiene', () => {
  it('sends security headers and allows CORS only from the web origin', async () => {
    const allowed = await fetch(`${stack.url}/healthz`, { headers: { origin: 'http://localhost:3000' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(allowed.headers.get('strict-transport-security')).toBeTruthy();
    const foreign = await fetch(`${stack.url}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    // Caches must keep answers for different origins apart, tRPC's included.
    const trpc = await fetch(`${stack.url}/api/trpc/system.config`, {
      headers: { origin: 'http://localhost:3000' },
    });
    expect(trpc.headers.get('vary')).toMatch(/\bOrigin\b/i);
  });

  it('serves batched tRPC calls with long URLs (maxParamLength raised), up to the batch cap', async () => {
    // 10 names are 139 characters of path: over Fastify's default maxParamLength of 100.
    const paths = Array.from({ length: 10 }, () => 'system.config').join(',');
    const input = encodeURIComponent(JSON.stringify({}));
    const res = await fetch(`${stack.url}/api/trpc/${paths}?batch=1&input=${input}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as unknown[];
    expect(body).toHaveLength(10);
  });
});

describe('auth', () => {
  it('signs in a demo account and answers auth.me with its role', async () => {
    const anonymous = stack.clientFor(null);
    const session = await anonymous.auth.signIn.mutate({
      email: 'Learner@Demo.test',
      password: 'enrollpay-demo',
    });
    expect(session.user).toMatchObject({ email: 'learner@demo.test', role: 'LEARNER' });
    const me = await stack.clientFor({ ...stack.users.learner, token: session.accessToken }).auth.me.query();
    expect(me.email).toBe('learner@demo.test');
  });

  it('refuses a wrong password and tampered, unsigned or expired tokens as UNAUTHORIZED', async () => {
    const anonymous = stack.clientFor(null);
    await expect(
      anonymous.auth.signIn.mutate({ email: 'learner@demo.test', password: 'wrong' }),
    ).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    const good = stack.users.learner.token;
    const [header, payload] = good.split('.') as [string, string, string];
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const elevated = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url')}.${good.split('.')[2]}`;
    const expired = await createDeps({ ...stack.deps.env }, stack.db, {
      clock: { now: () => new Date(Date.now() - 2 * 3600 * 1000) },
    }).tokens.issue({ userId: stack.users.learner.id, role: 'LEARNER' });
    for (const token of [unsigned, elevated, expired.token, 'garbage']) {
      await expect(stack.clientFor({ ...stack.users.learner, token }).auth.me.query()).rejects.toMatchObject({
        data: { code: 'UNAUTHORIZED' },
      });
    }
  });

  it('reports input errors with the field that is wrong', async () => {
    const error = await stack
      .clientFor(null)
      .auth.signIn.mutate({ email: 'not-an-email', password: '' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    if (!(error instanceof TRPCClientError)) throw new Error('expected a tRPC error');
    const data = (error as TRPCClientError<AppRouter>).data;
    expect(data?.code).toBe('BAD_REQUEST');
    expect((data?.fieldErrors ?? []).map((f) => f.path).sort()).toEqual(['email', 'password']);
    expect(error.message).toMatch(/email/);
  });
});
