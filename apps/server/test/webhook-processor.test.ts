import { getPriority } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, printFigures, sleep } from './chaos/support.js';
import { compareWithStripe } from './chaos/truth.js';
import { eventually, startTestStack, type TestStack } from './harness.js';
import { newLearner as learnerOf } from './pay.js';
import { spawnProcessorEntry } from './server-process.js';

// The separate topology (WEBHOOK_PROCESSING=separate): the API stores Stripe's deliveries and answers,
// and nothing in it applies them; the real processor entry (src/processor.ts), a process of its own,
// finds them by its poll and applies them. The emulator delivers real signed webhooks to the API.

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ env: { WEBHOOK_PROCESSING: 'separate' } });
});
afterAll(async () => {
  await stack?.close();
});

const newLearner = () => learnerOf(stack, 'proc-learner');

/** createIntent through our API, then the card step straight at Stripe (as Stripe.js would); no confirm call. */
async function payWithoutConfirm(): Promise<{ paymentId: string; piId: string }> {
  const learner = await newLearner();
  const offering = stack.offerings.find((o) => o.active && o.currency === 'usd');
  if (!offering) throw new Error('no active usd offering in the seed');
  const { paymentId } = await stack.clientFor(learner).payments.createIntent.mutate({
    offeringId: offering.id,
    idempotencyKey: `proc-${learner.id}`,
  });
  const { stripePaymentIntentId } = await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  if (!stripePaymentIntentId) throw new Error('payment has no PaymentIntent');
  await stack.deps.stripe.paymentIntents.confirm(stripePaymentIntentId, { payment_method: 'pm_card_visa' });
  return { paymentId, piId: stripePaymentIntentId };
}

/** The stored events about one PaymentIntent (or its charge), by type. */
async function eventsOf(piId: string) {
  const rows = await stack.db.webhookEvent.findMany({ select: { type: true, status: true, payload: true } });
  return rows.filter((r) => JSON.stringify(r.payload).includes(piId));
}

/** The processor's environment: the test stack's database and emulator, as the API has them. */
const processorEnv = () => ({
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  DATABASE_URL: stack.database.url,
  STRIPE_API_URL: stack.emulator.url,
  RUN_WORKER: 'false',
  MAIL_DIR: `.data/test-mail/processor-${process.pid}-${Date.now()}`,
});

const statusOf = async (paymentId: string) =>
  (await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status;

describe('WEBHOOK_PROCESSING=separate', () => {
  it('the API stores and answers but applies nothing; the processor process applies what was stored, then stops on SIGTERM', async () => {
    // 1. No processor: Stripe's payment_intent.succeeded is stored (the 200 went out) and stays RECEIVED.
    const first = await payWithoutConfirm();
    await eventually(async () =>
      (await eventsOf(first.piId)).some((e) => e.type === 'payment_intent.succeeded'),
    );
    await sleep(500); // far beyond the inline loop's 15 ms (and its 5 s poll is not running at all)
    const stored = await eventsOf(first.piId);
    expect(stored.filter((e) => e.status !== 'IGNORED').map((e) => e.status)).toEqual(
      stored.filter((e) => e.status !== 'IGNORED').map(() => 'RECEIVED'),
    );
    expect(await statusOf(first.paymentId)).toBe('PENDING');

    // 2. The processor starts and applies it: payment SUCCEEDED, its events PROCESSED.
    const port = await freePort();
    const child = spawnProcessorEntry({
      ...processorEnv(),
      WEBHOOK_PROCESSOR_PORT: String(port),
      WEBHOOK_PROCESSOR_NICE: '5',
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await eventually(async () => (await statusOf(first.paymentId)) === 'SUCCEEDED', 60_000).catch(
        (error: unknown) => {
          throw new Error(`${String(error)}\nprocessor output:\n${output}`);
        },
      );
      const applied = await eventsOf(first.piId);
      expect(applied.find((e) => e.type === 'payment_intent.succeeded')?.status).toBe('PROCESSED');
      expect(applied.filter((e) => e.status === 'RECEIVED')).toEqual([]);

      // 3. While it runs, a new delivery is found by its poll and applied.
      const second = await payWithoutConfirm();
      await eventually(async () => (await statusOf(second.paymentId)) === 'SUCCEEDED', 30_000);

      // It runs at the priority it was given, and says what it applied.
      if (child.pid && process.platform === 'linux') expect(getPriority(child.pid)).toBe(5);
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
        status: string;
        events: number;
      };
      expect(health.status).toBe('ok');
      expect(health.events).toBeGreaterThanOrEqual(2);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(
        /enrollpay_webhook_events_total\{[^}]*type="payment_intent.succeeded"[^}]*\} [1-9]/,
      );
    } finally {
      // 4. SIGTERM: it stops claiming, lets a running batch commit, and exits 0.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toMatch(/webhook processor stopped/);
  }, 120_000);
});

describe('a processor killed while applying (SIGKILL), then started again', () => {
  it('loses nothing and applies nothing twice', async () => {
    const count = 30;
    const port = await freePort();
    const start = () => {
      const child = spawnProcessorEntry({ ...processorEnv(), WEBHOOK_PROCESSOR_PORT: String(port) });
      let output = '';
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        output += d.toString();
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      return { child, exited, output: () => output };
    };
    const ready = () =>
      eventually(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok, 60_000);

    const first = start();
    await ready();
    // Checkouts whose successes Stripe delivers while the processor applies them.
    const payments = await Promise.all(Array.from({ length: count }, () => payWithoutConfirm()));
    // Killed as soon as it has applied some (its batch may be open: the rollback returns its events).
    await eventually(async () => {
      const done = await stack.db.payment.count({
        where: { id: { in: payments.map((p) => p.paymentId) }, status: 'SUCCEEDED' },
      });
      return done > 0;
    }, 60_000);
    if (first.child.pid) process.kill(-first.child.pid, 'SIGKILL');
    await first.exited;
    const atKill = await stack.db.payment.count({
      where: { id: { in: payments.map((p) => p.paymentId) }, status: 'SUCCEEDED' },
    });

    const second = start();
    try {
      await eventually(async () => {
        const done = await stack.db.payment.count({
          where: { id: { in: payments.map((p) => p.paymentId) }, status: 'SUCCEEDED' },
        });
        return done === count;
      }, 60_000).catch((error: unknown) => {
        throw new Error(`${String(error)}\nprocessor output:\n${second.output()}`);
      });
      await eventually(
        async () => (await stack.db.webhookEvent.count({ where: { status: 'RECEIVED' } })) === 0,
        30_000,
      );
      expect(await stack.db.webhookEvent.count({ where: { status: { in: ['FAILED', 'ORPHANED'] } } })).toBe(
        0,
      );
      // Stripe's truth against the database: every payment and enrollment, and each email exactly once.
      const truth = await compareWithStripe(stack.db, stack.emulator);
      expect(truth.checked).toBeGreaterThanOrEqual(count);
      expect(truth.mismatches).toEqual([]);
      expect({ duplicates: truth.duplicateEmails, missing: truth.missingEmails }).toEqual({
        duplicates: 0,
        missing: 0,
      });
      expect(truth.duplicateEnrollments).toBe(0);
      printFigures('separate processor killed while applying, then restarted', {
        checkouts: count,
        'applied when SIGKILLed': atKill,
        'applied in the end': count,
        mismatches: truth.mismatches.length,
        'duplicate emails': truth.duplicateEmails,
      });
    } finally {
      if (second.child.pid) process.kill(-second.child.pid, 'SIGTERM');
      await second.exited;
    }
  }, 180_000);
});
