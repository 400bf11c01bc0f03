import { seedDemoData } from '@enrollpay/db';
import { createTestDatabase } from '@enrollpay/db/testing';
import { startEmulator } from '@enrollpay/stripe-emulator';
import { parseCrontab } from 'graphile-worker';
import type Stripe from 'stripe';
import { hashPassword } from '../../src/auth/passwords.js';
import { createDeps } from '../../src/deps.js';
import { DEV_DEFAULTS, loadEnv } from '../../src/env.js';
import { drainOutbox } from '../../src/jobs/outbox.js';
import { crontab } from '../../src/jobs/worker.js';
import { CLAIM_MS, drainWebhookEvents } from '../../src/webhooks/apply-event.js';
import {
  clientAt,
  deliveredEventIds,
  freePort,
  mailCopies,
  makeLearners,
  pool,
  roundRobinProxy,
  type ServerProcess,
  serverProcess,
  sleep,
  tempDir,
} from './support.js';
import { compareWithStripe, type TruthReport } from './truth.js';

export interface WebhookChaosOptions {
  /** Server processes sharing the database (deliveries are spread across them by a proxy when > 1). */
  instances: 1 | 2;
  /** Webhook deliveries to aim for, duplicates included. */
  deliveries: number;
  /** SIGKILLs spread over the stream (alternating between instances). */
  kills: number;
  /** Share of events delivered a second time (resent), on top of whatever the crashes cause. */
  duplicateShare?: number;
  log?: (line: string) => void;
}

export interface WebhookChaosFigures {
  payments: number;
  /** Whether the instances ran their background worker (graphile-worker + outbox sender). */
  workerOn: boolean;
  events: number;
  requestsSent: number;
  deliveriesSucceeded: number;
  deliveriesFailed: number;
  duplicatesInjected: number;
  duplicatesReceived: number;
  serverKills: number;
  serverRestarts: number;
  leftUnfinishedByCrashes: number;
  eventsLost: number;
  eventsNotFinal: number;
  emulatorGaveUp: number;
  mailsSent: number;
  /** Outbox rows a killed instance had claimed: sent when their 5-minute lease ends. */
  mailsLeasedByKilledInstance: number;
  mailsResentAfterCrash: number;
  truth: TruthReport;
  seconds: number;
}

/** What each payment in the run does at Stripe, by index: most succeed, some fail, refund or dispute. */
const PLAN = [
  'succeed',
  'succeed',
  'decline',
  'refund-full',
  'refund-partial',
  'dispute',
  'refund-fail',
  'succeed',
  'cancel',
  'refund-partial-twice',
] as const;

/**
 * The big one: real Stripe activity for many payments is generated with delivery paused; then every
 * event is delivered (plus resent duplicates) in shuffled order while server processes are SIGKILLed
 * and restarted mid-stream, the emulator retrying what failed. At the end the database must equal
 * Stripe's truth for every PaymentIntent.
 */
export async function runWebhookChaos(options: WebhookChaosOptions): Promise<WebhookChaosFigures> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const database = await createTestDatabase();
  const emulator = await startEmulator({
    port: 0,
    // Short, flat retries (Stripe's are hours apart): a restart is seconds, so retries land soon after.
    retrySchedule: [250, 500, ...Array.from({ length: 40 }, () => 1000)],
    webhookTimeoutMs: 10_000,
    disputeDelayMs: 20,
    refundFailDelayMs: 20,
  });
  const mailDir = tempDir('chaos-mail');
  const servers: ServerProcess[] = [];
  let proxy: Awaited<ReturnType<typeof roundRobinProxy>> | null = null;
  const env = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    STRIPE_API_URL: emulator.url,
    RUN_WORKER: 'false',
    MAIL_DIR: mailDir,
  });
  // The test's own view of the system, for reading rows and running the sweeper's work at the end.
  const deps = createDeps(env, database.db, { databaseUrl: database.url });
  let workerOn = false;
  try {
    await seedDemoData(database.db, { hashPassword, nodeEnv: 'test' });
    // The instances run their background worker unless its schedule does not even parse (then they
    // would crash at start); the figures say which.
    workerOn = workerStarts(deps);
    const childEnv = {
      DATABASE_URL: database.url,
      STRIPE_API_URL: emulator.url,
      STRIPE_WEBHOOK_SECRET: DEV_DEFAULTS.STRIPE_WEBHOOK_SECRET,
      RUN_WORKER: workerOn ? 'true' : 'false',
      MAIL_DIR: mailDir,
      OUTBOX_POLL_MS: '200',
      RATE_LIMIT_PER_MINUTE: '1000000',
    };
    for (let i = 0; i < options.instances; i++) servers.push(serverProcess(childEnv, await freePort()));
    await Promise.all(servers.map((s) => s.start()));
    let target = `${servers[0]?.url}/api/webhooks/stripe`;
    if (options.instances > 1) {
      proxy = await roundRobinProxy(servers.map((s) => s.url));
      target = `${proxy.url}/api/webhooks/stripe`;
    }
    emulator.controls.addWebhookTarget(target, DEV_DEFAULTS.STRIPE_WEBHOOK_SECRET);
    emulator.controls.pauseDelivery();

    // 1. Stripe activity for enough payments to reach the delivery target (about 4 events each).
    const duplicateShare = options.duplicateShare ?? 0.3;
    const uniqueTarget = Math.ceil(options.deliveries / (1 + duplicateShare));
    const offerings = await database.db.offering.findMany({
      where: { active: true },
      select: { id: true, priceAmount: true },
    });
    const stripe = deps.stripe;
    const learnerBatch = Math.max(10, Math.ceil(uniqueTarget / 4 / offerings.length) + 2);
    const learners = await makeLearners(database.db, deps.tokens, learnerBatch, 'wh');
    let payments = 0;
    const makePayment = async (n: number) => {
      const learner = learners[Math.floor(n / offerings.length)];
      const offering = offerings[n % offerings.length];
      if (!learner || !offering) throw new Error('not enough learners for this run');
      const api = clientAt(servers[n % servers.length]?.url ?? '', learner.token);
      const { clientSecret } = await api.payments.createIntent.mutate({
        offeringId: offering.id,
        idempotencyKey: `chaos-payment-${n}`,
      });
      const intentId = (clientSecret ?? '').split('_secret_')[0] ?? '';
      const plan = PLAN[n % PLAN.length];
      const confirm = (pm: string) =>
        stripe.paymentIntents.confirm(intentId, { payment_method: pm }).catch((e: unknown) => {
          if ((e as Stripe.errors.StripeError).type !== 'StripeCardError') throw e;
        });
      switch (plan) {
        case 'decline':
          await confirm('pm_card_chargeDeclined');
          break;
        case 'cancel':
          await stripe.paymentIntents.cancel(intentId);
          break;
        case 'dispute':
          await confirm('pm_card_createDispute');
          break;
        case 'refund-fail':
          await confirm('pm_card_refundFail');
          await stripe.refunds.create({ payment_intent: intentId });
          break;
        case 'refund-full':
          await confirm('pm_card_visa');
          await stripe.refunds.create({ payment_intent: intentId });
          break;
        case 'refund-partial':
          await confirm('pm_card_visa');
          await stripe.refunds.create({
            payment_intent: intentId,
            amount: Math.max(1, Math.floor(offering.priceAmount / 3)),
          });
          break;
        case 'refund-partial-twice':
          await confirm('pm_card_mastercard');
          for (let k = 0; k < 2; k++)
            await stripe.refunds.create({
              payment_intent: intentId,
              amount: Math.max(1, Math.floor(offering.priceAmount / 4)),
            });
          break;
        default:
          await confirm('pm_card_visa');
      }
      payments++;
    };
    let n = 0;
    while (emulator.store.events.size < uniqueTarget) {
      const remaining = uniqueTarget - emulator.store.events.size;
      const batch = Math.max(1, Math.min(50, Math.ceil(remaining / 4)));
      if (n + batch > learners.length * offerings.length)
        throw new Error('ran out of learner/offering pairs');
      await pool(
        Array.from({ length: batch }, (_, k) => n + k),
        6,
        makePayment,
      );
      n += batch;
    }
    await sleep(300); // disputes and refund failures happen a moment after their payments
    const events = [...emulator.store.events.values()];
    const elapsed = () => `${Math.round(performance.now() - started)} ms`;
    log(`generated ${payments} payments, ${events.length} events (${elapsed()})`);

    // 2. Duplicates: a share of events queued a second time; shuffled order; then deliver.
    let duplicatesInjected = 0;
    for (const event of events) {
      if (Math.random() < duplicateShare) {
        emulator.controls.resend(event.id);
        duplicatesInjected++;
      }
    }
    emulator.controls.shuffle(true);
    emulator.controls.resumeDelivery();

    // 3. Kill servers mid-stream at evenly spaced points of the successful deliveries.
    const total = events.length + duplicatesInjected;
    let kills = 0;
    let restarts = 0;
    for (let k = 1; k <= options.kills; k++) {
      const threshold = Math.floor((total * k) / (options.kills + 1));
      const waitUntil = Date.now() + 300_000;
      while (emulator.controls.deliveries().filter((d) => d.outcome === 'succeeded').length < threshold) {
        if (Date.now() > waitUntil) throw new Error(`stream stalled before ${threshold} deliveries`);
        await sleep(20);
      }
      const victim = servers[(k - 1) % servers.length];
      if (!victim) continue;
      await victim.kill();
      kills++;
      log(`SIGKILL ${victim.url} after ${threshold} deliveries (${elapsed()})`);
      await sleep(150 + Math.floor(Math.random() * 300));
      await victim.start();
      restarts++;
    }

    // 4. Wait for the emulator to finish: every event delivered once, or given up on.
    const deadline = Date.now() + 180_000;
    let gaveUp = 0;
    for (;;) {
      const delivered = deliveredEventIds(emulator);
      const attempts = emulator.controls.deliveries();
      const lastAttempt = new Map<string, (typeof attempts)[number]>();
      for (const a of attempts) lastAttempt.set(a.eventId, a);
      gaveUp = events.filter(
        (e) => !delivered.has(e.id) && lastAttempt.get(e.id)?.nextRetryAt === null,
      ).length;
      const queued = emulator.webhooks.queued();
      if (delivered.size + gaveUp >= events.length && queued === 0) break;
      if (Date.now() > deadline)
        throw new Error(`deliveries did not finish: ${delivered.size}/${events.length}`);
      await sleep(100);
    }
    await emulator.controls.idle();
    log(`deliveries finished (${elapsed()})`);

    // 5. What the crashes left unfinished, finished as the minute sweeper would (it waits 60 s).
    const unfinished = await database.db.webhookEvent.count({
      where: { status: { in: ['RECEIVED', 'FAILED'] } },
    });
    // An attempt killed mid-way holds its event for CLAIM_MS; then the running instances (or this drain,
    // standing in for the sweeper) take it over.
    const drainDeadline = Date.now() + CLAIM_MS + 10_000;
    for (;;) {
      const drained = await drainWebhookEvents(deps);
      if (drained.attempted === 0 || Date.now() > drainDeadline) break;
      if (drained.outcomes.busy) await sleep(500);
    }
    // Emails: the instances' workers send them; wait for every due one, then send any left ourselves.
    // A message claimed by an instance that was then killed stays leased for 5 minutes (at-least-once).
    const dueMail = () =>
      database.db.outboxMessage.count({ where: { status: 'PENDING', availableAt: { lte: new Date() } } });
    const mailDeadline = Date.now() + 20_000;
    while (Date.now() < mailDeadline && (await dueMail()) > 0) await sleep(200);
    await Promise.all(servers.map((s) => s.stop()));
    await drainOutbox(deps);
    const mailsLeased = await database.db.outboxMessage.count({ where: { status: 'PENDING' } });
    log(`drained (${elapsed()})`);
    // 6. The verdict.
    const stored = new Set(
      (await database.db.webhookEvent.findMany({ select: { id: true } })).map((r) => r.id),
    );
    const eventsLost = events.filter((e) => !stored.has(e.id)).length;
    const eventsNotFinal = await database.db.webhookEvent.count({
      where: { status: { notIn: ['PROCESSED', 'IGNORED'] } },
    });
    const attempts = emulator.controls.deliveries();
    const succeeded = attempts.filter((d) => d.outcome === 'succeeded');
    const copies = mailCopies(mailDir);
    const truth = await compareWithStripe(database.db, emulator);
    return {
      payments,
      workerOn,
      events: events.length,
      requestsSent: attempts.length,
      deliveriesSucceeded: succeeded.length,
      deliveriesFailed: attempts.filter((d) => d.outcome === 'failed').length,
      duplicatesInjected,
      duplicatesReceived: succeeded.length - new Set(succeeded.map((d) => d.eventId)).size,
      serverKills: kills,
      serverRestarts: restarts,
      leftUnfinishedByCrashes: unfinished,
      eventsLost,
      eventsNotFinal,
      emulatorGaveUp: gaveUp,
      mailsSent: copies.size,
      mailsLeasedByKilledInstance: mailsLeased,
      mailsResentAfterCrash: [...copies.values()].filter((c) => c > 1).length,
      truth,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } catch (error) {
    for (const s of servers) log(`--- ${s.url} output ---\n${s.output()}`);
    throw error;
  } finally {
    await Promise.all(servers.map((s) => s.kill()));
    await proxy?.close();
    await deps.jobs.close();
    deps.mailer.close();
    await emulator.close();
    await database.drop();
  }
}

/** Whether the background worker's schedule parses; graphile-worker throws at start when it does not. */
export function workerStarts(deps: Parameters<typeof crontab>[0]): boolean {
  try {
    parseCrontab(crontab(deps));
    return true;
  } catch {
    return false;
  }
}
