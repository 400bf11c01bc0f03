import net from 'node:net';
import { poolStats } from '@enrollpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptBacklog } from '../../src/webhooks/store.js';
import { eventually, startTestStack, type TestStack } from '../harness.js';

/**
 * The pool-wait guard (OVERLOAD_POOL_WAIT_MS): a burst of one-statement webhook deliveries, far more
 * than the pool has connections, each waits a few ms and is served, although its queue is longer than
 * a count threshold would allow. A pool held busy beyond the budget gets early 503s with Retry-After,
 * before any work (no row stored), never a 500.
 */

const POOL_MAX = 2;
const WAIT_BUDGET_MS = 4000;
const BURST = 64;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    webhooks: false,
    pool: { max: POOL_MAX, timeoutMs: 10_000 },
    // The documented default cap on the queue; the harness turns both pool checks off otherwise.
    env: { OVERLOAD_POOL_WAIT_MS: String(WAIT_BUDGET_MS), OVERLOAD_POOL_QUEUE: '200' },
  });
});
afterAll(async () => {
  await stack?.close();
});

let seq = 0;
/** An event type we do not handle (stored as IGNORED: one INSERT), signed as Stripe would. */
function signedEvent() {
  const id = `evt_wait_${process.pid}_${++seq}`;
  const payload = JSON.stringify({
    id,
    object: 'event',
    api_version: '2025-01-27',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'customer.updated',
    data: { object: { id: `cus_${seq}`, object: 'customer' } },
  });
  const secret = stack.deps.env.STRIPE_WEBHOOK_SECRET[0] ?? '';
  return { id, payload, signature: stack.deps.stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

/** POSTs one event over HTTP. */
async function deliver() {
  const { id, payload, signature } = signedEvent();
  const res = await fetch(`${stack.url}/api/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
  const text = await res.text();
  return { id, status: res.status, retryAfter: res.headers.get('retry-after'), text };
}

/**
 * `count` deliveries at the same instant, as a load generator's connections or Stripe retrying a backlog
 * send them: every connection opened first, then every request written in one go, so the server reads
 * them all at once. Returns each answer's HTTP status.
 */
async function burst(count: number) {
  const { port } = new URL(stack.url);
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const socket = net.connect(Number(port), '127.0.0.1', () => resolve(socket));
          socket.once('error', reject);
        }),
    ),
  );
  const answers = sockets.map(
    (socket) =>
      new Promise<number>((resolve, reject) => {
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
          text += chunk;
        });
        socket.once('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
        socket.once('error', reject);
      }),
  );
  const events = sockets.map(() => signedEvent());
  sockets.forEach((socket, i) => {
    const { payload, signature } = events[i] ?? signedEvent();
    socket.write(
      `POST /api/webhooks/stripe HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n` +
        `Content-Type: application/json\r\nStripe-Signature: ${signature}\r\n` +
        `Content-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
    );
  });
  const statuses = await Promise.all(answers);
  return { ids: events.map((e) => e.id), statuses };
}

async function refused(reason: string): Promise<number> {
  const text = await stack.deps.metrics.registry.getSingleMetricAsString('enrollpay_http_refused_total');
  return Number(
    text.match(new RegExp(`^enrollpay_http_refused_total\\{reason="${reason}"\\} (\\d+)`, 'm'))?.[1] ?? 0,
  );
}

describe('overload: how long queries wait for a connection', () => {
  it(`serves a burst of ${BURST} one-statement deliveries queued at once for a pool of 2 (waits within the budget)`, async () => {
    // Both connections held (a short batch) while the burst arrives, and let go once every delivery
    // queues for one: a queue of the burst's whole size, each waiting well under the budget.
    let holding = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holders = Array.from({ length: POOL_MAX }, () =>
      stack.deps.db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT 1`;
          holding++;
          await released;
        },
        { timeout: 20_000 },
      ),
    );
    await eventually(async () => holding === POOL_MAX);
    const answers = burst(BURST);
    // (A count threshold of 20 waiting queries, the guard's old rule, would refuse most of this burst.)
    // Deliveries queue for the receipt's INSERT (store.ts: RECEIPT_MAX_IN_FLIGHT INSERTs wait for a
    // connection, the other deliveries wait to join the next one), so the queue is the two together.
    const queued = await eventually(async () => {
      const waiting = (poolStats(stack.deps.db)?.waiting ?? 0) + receiptBacklog(stack.deps.db).waiting;
      return waiting >= BURST && waiting;
    }).finally(release);
    await Promise.all(holders);
    const { ids, statuses } = await answers;

    expect(queued).toBeGreaterThanOrEqual(BURST);
    expect(statuses).toEqual(ids.map(() => 200));
    expect(await refused('poolWait')).toBe(0);
    expect(await refused('poolQueue')).toBe(0);
    expect(await stack.db.webhookEvent.count({ where: { id: { in: ids } } })).toBe(BURST);
  });

  it('refuses early with 503 + Retry-After once a query has waited longer than the budget; the one waiting is served after', async () => {
    // Every connection of the app's pool held for 6 s, then one delivery queues behind them.
    let holding = 0;
    const holders = Array.from({ length: POOL_MAX }, () =>
      stack.deps.db.$transaction(
        async (tx) => {
          holding++;
          await tx.$executeRaw`SELECT pg_sleep(6)`;
        },
        { timeout: 20_000, maxWait: 20_000 },
      ),
    );
    await eventually(async () => holding === POOL_MAX);
    const waiting = deliver();
    await eventually(async () => (poolStats(stack.deps.db)?.oldestWaitMs ?? 0) > WAIT_BUDGET_MS + 50);
    const before = await refused('poolWait');

    const answers = await Promise.all(Array.from({ length: 12 }, () => deliver()));
    const config = await fetch(`${stack.url}/api/trpc/system.config`);
    const health = await fetch(`${stack.url}/healthz`);

    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { data: { code: 'SERVICE_UNAVAILABLE' } } });
    }
    expect(config.status).toBe(503);
    expect(config.headers.get('retry-after')).toBe('2');
    expect(health.status).toBe(200);
    expect((await refused('poolWait')) - before).toBe(13);
    // /metrics shows how long the oldest query has waited.
    const gauge = await stack.deps.metrics.registry.getSingleMetricAsString(
      'enrollpay_db_pool_oldest_wait_seconds',
    );
    expect(Number(/^enrollpay_db_pool_oldest_wait_seconds (\S+)$/m.exec(gauge)?.[1])).toBeGreaterThan(
      WAIT_BUDGET_MS / 1000,
    );
    // Refused before any work: none of them was stored.
    expect(await stack.db.webhookEvent.count({ where: { id: { in: answers.map((a) => a.id) } } })).toBe(0);

    // The delivery that was already waiting gets its connection when the holders finish: stored, 200.
    await Promise.all(holders);
    const served = await waiting;
    expect(served.status).toBe(200);
    expect(await stack.db.webhookEvent.count({ where: { id: served.id } })).toBe(1);
    // And the next one is served again (nobody waits now).
    expect((await deliver()).status).toBe(200);
  });
});
