import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Db, seedDemoData } from '@enrollpay/db';
import { startEmulator } from '@enrollpay/stripe-emulator';
import type Stripe from 'stripe';
import { hashPassword } from '../auth/passwords.js';
import { createDeps } from '../deps.js';
import type { Env } from '../env.js';
import { actOutDemoHistory, type DemoHistorySummary, type DemoTimeMachine } from './history.js';
import { planDemoHistory } from './plan.js';

/**
 * The development demo data: accounts and offerings (packages/db's seed), then about three months of
 * payments made through the real payment code against a Stripe emulator whose clock is set to each
 * moment in turn. `pnpm dev` and `pnpm db:seed` call this; the test harness does not (its tests want a
 * clean slate).
 *
 * The emulator used here is a temporary one on a free port, writing the same snapshot file that
 * `pnpm dev`'s emulator loads at start: the Stripe side of the history survives every restart of
 * `pnpm dev` exactly as the database side does, so `pnpm reconcile` finds nothing to repair.
 */
export interface SeedDemoOptions {
  db: Db;
  env: Env;
  /** The database's URL (the job queue needs it). */
  databaseUrl: string;
  /** The emulator state file `pnpm dev` uses (`.data/stripe-emulator.json`). */
  snapshotFile: string;
  /** End of the history. Default: now. */
  now?: Date;
  /** Length of the history in days. Default 90; 0 = accounts and offerings only. */
  days?: number;
  /** Told when the (slow) history starts. */
  log?: (line: string) => void;
}

export type SeedDemoResult =
  | { created: false }
  | { created: true; history: DemoHistorySummary | null; historySkipped?: string; historyMs: number };

export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const { db, env } = options;
  const seeded = await seedDemoData(db, { hashPassword, nodeEnv: env.NODE_ENV });
  if (!seeded.created) return { created: false };
  const days = options.days ?? 90;
  if (days <= 0) return { created: true, history: null, historyMs: 0 };
  if (!env.STRIPE_API_URL) {
    // Real Stripe cannot make payments in the past.
    return {
      created: true,
      history: null,
      historySkipped: 'STRIPE_API_URL is empty (real Stripe): payment history needs the emulator',
      historyMs: 0,
    };
  }
  options.log?.(
    `Creating ${days} days of demo payments through a temporary Stripe emulator (once, on an empty database)`,
  );
  const started = performance.now();
  const history = await createDemoHistory({ ...options, days });
  return { created: true, history, historyMs: Math.round(performance.now() - started) };
}

/**
 * Makes the payment history in a database that has the demo accounts and no payments yet, and writes
 * the matching Stripe state to `snapshotFile` (replacing what was there: it belonged to a database that
 * is gone).
 */
const DAY_MS = 86_400_000;

export async function createDemoHistory(
  options: Omit<SeedDemoOptions, 'days'> & { days: number },
): Promise<DemoHistorySummary> {
  const now = options.now ?? new Date();
  const plan = planDemoHistory({ now, days: options.days });
  let at = plan.start.getTime();
  mkdirSync(path.dirname(options.snapshotFile), { recursive: true });
  // No snapshotFile here: the emulator would rewrite the whole file after every change. The state is
  // written once at the end instead, replacing the old file's (it belonged to a database that is gone).
  const emulator = await startEmulator({
    port: 0,
    clock: { now: () => at },
    // Receipt links in our rows and Stripe's charges point at where `pnpm dev` serves the emulator.
    ...(options.env.STRIPE_API_URL ? { publicUrl: options.env.STRIPE_API_URL.replace(/\/$/, '') } : {}),
    // The 0259 card's dispute opens two days after the charge (its evidence is due seven days later).
    disputeDelayMs: 2 * 86_400_000,
    log: false,
  });
  let seen = 0;
  const time: DemoTimeMachine = {
    moveTo(when) {
      const target = Math.max(at, when.getTime());
      // Stop at every 00:00 UTC on the way, so each day's payout run happens at its midnight (payouts
      // created, arrived, paid), in order, with the clock at that moment.
      for (let midnight = Math.floor(at / DAY_MS) * DAY_MS + DAY_MS; midnight <= target; midnight += DAY_MS) {
        at = midnight;
        emulator.controls.advanceClock(0);
      }
      at = target;
      emulator.controls.advanceClock(0); // runs what fell due by now (the dispute)
    },
    completeOnboarding(stripeAccountId) {
      emulator.controls.completeOnboarding(stripeAccountId);
    },
    failPayout(payoutId, failureCode) {
      emulator.controls.failPayout(payoutId, failureCode);
    },
    takeEvents() {
      const all = emulator.controls.events();
      const fresh = all.slice(seen);
      seen = all.length;
      // As a webhook carries it: the event's JSON.
      return fresh.map((e): Stripe.Event => JSON.parse(JSON.stringify(e)));
    },
  };
  const deps = createDeps({ ...options.env, STRIPE_API_URL: emulator.url }, options.db, {
    clock: { now: () => new Date(at) },
    databaseUrl: options.databaseUrl,
  });
  try {
    const summary = await actOutDemoHistory(deps, time, plan);
    // The past's emails (receipts, refund and dispute notices) went out back then: nothing is mailed
    // on the first start.
    await options.db.outboxMessage.updateMany({
      where: { status: 'PENDING' },
      data: { status: 'SENT', sentAt: now },
    });
    emulator.store.saveTo(options.snapshotFile);
    return summary;
  } finally {
    await deps.jobs.close();
    deps.mailer.close();
    await emulator.close();
  }
}
