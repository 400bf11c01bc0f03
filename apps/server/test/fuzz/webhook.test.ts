import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printFigures, SIZES } from '../chaos/support.js';
import { startTestStack, type TestStack } from '../harness.js';

/**
 * The webhook route under random bodies, headers and signatures: never a 5xx; anything unsigned, badly
 * signed, stale or tampered with is a 400 and leaves no WebhookEvent row; a correctly signed body that is
 * not a Stripe event is a 400 too, and one that is an event is stored once (200).
 */

let stack: TestStack;
let secret: string;
beforeAll(async () => {
  stack = await startTestStack({ webhooks: false });
  secret = stack.deps.env.STRIPE_WEBHOOK_SECRET[0] ?? '';
});
afterAll(async () => {
  await stack?.close();
});

const events = () => stack.db.webhookEvent.count();

async function post(body: string | Buffer, headers: Record<string, string>) {
  const res = await stack.app.inject({
    method: 'POST',
    url: '/api/webhooks/stripe',
    headers,
    payload: body,
  });
  return res.statusCode;
}

function sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return stack.deps.stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? secret,
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });
}

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
        async (b, sig, ct) => {
          const headers: Record<string, string> = ct ? { 'content-type': ct } : {};
          if (sig !== undefined) headers['stripe-signature'] = sig;
          const status = await post(b, headers);
          tally('random body + random signature', status);
          expect(status).toBe(400);
        },
      ),
      { numRuns: SIZES.webhookFuzzRuns },
    );
    expect(await events()).toBe(rowsAtStart);

    // A real-looking event, signed with the wrong secret, a stale timestamp, or tampered after signing.
    const eventJson = (id: string) =>
      JSON.stringify({
        id,
        object: 'event',
        type: 'payment_intent.succeeded',
        created: Math.floor(Date.now() / 1000),
        data: { object: { id: 'pi_fuzz', object: 'payment_intent', status: 'succeeded', metadata: {} } },
        livemode: false,
        api_version: '2025-01-01',
      });
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^evt_[A-Za-z0-9]{8,24}$/),
        fc.constantFrom('wrong-secret', 'stale', 'tampered', 'truncated'),
        fc.nat(),
        async (id, attack, at) => {
          const payload = eventJson(id);
          let sent = payload;
          let sig: string;
          if (attack === 'wrong-secret') sig = sign(payload, { secret: 'whsec_not_ours_at_all' });
          else if (attack === 'stale')
            sig = sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 });
          else {
            sig = sign(payload);
            const i = at % payload.length;
            sent =
              attack === 'tampered'
                ? `${payload.slice(0, i)}${payload[i] === 'x' ? 'y' : 'x'}${payload.slice(i + 1)}`
                : payload.slice(0, i);
          }
          const status = await post(sent, { 'content-type': 'application/json', 'stripe-signature': sig });
          tally(attack, status);
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
              fc.constantFrom('payment_intent.succeeded', 'charge.refunded', 'charge.dispute.created', 'x.y'),
              fc.jsonValue(),
            ),
            created: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.jsonValue()),
            data: fc.oneof(fc.record({ object: fc.jsonValue() }), fc.jsonValue()),
          }),
        ),
        async (value) => {
          const payload = JSON.stringify(value) ?? 'null';
          const before = await events();
          const status = await post(payload, {
            'content-type': 'application/json',
            'stripe-signature': sign(payload),
          });
          tally('signed random JSON', status);
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
