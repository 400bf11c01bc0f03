import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printFigures, SIZES } from '../chaos/support.js';
import { startTestStack, type TestStack } from '../harness.js';

/**
 * The webhook routes — the platform's and the Connect endpoint's — under random bodies, headers and
 * signatures: never a 5xx; anything unsigned, badly signed (including with the other endpoint's secret),
 * stale or tampered with is a 400 and leaves no WebhookEvent row; a correctly signed body that is not a
 * Stripe event is a 400 too, and one that is an event is stored once (200).
 */

const PLATFORM = '/api/webhooks/stripe';
const CONNECT = '/api/webhooks/stripe-connect';
type Endpoint = typeof PLATFORM | typeof CONNECT;

let stack: TestStack;
/** Each endpoint's own secret (the harness gives the Connect endpoint a separate one). */
const secrets: Record<Endpoint, string> = { [PLATFORM]: '', [CONNECT]: '' };
beforeAll(async () => {
  stack = await startTestStack({ webhooks: false });
  secrets[PLATFORM] = stack.deps.env.STRIPE_WEBHOOK_SECRET[0] ?? '';
  secrets[CONNECT] = stack.deps.env.STRIPE_CONNECT_WEBHOOK_SECRET[0] ?? '';
  expect(secrets[CONNECT]).not.toBe(secrets[PLATFORM]);
});
afterAll(async () => {
  await stack?.close();
});

const events = () => stack.db.webhookEvent.count();

async function post(body: string | Buffer, headers: Record<string, string>, url: Endpoint = PLATFORM) {
  const res = await stack.app.inject({ method: 'POST', url, headers, payload: body });
  return res.statusCode;
}

/** Signs `payload` for `endpoint` (its own secret) unless another secret is given. */
function sign(
  payload: string,
  options: { secret?: string; timestamp?: number; endpoint?: Endpoint } = {},
): string {
  return stack.deps.stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? secrets[options.endpoint ?? PLATFORM],
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });
}

const endpoint = fc.constantFrom<Endpoint>(PLATFORM, CONNECT);
const other = (e: Endpoint): Endpoint => (e === PLATFORM ? CONNECT : PLATFORM);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
);

const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
  fc.constantFrom('', '{', '{"id":"evt_1"', 'null', '[]', '{"__proto__":{"x":1}}', '\u0000'.repeat(64)),
);

const signatureHeader = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .tuple(fc.integer({ min: 0, max: 2 ** 32 }), fc.stringMatching(/^[0-9a-f]{64}$/))
    .map(([t, v1]) => `t=${t},v1=${v1}`),
  fc.constantFrom('t=,v1=', 'v1=abc', 't=1', 't=99999999999,v1=00', 'v0=x', ','),
);

describe('fuzzing the webhook route', () => {
  it(`${SIZES.webhookFuzzRuns} cases each: unsigned, badly signed, tampered, stale and signed-garbage deliveries`, async () => {
    const started = performance.now();
    const statuses = new Map<string, number>();
    const tally = (kind: string, status: number) =>
      statuses.set(`${kind} → ${status}`, (statuses.get(`${kind} → ${status}`) ?? 0) + 1);
    const rowsAtStart = await events();

    // Random body, random or missing Stripe-Signature: 400, no row.
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.option(signatureHeader, { nil: undefined }),
        contentType,
        endpoint,
        async (b, sig, ct, url) => {
          const headers: Record<string, string> = ct ? { 'content-type': ct } : {};
          if (sig !== undefined) headers['stripe-signature'] = sig;
          const status = await post(b, headers, url);
          tally(`${url}: random body + random signature`, status);
          expect(status).toBe(400);
        },
      ),
      { numRuns: SIZES.webhookFuzzRuns },
    );
    expect(await events()).toBe(rowsAtStart);

    // A real-looking event — a payment's on the platform endpoint; a connected account's account.updated,
    // payout.* on the Connect endpoint — signed with the wrong secret (a stranger's, or the other
    // endpoint's), a stale timestamp, or tampered after signing.
    const eventJson = (id: string, url: Endpoint, connectType: string) =>
      JSON.stringify(
        url === PLATFORM
          ? {
              id,
              object: 'event',
              type: 'payment_intent.succeeded',
              created: Math.floor(Date.now() / 1000),
              data: {
                object: { id: 'pi_fuzz', object: 'payment_intent', status: 'succeeded', metadata: {} },
              },
              livemode: false,
              api_version: '2025-01-01',
            }
          : {
              id,
              object: 'event',
              account: 'acct_fuzz',
              type: connectType,
              created: Math.floor(Date.now() / 1000),
              data: {
                object: connectType.startsWith('payout')
                  ? { id: 'po_fuzz', object: 'payout', status: 'paid', amount: 1000, currency: 'usd' }
                  : { id: 'acct_fuzz', object: 'account', charges_enabled: true },
              },
              livemode: false,
              api_version: '2025-01-01',
            },
      );
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^evt_[A-Za-z0-9]{8,24}$/),
        fc.constantFrom('wrong-secret', 'other-endpoint-secret', 'stale', 'tampered', 'truncated'),
        fc.nat(),
        endpoint,
        fc.constantFrom(
          'account.updated',
          'payout.created',
          'payout.paid',
          'payout.failed',
          'payout.reconciliation_completed',
        ),
        async (id, attack, at, url, connectType) => {
          const payload = eventJson(id, url, connectType);
          let sent = payload;
          let sig: string;
          if (attack === 'wrong-secret') sig = sign(payload, { secret: 'whsec_not_ours_at_all' });
          else if (attack === 'other-endpoint-secret') sig = sign(payload, { endpoint: other(url) });
          else if (attack === 'stale')
            sig = sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 301, endpoint: url });
          else {
            sig = sign(payload, { endpoint: url });
            const i = at % payload.length;
            sent =
              attack === 'tampered'
                ? `${payload.slice(0, i)}${payload[i] === 'x' ? 'y' : 'x'}${payload.slice(i + 1)}`
                : payload.slice(0, i);
          }
          const status = await post(
            sent,
            { 'content-type': 'application/json', 'stripe-signature': sig },
            url,
          );
          tally(`${url}: ${attack}`, status);
          expect(status).toBe(400);
        },
      ),
      { numRuns: SIZES.webhookFuzzRuns },
    );
    expect(await events()).toBe(rowsAtStart);

    // Regressions the fuzzer found: a signed event whose `created` is not whole seconds a Date can hold.
    for (const created of [8640000000000.001, 1e300, 1.5, -1]) {
      const payload = JSON.stringify({
        id: 'evt_a',
        type: 'payment_intent.succeeded',
        created,
        data: { object: {} },
      });
      const status = await post(payload, {
        'content-type': 'application/json',
        'stripe-signature': sign(payload),
      });
      tally('signed event with a bad created', status);
      expect(status).toBe(400);
    }
    expect(await events()).toBe(rowsAtStart);

    // Correctly signed, but random JSON: never a 5xx; a 400 stores nothing; a 200 is a stored event.
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            id: fc.oneof(fc.stringMatching(/^evt_[A-Za-z0-9]{1,30}$/), fc.jsonValue()),
            type: fc.oneof(
              fc.constantFrom(
                'payment_intent.succeeded',
                'charge.refunded',
                'charge.dispute.created',
                'account.updated',
                'transfer.created',
                'application_fee.created',
                'payout.created',
                'payout.paid',
                'payout.failed',
                'payout.reconciliation_completed',
                'x.y',
              ),
              fc.jsonValue(),
            ),
            account: fc.option(fc.oneof(fc.stringMatching(/^acct_[A-Za-z0-9]{1,20}$/), fc.jsonValue()), {
              nil: undefined,
            }),
            created: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.jsonValue()),
            data: fc.oneof(fc.record({ object: fc.jsonValue() }), fc.jsonValue()),
          }),
        ),
        endpoint,
        async (value, url) => {
          const payload = JSON.stringify(value) ?? 'null';
          const before = await events();
          const status = await post(
            payload,
            { 'content-type': 'application/json', 'stripe-signature': sign(payload, { endpoint: url }) },
            url,
          );
          tally(`${url}: signed random JSON`, status);
          expect(status).toBeLessThan(500);
          const after = await events();
          if (status === 400) expect(after).toBe(before);
          if (after > before) stored++;
        },
      ),
      { numRuns: SIZES.webhookFuzzRuns },
    );

    printFigures('fuzzing the webhook route', {
      'requests sent': [...statuses.values()].reduce((a, b) => a + b, 0),
      ...Object.fromEntries([...statuses.entries()].sort()),
      'signed events stored': stored,
      'seconds taken': Math.round((performance.now() - started) / 100) / 10,
    });
  });
});
