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
import {
  type ConnectTruthReport,
  compareConnectWithStripe,
  compareWithStripe,
  type TruthReport,
} from './truth.js';

export interface WebhookChaosOptions {
  /** Server processes sharing the database (deliveries are spread across them by a proxy when > 1). */
  instances: 1 | 2;
  /** Webhook deliveries to aim for, duplicates included. */
  deliveries: number;
  /** SIGKILLs spread over the stream (alternating between instances). */
  kills: number;
  /** Share of events delivered a second time (resent), on top of whatever the crashes cause. */
  duplicateShare?: number;
  /**
   * Stripe Connect too (default true): Sofia onboarded through the API before the run, so her sales are
   * destination charges with the fee and her refunds reverse the transfer; payouts paid and failed on her
   * account, a new bank account after each failure; Sam not onboarded (his funds held). Their events go to
   * the Connect endpoint with its own secret, duplicated, shuffled and through the kills like the rest, plus
   * forged copies that must be refused.
   */
  connect?: boolean;
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
  /** Null when the run had no Connect part. */
  connect: ConnectTruthReport | null;
  /** Events that went to the Connect endpoint (those with `account`). */
  connectEvents: number;
  /** Forged Connect deliveries (wrong secret, the platform's secret, tampered body) and how many got a 400. */
  forgedConnectDeliveries: number;
  forgedConnectRefused: number;
  seconds: number;
}

/** The Connect endpoint's own secret in these runs (Stripe gives a Connect endpoint a separate one). */
const CONNECT_SECRET = 'whsec_chaos_connect_endpoint_secret';

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
      STRIPE_CONNECT_WEBHOOK_SECRET: CONNECT_SECRET,
      OUTBOX_POLL_MS: '200',
      RATE_LIMIT_PER_MINUTE: '1000000',
    };
    for (let i = 0; i < options.instances; i++) servers.push(serverProcess(childEnv, await freePort()));
    await Promise.all(servers.map((s) => s.start()));
    let base = servers[0]?.url ?? '';
    if (options.instances > 1) {
      proxy = await roundRobinProxy(servers.map((s) => s.url));
      base = proxy.url;
    }
    const target = `${base}/api/webhooks/stripe`;
    emulator.controls.addWebhookTarget(target, DEV_DEFAULTS.STRIPE_WEBHOOK_SECRET);
    const withConnect = options.connect ?? true;
    const stripe = deps.stripe;
    /** Sofia's Express account, when the run has Connect. */
    let sofiaAccount: string | null = null;
    if (withConnect) {
      emulator.controls.addWebhookTarget(`${base}/api/webhooks/stripe-connect`, CONNECT_SECRET, ['*'], true);
      // Onboarding while delivery runs, so her account is ACTIVE before the first sale.
      const sofia = await database.db.user.findUniqueOrThrow({ where: { email: 'specialist@demo.test' } });
      const { token } = await deps.tokens.issue({ userId: sofia.id, role: 'SPECIALIST' });
      await clientAt(servers[0]?.url ?? '', token).payouts.onboardingLink.mutate();
      const row = await database.db.connectedAccount.findUniqueOrThrow({ where: { userId: sofia.id } });
      sofiaAccount = row.stripeAccountId;
      emulator.controls.completeOnboarding(sofiaAccount);
      const activeBy = Date.now() + 30_000;
      while (
        !(await database.db.connectedAccount.findUniqueOrThrow({ where: { userId: sofia.id } }))
          .chargesEnabled
      ) {
        if (Date.now() > activeBy) throw new Error('account.updated did not arrive');
        await sleep(50);
      }
      await emulator.controls.idle();
    }
    emulator.controls.pauseDelivery();

    // 1. Stripe activity for enough payments to reach the delivery target (about 4 events each).
    const duplicateShare = options.duplicateShare ?? 0.3;
    const uniqueTarget = Math.ceil(options.deliveries / (1 + duplicateShare));
    const offerings = await database.db.offering.findMany({
      where: { active: true },
      select: { id: true, priceAmount: true, specialist: { select: { email: true } } },
    });
    const learnerBatch = Math.max(10, Math.ceil(uniqueTarget / 4 / offerings.length) + 2);
    const learners = await makeLearners(database.db, deps.tokens, learnerBatch, 'wh');
    let payments = 0;
    let payoutRounds = 0;
    /**
     * Today's payouts now (the 00:00 UTC run), each then paid on arrival (`payout.paid`,
     * `payout.reconciliation_completed`) — or, in the second round and every third after it, returned by the bank (`payout.failed`,
     * payouts paused: `account.updated`) and a new bank account added (`account.updated` again).
     */
    const payoutRound = async (account: string) => {
      payoutRounds++;
      for (const payout of emulator.controls.runPayouts()) {
        if (payoutRounds % 3 === 2) emulator.controls.failPayout(payout.id, 'account_closed');
        else emulator.controls.arrivePayout(payout.id);
      }
      const current = await stripe.accounts.retrieve(account);
      if (!current.payouts_enabled) {
        await stripe.accounts.update(
          account,
          { external_account: 'btok_us_verified' },
          { idempotencyKey: `chaos-bank-account-${payoutRounds}` },
        );
      }
    };
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
      // Sofia's sales are destination charges: her refunds reverse the transfer, as payments.refund does
      // (the fee goes back only with a full refund).
      const reverse = (full: boolean) =>
        sofiaAccount && offering.specialist.email === 'specialist@demo.test'
          ? { reverse_transfer: true, refund_application_fee: full }
          : {};
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
          await stripe.refunds.create({ payment_intent: intentId, ...reverse(true) });
          break;
        case 'refund-partial':
          await confirm('pm_card_visa');
          await stripe.refunds.create({
            payment_intent: intentId,
            amount: Math.max(1, Math.floor(offering.priceAmount / 3)),
            ...reverse(false),
          });
          break;
        case 'refund-partial-twice':
          await confirm('pm_card_mastercard');
          for (let k = 0; k < 2; k++)
            await stripe.refunds.create({
              payment_intent: intentId,
              amount: Math.max(1, Math.floor(offering.priceAmount / 4)),
              ...reverse(false),
            });
          break;
        default:
          // Plain sales skip the pending balance (4000 0000 0000 0077): money to pay out at once.
          await confirm(sofiaAccount ? 'pm_card_bypassPending' : 'pm_card_visa');
      }
      payments++;
    };
    let n = 0;
    while (emulator.store.events.size < uniqueTarget) {
      const remaining = uniqueTarget - emulator.store.events.size;
      // With Connect, smaller batches: a payout round follows each, so even a small run has several.
      const batch = Math.max(1, Math.min(sofiaAccount ? 12 : 50, Math.ceil(remaining / 4)));
      if (n + batch > learners.length * offerings.length)
        throw new Error('ran out of learner/offering pairs');
      await pool(
        Array.from({ length: batch }, (_, k) => n + k),
        6,
        makePayment,
      );
      n += batch;
      if (sofiaAccount) await payoutRound(sofiaAccount);
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
    // Forged Connect deliveries: a connected account's real event signed with a secret not the Connect
    // endpoint's (a stranger's, the platform endpoint's) or tampered after signing. Each must be a 400.
    const connectEvents = events.filter((e) => e.account);
    let forged = 0;
    let forgedRefused = 0;
    for (const event of connectEvents.slice(0, 30)) {
      const payload = JSON.stringify(event);
      const attempts = [
        { body: payload, secret: 'whsec_not_ours_at_all' },
        { body: payload, secret: DEV_DEFAULTS.STRIPE_WEBHOOK_SECRET },
        {
          // One more field after signing: the signature no longer matches.
          body: `${payload.slice(0, -1)},"tampered":true}`,
          secret: CONNECT_SECRET,
          signed: payload,
        },
      ];
      for (const a of attempts) {
        const signature = stripe.webhooks.generateTestHeaderString({
          payload: a.signed ?? a.body,
          secret: a.secret,
        });
        const res = await fetch(`${servers[0]?.url}/api/webhooks/stripe-connect`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': signature },
          body: a.body,
        });
        forged++;
        if (res.status === 400) forgedRefused++;
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
    const connectTruth = withConnect ? await compareConnectWithStripe(database.db, emulator, stripe) : null;
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
      connect: connectTruth,
      connectEvents: connectEvents.length,
      forgedConnectDeliveries: forged,
      forgedConnectRefused: forgedRefused,
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
