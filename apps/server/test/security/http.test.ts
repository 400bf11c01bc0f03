import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../harness.js';

/**
 * Security headers on every kind of response (tRPC, errors, webhooks, 404s) and CORS only for the
 * configured web origin. (test/app.test.ts checks /healthz for both.)
 */

const WEB_ORIGIN = 'https://app.enrollpay.test';
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ webhooks: false, env: { WEB_ORIGIN } });
});
afterAll(async () => {
  await stack?.close();
});

const responses = () =>
  [
    ['tRPC query', fetch(`${stack.url}/api/trpc/system.config`, { headers: { origin: WEB_ORIGIN } })],
    ['tRPC error', fetch(`${stack.url}/api/trpc/auth.me`, { headers: { origin: WEB_ORIGIN } })],
    [
      'tRPC mutation',
      fetch(`${stack.url}/api/trpc/auth.signIn`, {
        method: 'POST',
        headers: { origin: WEB_ORIGIN, 'content-type': 'application/json' },
        body: '{"email":"nobody@demo.test","password":"x"}',
      }),
    ],
    [
      'webhook rejection',
      fetch(`${stack.url}/api/webhooks/stripe`, {
        method: 'POST',
        body: '{}',
        headers: { origin: WEB_ORIGIN },
      }),
    ],
    ['unknown route', fetch(`${stack.url}/nope`, { headers: { origin: WEB_ORIGIN } })],
  ] as const;

describe('HTTP security', () => {
  it('every response carries the security headers and no server fingerprint', async () => {
    for (const [name, pending] of responses()) {
      const res = await pending;
      const h = res.headers;
      const seen = {
        name,
        nosniff: h.get('x-content-type-options'),
        frame: h.get('x-frame-options'),
        hsts: Boolean(h.get('strict-transport-security')),
        csp: h.get('content-security-policy'),
        referrer: h.get('referrer-policy'),
        poweredBy: h.get('x-powered-by'),
        corsOrigin: h.get('access-control-allow-origin'),
        credentials: h.get('access-control-allow-credentials'),
      };
      expect(seen).toEqual({
        name,
        nosniff: 'nosniff',
        frame: 'SAMEORIGIN',
        hsts: true,
        csp: expect.stringContaining("default-src 'none'"),
        referrer: 'no-referrer',
        poweredBy: null,
        corsOrigin: WEB_ORIGIN,
        credentials: null,
      });
      expect(seen.csp).toContain("frame-ancestors 'none'");
    }
  });

  it('answers a CORS preflight only for the web origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.url}/api/trpc/payments.createIntent`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const ok = await preflight(WEB_ORIGIN);
    expect(ok.status).toBeLessThan(300);
    expect(ok.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(ok.headers.get('access-control-allow-methods')).toMatch(/POST/);
    for (const origin of [
      'https://evil.example',
      'http://localhost:3000',
      `${WEB_ORIGIN}.evil.example`,
      'https://app.enrollpay.test:8443',
      'null',
    ]) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('does not echo a foreign Origin on real requests either', async () => {
    const res = await fetch(`${stack.url}/api/trpc/system.config`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('internal errors never leak a stack trace or SQL', async () => {
    // A body over the tRPC limit and a malformed JSON body: client errors with plain messages.
    const big = await fetch(`${stack.url}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    const broken = await fetch(`${stack.url}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    for (const res of [big, broken]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const text = await res.text();
      expect(text).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|SELECT |prisma/i);
    }
  });
});
