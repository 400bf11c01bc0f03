import { TRPCClientError } from '@trpc/client';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../harness.js';

/**
 * Forged and misused tokens are UNAUTHORIZED on every kind of procedure. (test/app.test.ts covers a
 * tampered payload, alg "none" with the original claims, an expired token and garbage.)
 */

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ webhooks: false });
});
afterAll(async () => {
  await stack?.close();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface Claims {
  sub?: string;
  role?: string;
  iss?: string;
  aud?: string;
  iat?: number;
  nbf?: number;
  exp?: number;
}

async function forge(claims: Claims, options: { secret?: string; alg?: string } = {}) {
  const env = stack.deps.env;
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: stack.users.admin.id,
    role: 'ADMIN',
    iss: env.JWT_ISSUER,
    aud: env.JWT_AUDIENCE,
    iat: now,
    exp: now + 600,
    ...claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(options.secret ?? env.JWT_SECRET));
}

async function codeFor(token: string): Promise<string[]> {
  const client = stack.clientFor({ ...stack.users.admin, token });
  const calls = [
    () => client.auth.me.query(),
    () => client.admin.metricsSummary.query(),
    () => client.payments.history.query({ limit: 5 }),
  ];
  const codes: string[] = [];
  for (const call of calls) {
    try {
      await call();
      codes.push('OK');
    } catch (error) {
      codes.push(error instanceof TRPCClientError ? String(error.data?.code) : String(error));
    }
  }
  return codes;
}

describe('tokens', () => {
  it('a correctly signed admin token works (the control)', async () => {
    expect((await codeFor(await forge({})))[0]).toBe('OK');
  });

  it.each([
    [
      'signed with another secret',
      () => forge({}, { secret: 'a-completely-different-secret-of-enough-length' }),
    ],
    ['wrong issuer', () => forge({ iss: 'https://evil.example' })],
    ['wrong audience', () => forge({ aud: 'someone-else' })],
    ['no audience or issuer', () => forge({ iss: '', aud: '' })],
    ['expired a minute ago', () => forge({ exp: Math.floor(Date.now() / 1000) - 60 })],
    ['not valid yet (nbf in an hour)', () => forge({ nbf: Math.floor(Date.now() / 1000) + 3600 })],
    ['HS512 with our secret (algorithm not pinned)', () => forge({}, { alg: 'HS512' })],
    ['unknown role', () => forge({ role: 'SUPERUSER' })],
    ['no subject', () => forge({ sub: '' })],
    [
      'alg none claiming ADMIN',
      async () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: stack.users.learner.id, role: 'ADMIN' })}.`,
    ],
    [
      'alg none with a signature copied from a real token',
      async () => {
        const real = stack.users.learner.token.split('.');
        return `${b64({ alg: 'none' })}.${real[1]}.${real[2]}`;
      },
    ],
    ['empty string', async () => ''],
    ['three dots', async () => '...'],
  ])('%s → UNAUTHORIZED everywhere', async (_name, make) => {
    expect(await codeFor(await make())).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED']);
  });

  it('a valid token for a user that no longer exists is UNAUTHORIZED on auth.me', async () => {
    const token = await forge({ sub: 'c00000000000000000000000', role: 'LEARNER' });
    const client = stack.clientFor({ ...stack.users.learner, token });
    await expect(client.auth.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('only the Authorization: Bearer header carries a token (not a query parameter, not another scheme)', async () => {
    const token = stack.users.admin.token;
    const inQuery = await fetch(`${stack.url}/api/trpc/auth.me?access_token=${token}&token=${token}`);
    expect(inQuery.status).toBe(401);
    const basic = await fetch(`${stack.url}/api/trpc/auth.me`, {
      headers: { authorization: `Basic ${token}` },
    });
    expect(basic.status).toBe(401);
    const bearer = await fetch(`${stack.url}/api/trpc/auth.me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearer.status).toBe(200);
  });
});
