import { pgPoolOf } from '@enrollpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { RECEIPT_MAX_IN_FLIGHT } from './store.js';

// The durable receipt under concurrent deliveries (store.ts's ReceiptWriter: deliveries that arrive
// while INSERTs run share the next one), on the real app and a real database.

const SECRET = 'whsec_receipt_writer_test';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    webhooks: false,
    env: { STRIPE_WEBHOOK_SECRET: SECRET, OVERLOAD_POOL_WAIT_MS: '100' },
  });
});
afterAll(async () => {
  await stack?.close();
});

let seq = 0;
function stripeEvent(objectId: string, extra: Record<string, unknown> = {}) {
  return {
    id: `evt_writer_${Date.now()}_${++seq}`,
    object: 'event',
    api_version: '2025-01-27',
    created: 1_764_000_000 + seq,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'customer.updated',
    data: { object: { id: objectId, object: 'customer', ...extra } },
  };
}

async function deliver(body: string) {
  return stack.app.inject({
    method: 'POST',
    url: '/api/webhooks/stripe',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': stack.deps.stripe.webhooks.generateTestHeaderString({
        payload: body,
        secret: SECRET,
      }),
    },
    payload: body,
  });
}

describe('concurrent deliveries', () => {
  it('each event is stored once, with its own payload, and exactly one delivery of it creates it', async () => {
    const events = Array.from({ length: 12 }, (_, i) => stripeEvent(`cus_writer_${i}`, { n: i }));
    // Every event twice, all at once: most wait for a shared INSERT, some beside their twin.
    const bodies = events.flatMap((e) => [JSON.stringify(e), JSON.stringify(e)]);
    const answers = await Promise.all(bodies.map((b) => deliver(b)));
    expect(answers.map((a) => a.statusCode)).toEqual(bodies.map(() => 200));

    for (const event of events) {
      const mine = answers.map((a) => a.json()).filter((a) => a.id === event.id);
      expect(mine.map((a) => a.duplicate).sort()).toEqual([false, true]);
    }
    const rows = await stack.db.webhookEvent.findMany({ where: { id: { in: events.map((e) => e.id) } } });
    expect(rows).toHaveLength(events.length);
    for (const event of events) {
      const row = rows.find((r) => r.id === event.id);
      // Each row holds its own event (a multi-row INSERT whose values slid would fail here).
      expect(row?.payload).toEqual(event);
      expect(row?.objectId).toBe(event.data.object.id);
      expect(row?.stripeCreatedAt.getTime()).toBe(event.created * 1000);
    }
  });

  it('a signed body PostgreSQL cannot store as JSON → 400 naming it, no row; the deliveries beside it are stored', async () => {
    const good = Array.from({ length: 6 }, (_, i) => stripeEvent(`cus_beside_${i}`));
    const bad = stripeEvent('cus_too_deep');
    // JSON.parse takes arrays nested 60,000 deep; PostgreSQL's json parser runs out of stack.
    const depth = 60_000;
    const badBody = JSON.stringify(bad).replace(
      '"object":"customer"',
      `"object":"customer","nested":${'['.repeat(depth)}${']'.repeat(depth)}`,
    );
    expect(JSON.parse(badBody)).toMatchObject({ id: bad.id });
    const answers = await Promise.all([
      ...good.slice(0, 3).map((e) => deliver(JSON.stringify(e))),
      deliver(badBody),
      ...good.slice(3).map((e) => deliver(JSON.stringify(e))),
    ]);
    const refused = answers[3];
    expect(refused?.statusCode).toBe(400);
    expect(refused?.json()).toMatchObject({
      reason: 'malformed',
      error: expect.stringMatching(/^Webhook body cannot be stored as JSON: .*stack depth/i),
    });
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(good.length);
    expect(await stack.db.webhookEvent.count({ where: { id: bad.id } })).toBe(0);
    expect(await stack.db.webhookEvent.count({ where: { id: { in: good.map((e) => e.id) } } })).toBe(
      good.length,
    );
  });

  it('while the INSERTs are stuck, a delivery queued longer than OVERLOAD_POOL_WAIT_MS gets the next one an early 503', async () => {
    const pool = pgPoolOf(stack.db);
    if (!pool) throw new Error('the test stack has no pg pool');
    const blocked = stripeEvent('cus_blocked');
    const queued = stripeEvent('cus_queued');
    const refused = stripeEvent('cus_refused');
    // Another transaction holds the row the first deliveries insert: their INSERTs wait on it.
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `INSERT INTO "WebhookEvent" ("id", "type", "payload", "stripeCreatedAt", "status")
         VALUES ($1, 'customer.updated', '{}', now(), 'IGNORED')`,
        [blocked.id],
      );
      const stuck = Array.from({ length: RECEIPT_MAX_IN_FLIGHT }, () => deliver(JSON.stringify(blocked)));
      const waiting = deliver(JSON.stringify(queued));
      await new Promise((resolve) => setTimeout(resolve, 250));
      const res = await deliver(JSON.stringify(refused));
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('2');
      expect(res.json()).toMatchObject({ reason: 'poolWait' });

      await holder.query('ROLLBACK');
      const answers = await Promise.all([...stuck, waiting]);
      expect(answers.map((a) => a.statusCode)).toEqual([...stuck.map(() => 200), 200]);
    } finally {
      holder.release();
    }
    expect(await stack.db.webhookEvent.count({ where: { id: { in: [blocked.id, queued.id] } } })).toBe(2);
    expect(await stack.db.webhookEvent.count({ where: { id: refused.id } })).toBe(0);
  });
});
