import type { Db } from '@enrollpay/db';
import { createTestDatabase } from '@enrollpay/db/testing';
import { startEmulator } from '@enrollpay/stripe-emulator';
import Stripe from 'stripe';
import { type BenchChild, startChild } from './child.js';
import { serverEnv } from './env.js';
import type { EventTemplate, PendingIntent, WebhookJob, WebhookResult } from './load/jobs.js';
import { parentPid, processCpuMs, processTreeCpuMs } from './machine.js';
import { progressBar } from './progress.js';
import { type Figure, figure } from './results.js';
import { seedPendingPayments } from './seed.js';

/**
 * The processor's nice value in the production topology (BENCH_PROCESSOR_NICE overrides it): what
 * apps/server/src/webhooks/README.md advises on a machine the API shares with its processor.
 */
export const PROCESSOR_NICE = 10;

export interface WebhookSizes {
  /**
   * Deliveries each server gets before it is measured: as many as the app's full-speed run. A fresh
   * process's first 1,000–2,000 answers cost 2–3× the CPU of later ones (V8's optimising compiler runs on
   * threads counted in the process's CPU); every server, baselines included, gets the same warm-up.
   */
  warmup: number;
  /** Events in the full-speed run (app; the baseline gets `baselineFull`). */
  full: number;
  baselineFull: number;
  /** Events for the raw-`pg` one-transaction-per-event handler (the second baseline), full speed. */
  carefulFull: number;
  rate: number;
  rateSeconds: number;
  connections: number;
  rateConnections: number;
}

/** `--quick`: half the events, the fixed rate for 5 s. */
export const WEBHOOK_QUICK: WebhookSizes = {
  warmup: 2000,
  full: 2000,
  baselineFull: 6000,
  carefulFull: 2000,
  rate: 500,
  rateSeconds: 5,
  connections: 16,
  rateConnections: 64,
};
export const WEBHOOK_FULL: WebhookSizes = {
  warmup: 4000,
  full: 4000,
  baselineFull: 12000,
  carefulFull: 4000,
  rate: 500,
  rateSeconds: 10,
  connections: 16,
  rateConnections: 64,
};

export const WEBHOOK_SMOKE: WebhookSizes = {
  warmup: 20,
  full: 60,
  baselineFull: 60,
  carefulFull: 60,
  rate: 40,
  rateSeconds: 1,
  connections: 4,
  rateConnections: 4,
};

interface PhaseCheck {
  events: number;
  byStatus: Record<string, number>;
  succeededPayments: number;
  outboxMessages: number;
  /** From the first event stored to the last one processed. */
  endToEndSeconds: number;
  endToEndRate: number;
  /** Events still unprocessed when the load generator finished, and how long they took to drain. */
  backlogAtEnd: number;
  drainSeconds: number;
}

/**
 * Succeeded PaymentIntents (with their charges) in the emulator for the seeded pending payments, the
 * Payment rows pointed at them as createIntent would have; plus one payment_intent.succeeded event
 * exactly as the emulator (Stripe's shape) sends it, as the template of every event we post.
 */
export async function succeedIntents(
  db: Db,
  stripe: Stripe,
  prefix: string,
  count: number,
  log: (line: string) => void,
): Promise<{ items: PendingIntent[]; template: EventTemplate }> {
  const items: PendingIntent[] = new Array(count);
  const bar = progressBar(log, 'webhook: PaymentIntents in the emulator', count);
  let next = 0;
  const worker = async () => {
    for (let k = next++; k < count; k = next++) {
      const paymentId = `${prefix}p_${k}`;
      const pi = await stripe.paymentIntents.create(
        {
          amount: 4900,
          currency: 'usd',
          payment_method: 'pm_card_visa',
          confirm: true,
          allowed_payment_method_types: ['card'],
          metadata: { paymentId, enrollmentId: `${prefix}e_${k}` },
        },
        { idempotencyKey: `payment-intent:${paymentId}` },
      );
      const chargeId = typeof pi.latest_charge === 'string' ? pi.latest_charge : pi.latest_charge?.id;
      if (!chargeId) throw new Error(`PaymentIntent ${pi.id} has no charge`);
      items[k] = { paymentId, paymentIntentId: pi.id, chargeId };
      bar.increment();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  bar.stop();
  await db.$executeRawUnsafe(
    `UPDATE "Payment" p SET "stripePaymentIntentId" = v.pi
     FROM unnest($1::text[], $2::text[]) AS v(id, pi) WHERE p.id = v.id`,
    items.map((i) => i.paymentId),
    items.map((i) => i.paymentIntentId),
  );
  return { items, template: await succeededEventTemplate(stripe) };
}

/**
 * The newest payment_intent.succeeded event the emulator has sent, as a plain object: the template of
 * every event the bench posts (Stripe's shape, as the emulator sends it).
 */
export async function succeededEventTemplate(stripe: Stripe): Promise<EventTemplate> {
  const [event] = (await stripe.events.list({ type: 'payment_intent.succeeded', limit: 1 })).data;
  if (!event) throw new Error('the emulator sent no payment_intent.succeeded event');
  const plain: unknown = JSON.parse(JSON.stringify(event));
  if (typeof plain !== 'object' || plain === null || !('data' in plain)) throw new Error('odd event');
  return plain as EventTemplate;
}

/**
 * For the probes, whose events stand for payments that need no PaymentIntent of their own: one succeeded
 * PaymentIntent made for the purpose (with `metadata`), and its event as the template.
 */
export async function probeEventTemplate(
  stripe: Stripe,
  metadata: Record<string, string> = {},
): Promise<EventTemplate> {
  await stripe.paymentIntents.create({
    amount: 4900,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: true,
    allowed_payment_method_types: ['card'],
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
  });
  return succeededEventTemplate(stripe);
}

async function countByStatus(db: Db, phase: string): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<{ status: string; n: bigint }[]>(
    `SELECT status::text AS status, count(*) AS n FROM "WebhookEvent" WHERE id LIKE $1 GROUP BY status`,
    `evt_${phase}_%`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** What the database says about a phase once its load is over: every event stored and applied? */
async function checkPhase(db: Db, phase: string): Promise<PhaseCheck> {
  const endedAt = performance.now();
  let byStatus = await countByStatus(db, phase);
  const backlogAtEnd = (byStatus.RECEIVED ?? 0) + (byStatus.FAILED ?? 0);
  // Inline processing may still be finishing events whose responses went out at the 5 s budget.
  const deadline = Date.now() + 60_000;
  if ((byStatus.RECEIVED ?? 0) > 0) {
    // The wait reads only the events still waiting (the partial index of unapplied events), not the
    // phase's every row: the drain it watches runs on the same CPUs.
    const waiting = async () => {
      const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "WebhookEvent" WHERE status = 'RECEIVED' AND id LIKE $1`,
        `evt_${phase}_%`,
      );
      return Number(row?.n ?? 0);
    };
    while ((await waiting()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    byStatus = await countByStatus(db, phase);
  }
  const drainSeconds = backlogAtEnd ? (performance.now() - endedAt) / 1000 : 0;
  const [span] = await db.$queryRawUnsafe<{ first: Date | null; last: Date | null; n: bigint }[]>(
    `SELECT min("receivedAt") AS first, max("processedAt") AS last, count(*) FILTER (WHERE status = 'PROCESSED') AS n
     FROM "WebhookEvent" WHERE id LIKE $1`,
    `evt_${phase}_%`,
  );
  const [payments] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM "Payment" WHERE "lastStripeEventId" LIKE $1 AND status = 'SUCCEEDED'`,
    `evt_${phase}_%`,
  );
  const [outbox] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM "OutboxMessage" o JOIN "Payment" p ON o."dedupeKey" IN ('payment.receipt:' || p.id, 'enrollment.new:' || p.id)
     WHERE p."lastStripeEventId" LIKE $1`,
    `evt_${phase}_%`,
  );
  const processed = Number(span?.n ?? 0);
  const seconds = span?.first && span.last ? (span.last.getTime() - span.first.getTime()) / 1000 : 0;
  return {
    events: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    succeededPayments: Number(payments?.n ?? 0),
    outboxMessages: Number(outbox?.n ?? 0),
    endToEndSeconds: seconds,
    // Timestamps have millisecond precision; a tiny smoke phase can fit in one.
    endToEndRate: processed / Math.max(seconds, 0.001),
    backlogAtEnd,
    drainSeconds,
  };
}

/** One webhook job on the load generator; resolves with its result. */
export async function runJob(load: BenchChild, job: WebhookJob): Promise<WebhookResult> {
  load.send({ type: 'job', kind: 'webhook', job });
  const message = await load.next('result');
  return message.result as WebhookResult;
}

/**
 * CPU time (user + system, from /proc/<pid>/stat) each process spent during one load run, in ms; null
 * where it cannot be read (not Linux, or PostgreSQL on another machine).
 */
export interface PhaseCpu {
  /** The server under test (the API, the bare route or the careful handler). */
  server: number | null;
  /** The webhook processor process beside the API (WEBHOOK_PROCESSING=separate); null where none ran. */
  processor: number | null;
  /** Every PostgreSQL process: backends, WAL writer, checkpointer, autovacuum. */
  postgres: number | null;
  load: number | null;
  wallMs: number;
  /** HTTP answers the CPU was spent on. */
  answers: number;
}

/** The PostgreSQL server's postmaster (the parent of our backend), if it runs on this machine. */
async function postmasterPid(db: Db): Promise<number | null> {
  const [row] = await db.$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
  if (!row) return null;
  const parent = parentPid(row.pid);
  return parent !== null && processCpuMs(parent) !== null ? parent : null;
}

const cpuDiff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
const perAnswer = (ms: number | null, c: PhaseCpu) =>
  ms === null || c.answers === 0 ? null : ms / c.answers;
const coreShare = (ms: number | null, c: PhaseCpu) =>
  ms === null ? 'n/a' : `${((ms / c.wallMs) * 100).toFixed(0)}% of a core`;
const msText = (ms: number | null) => (ms === null ? 'n/a' : `${ms.toFixed(3)} ms`);

/** Where the CPU of a run went: each process's share of a core and its CPU per answer. */
export function cpuNote(c: PhaseCpu, serverName: string): string {
  const part = (name: string, ms: number | null) =>
    `${name} ${coreShare(ms, c)} (${msText(perAnswer(ms, c))} per answer)`;
  const processor = c.processor === null ? '' : `, ${part('processor', c.processor)}`;
  return `CPU over ${c.answers} answers in ${(c.wallMs / 1000).toFixed(1)} s: ${part(serverName, c.server)}${processor}, ${part('PostgreSQL', c.postgres)}, ${part('load generator', c.load)}`;
}

/** Whose CPU a "CPU per delivery" figure counts. */
type CpuOf = 'server' | 'processor' | 'serverAndProcessor' | 'postgres';

const cpuOfRun = (run: PhaseCpu, of: CpuOf): number | null => {
  if (of === 'serverAndProcessor') {
    return run.server === null || run.processor === null ? null : run.server + run.processor;
  }
  return run[of];
};

/** One "CPU per delivery" figure: a process's CPU per answer in a run, beside the same for the bare route. */
function cpuPerDelivery(what: string, run: PhaseCpu, of: CpuOf, bare: PhaseCpu, note?: string): Figure {
  const bareOf = of === 'postgres' ? 'postgres' : 'server';
  return figure({
    benchmark: 'Webhook ingest',
    metric: `CPU per delivery, ${what}`,
    value: perAnswer(cpuOfRun(run, of), run),
    unit: 'ms',
    baseline: {
      label:
        bareOf === 'server' ? 'the bare route’s process per request' : 'PostgreSQL per bare-route request',
      value: perAnswer(bare[bareOf], bare),
      unit: 'ms',
    },
    ratioKind: 'multiple',
    ...(note ? { note } : {}),
  });
}

/** The runs of one topology of the API: a warm-up, full speed, a fixed rate, and what the database says after each. */
export interface AppRuns {
  warmup: WebhookResult;
  full: WebhookResult;
  rate: WebhookResult;
  fullCheck: PhaseCheck;
  rateCheck: PhaseCheck;
}

export interface WebhookDetails {
  sizes: WebhookSizes;
  /**
   * The production topology: the API with WEBHOOK_PROCESSING=separate (it stores and answers) and the
   * webhook processor in its own process at nice `processorNice` (`servers/processor-server.ts`).
   */
  app: AppRuns;
  processorNice: number;
  /** The API applying events itself (WEBHOOK_PROCESSING=inline, its batch loop between receipts). */
  inline: AppRuns;
  baseline: { warmup: WebhookResult; full: WebhookResult; rate: WebhookResult };
  /** The raw-`pg` one-transaction-per-event handler (`servers/careful-server.ts`). */
  careful: { warmup: WebhookResult; full: WebhookResult; fullCheck: PhaseCheck };
  /**
   * The API with WEBHOOK_PROCESSING=separate and no processor running (nothing applies the events),
   * after every other phase, alone on the machine: the durable receipt by itself. `stored` counts the
   * rows its deliveries committed.
   */
  receiptOnly: { warmup: WebhookResult; full: WebhookResult; stored: number };
  /** CPU per process during each full-speed run (the fixed-rate runs: `rate`). */
  cpu: {
    appFull: PhaseCpu;
    appRate: PhaseCpu;
    inlineFull: PhaseCpu;
    inlineRate: PhaseCpu;
    baselineFull: PhaseCpu;
    baselineRate: PhaseCpu;
    carefulFull: PhaseCpu;
    receiptOnlyFull: PhaseCpu;
  };
}

/**
 * Benchmark 1: webhook ingest. The real API and the baseline each run in their own process; the
 * load generator is a third. Every event is distinct and correctly signed, for a pending payment.
 */
export async function benchWebhooks(
  sizes: WebhookSizes,
  log: (line: string) => void,
): Promise<{ figures: Figure[]; details: WebhookDetails }> {
  const database = await createTestDatabase();
  const children: BenchChild[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    const prefix = 'wh';
    const rateCount = sizes.rate * sizes.rateSeconds;
    const carefulCount = sizes.warmup + sizes.carefulFull;
    // The production topology's runs, the inline topology's, the careful handler's.
    const total = 2 * (sizes.warmup + sizes.full + rateCount) + carefulCount + 10;
    log(`webhook: seeding ${total} pending payments`);
    await seedPendingPayments(database.db, prefix, total);
    const emulator = await startEmulator({ port: 0 });
    closers.push(() => emulator.close());
    const stripe = new Stripe('sk_test_enrollpay_bench', { ...emulator.stripeConfig, maxNetworkRetries: 0 });
    const { items, template } = await succeedIntents(database.db, stripe, prefix, total, log);

    const env = serverEnv(database.url, emulator.url);
    const secret = env.STRIPE_WEBHOOK_SECRET ?? '';
    // BENCH_PROFILE_DIR: write a V8 CPU profile of the API process there (open it in Chrome DevTools).
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    // The production topology: the API stores and answers; the processor, niced, applies.
    const processorNice = Number(process.env.BENCH_PROCESSOR_NICE ?? PROCESSOR_NICE);
    const separateEnv = {
      ...env,
      WEBHOOK_PROCESSING: 'separate',
      WEBHOOK_PROCESSOR_NICE: String(processorNice),
    };
    const app = startChild('./servers/app-server.ts', { env: separateEnv, stdout: 'ignore', execArgv });
    children.push(app);
    const processor = startChild('./servers/processor-server.ts', {
      env: separateEnv,
      stdout: 'ignore',
      execArgv,
    });
    children.push(processor);
    const baseline = startChild('./servers/baseline-server.ts', {
      env: { BENCH_DATABASE_URL: database.url },
      stdout: 'ignore',
    });
    children.push(baseline);
    const careful = startChild('./servers/careful-server.ts', {
      env: { BENCH_DATABASE_URL: database.url, STRIPE_WEBHOOK_SECRET: secret },
      stdout: 'ignore',
    });
    children.push(careful);
    const load = startChild('./load/load.ts');
    children.push(load);
    const [appReady, baselineReady, carefulReady] = await Promise.all([
      app.next('ready'),
      baseline.next('ready'),
      careful.next('ready'),
      load.next('ready'),
      processor.next('ready'),
    ]);
    const carefulUrl = String(carefulReady.url);
    const appUrl = String(appReady.url);
    const baselineUrl = String(baselineReady.url);

    // CPU per process for each run: the server under test, PostgreSQL, the load generator.
    const postmaster = await postmasterPid(database.db);
    const cpuRuns = new Map<WebhookJob, PhaseCpu>();
    const measured = async (
      server: BenchChild,
      job: WebhookJob,
      beside?: BenchChild,
    ): Promise<WebhookResult> => {
      const now = () => ({
        server: processCpuMs(server.pid),
        processor: beside ? processCpuMs(beside.pid) : null,
        postgres: postmaster === null ? null : processTreeCpuMs(postmaster),
        load: processCpuMs(load.pid),
      });
      const before = now();
      const started = performance.now();
      const result = await runJob(load, job);
      const after = now();
      cpuRuns.set(job, {
        server: cpuDiff(before.server, after.server),
        processor: cpuDiff(before.processor, after.processor),
        postgres: cpuDiff(before.postgres, after.postgres),
        load: cpuDiff(before.load, after.load),
        wallMs: performance.now() - started,
        answers: result.ok + result.non2xx,
      });
      return result;
    };
    const cpuOf = (job: WebhookJob): PhaseCpu => {
      const cpu = cpuRuns.get(job);
      if (!cpu) throw new Error(`no CPU measured for phase ${job.phase}`);
      return cpu;
    };

    const job = (url: string, phase: string, start: number, count: number, rate?: number): WebhookJob => ({
      url,
      phase,
      items: items.slice(start, start + count),
      connections: rate ? sizes.rateConnections : sizes.connections,
      ...(rate ? { rate } : {}),
      secret,
      template,
    });

    let next = 0;
    const slice = (count: number) => {
      const start = next;
      next += count;
      return start;
    };
    /** Warm-up, full speed, fixed rate against one topology of the API; `p` prefixes the phases. */
    const appRuns = async (url: string, server: BenchChild, p: string, beside?: BenchChild) => {
      const name = p ? 'inline ' : '';
      log(`webhook: ${name}warm-up`);
      const warmup = await runJob(load, job(url, `${p}warmup`, slice(sizes.warmup), sizes.warmup));
      // Every warm-up event applied before the measured run starts: a processor that yields to ingest
      // drains the warm-up's backlog after it, and that drain must not be charged to the next run.
      await checkPhase(database.db, `${p}warmup`);
      log(`webhook: ${name}full speed, ${sizes.full} events, ${sizes.connections} connections`);
      const fullJob = job(url, `${p}full`, slice(sizes.full), sizes.full);
      const full = await measured(server, fullJob, beside);
      const fullCheck = await checkPhase(database.db, `${p}full`);
      log(`webhook: ${name}at ${sizes.rate}/s for ${sizes.rateSeconds} s`);
      const rateJob = job(url, `${p}rate`, slice(rateCount), rateCount, sizes.rate);
      const rate = await measured(server, rateJob, beside);
      const rateCheck = await checkPhase(database.db, `${p}rate`);
      const runs: AppRuns = { warmup, full, rate, fullCheck, rateCheck };
      return { runs, fullJob, rateJob };
    };
    log(
      `webhook: the production topology, API (WEBHOOK_PROCESSING=separate) + processor at nice ${processorNice}`,
    );
    const separate = await appRuns(appUrl, app, '', processor);
    const { full: appFull, rate: appRate, fullCheck, rateCheck } = separate.runs;
    // Stopped before the other servers run (its idle poll, every 50 ms, would cost them CPU).
    for (const child of [app, processor]) {
      await child.stop();
      children.splice(children.indexOf(child), 1);
    }

    // The baseline stores the same bodies (ids repeat across its phases: it only needs distinct ones per phase).
    log('webhook: baseline warm-up, full speed, fixed rate');
    const baseWarmup = await runJob(load, job(baselineUrl, 'bwarmup', 0, sizes.warmup));
    const baseFullJob = job(baselineUrl, 'bfull', 0, sizes.baselineFull);
    const baseFull = await measured(baseline, baseFullJob);
    const baseRateJob = job(baselineUrl, 'brate', 0, rateCount, sizes.rate);
    const baseRate = await measured(baseline, baseRateJob);

    // The careful handler gets its own pending payments (it applies them for real, like the app).
    log(
      `webhook: raw-pg one-transaction-per-event handler, warm-up, then ${sizes.carefulFull} events full speed`,
    );
    const carefulWarmup = await runJob(load, job(carefulUrl, 'cwarmup', slice(sizes.warmup), sizes.warmup));
    const carefulFullJob = job(carefulUrl, 'careful', slice(sizes.carefulFull), sizes.carefulFull);
    const carefulFull = await measured(careful, carefulFullJob);
    const carefulCheck = await checkPhase(database.db, 'careful');

    // The inline topology: the same API applying the events itself, between receipts.
    log('webhook: the inline topology, the API applying events itself (WEBHOOK_PROCESSING=inline)');
    const inlineApp = startChild('./servers/app-server.ts', {
      env: { ...env, WEBHOOK_PROCESSING: 'inline' },
      stdout: 'ignore',
      execArgv,
    });
    children.push(inlineApp);
    const inlineUrl = String((await inlineApp.next('ready')).url);
    const inline = await appRuns(inlineUrl, inlineApp, 'i');

    // The durable receipt alone: the same API with processing paused, after every other phase and with
    // the other servers stopped (the first API would otherwise claim and apply these rows). Its rows
    // stay RECEIVED; the ids are new (phase "receipt"), the bodies those of the first payments.
    log(`webhook: the receipt alone (processing paused), warm-up, then ${sizes.full} events full speed`);
    for (const child of [inlineApp, baseline, careful]) {
      await child.stop();
      children.splice(children.indexOf(child), 1);
    }
    const receiptApp = startChild('./servers/app-server.ts', {
      env: separateEnv,
      stdout: 'ignore',
      execArgv,
    });
    children.push(receiptApp);
    const receiptUrl = String((await receiptApp.next('ready')).url);
    const receiptWarmup = await runJob(load, job(receiptUrl, 'rwarmup', 0, sizes.warmup));
    const receiptFullJob = job(receiptUrl, 'receipt', 0, sizes.full);
    const receiptFull = await measured(receiptApp, receiptFullJob);
    const receiptStored = (await countByStatus(database.db, 'receipt')).RECEIVED ?? 0;
    const cpu = {
      appFull: cpuOf(separate.fullJob),
      appRate: cpuOf(separate.rateJob),
      inlineFull: cpuOf(inline.fullJob),
      inlineRate: cpuOf(inline.rateJob),
      baselineFull: cpuOf(baseFullJob),
      baselineRate: cpuOf(baseRateJob),
      carefulFull: cpuOf(carefulFullJob),
      receiptOnlyFull: cpuOf(receiptFullJob),
    };

    const topology = `production topology: the API with WEBHOOK_PROCESSING=separate (stores and answers) + the webhook processor process at nice ${processorNice}`;
    const inlineRuns = inline.runs;
    const backlogNote = (check: PhaseCheck) =>
      check.backlogAtEnd === 0
        ? 'every event had been applied by the time the load ended: no backlog to drain'
        : `${check.backlogAtEnd} events were still unprocessed when the load ended; drained in ${check.drainSeconds.toFixed(1)} s`;
    const figures = [
      figure({
        benchmark: 'Webhook ingest',
        metric: 'events/s end to end, full speed (stored + applied)',
        value: fullCheck.endToEndRate,
        unit: 'ev/s',
        baseline: { label: 'bare Fastify + pg INSERT', value: baseFull.rps, unit: 'req/s' },
        ratioKind: 'share',
        targets: [{ on: 'ratio', op: '>=', threshold: 0.4, text: '≥ 0.4× the bare-INSERT route' }],
        note: `${topology}; ${fullCheck.succeededPayments} of ${sizes.full} payments succeeded; ${backlogNote(fullCheck)}`,
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: 'events/s end to end, full speed, against the careful handler',
        value: fullCheck.endToEndRate,
        unit: 'ev/s',
        baseline: {
          label: 'raw-pg one-transaction-per-event handler, end to end',
          value: carefulCheck.endToEndRate,
          unit: 'ev/s',
        },
        ratioKind: 'share',
        targets: [{ on: 'ratio', op: '>=', threshold: 1.5, text: '≥ 1.5× the raw-pg handler' }],
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: 'raw-pg one-transaction-per-event handler: events/s end to end (second baseline)',
        value: carefulCheck.endToEndRate,
        unit: 'ev/s',
        baseline: { label: 'bare Fastify + pg INSERT', value: baseFull.rps, unit: 'req/s' },
        ratioKind: 'share',
        note: `${carefulCheck.succeededPayments} of ${sizes.carefulFull} payments succeeded, ${carefulCheck.outboxMessages} outbox emails; ${carefulFull.non2xx} non-2xx answers`,
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: `durable receipt: HTTP answers/s, full speed (${sizes.connections} connections)`,
        value: appFull.rps,
        unit: 'req/s',
        baseline: { label: 'bare Fastify + pg INSERT', value: baseFull.rps, unit: 'req/s' },
        ratioKind: 'share',
        targets: [{ on: 'ratio', op: '>=', threshold: 0.6, text: '≥ 0.6× the bare-INSERT route' }],
        note: `${topology}; ${appFull.non2xx} non-2xx`,
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: 'inline topology (the API applies events itself): events/s end to end, full speed',
        value: inlineRuns.fullCheck.endToEndRate,
        unit: 'ev/s',
        baseline: { label: 'bare Fastify + pg INSERT', value: baseFull.rps, unit: 'req/s' },
        ratioKind: 'share',
        note: `WEBHOOK_PROCESSING=inline; ${inlineRuns.fullCheck.succeededPayments} of ${sizes.full} payments succeeded; ${backlogNote(inlineRuns.fullCheck)}`,
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: `inline topology: durable receipt, HTTP answers/s, full speed (${sizes.connections} connections)`,
        value: inlineRuns.full.rps,
        unit: 'req/s',
        baseline: { label: 'bare Fastify + pg INSERT', value: baseFull.rps, unit: 'req/s' },
        ratioKind: 'share',
        note: `${inlineRuns.full.non2xx} non-2xx; p50 ${inlineRuns.full.latency.p50} ms, p99 ${inlineRuns.full.latency.p99} ms`,
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: `durable receipt alone (processing paused): HTTP answers/s, full speed (${sizes.connections} connections)`,
        value: receiptFull.rps,
        unit: 'req/s',
        baseline: { label: 'bare Fastify + pg INSERT', value: baseFull.rps, unit: 'req/s' },
        ratioKind: 'share',
        note: `the API with WEBHOOK_PROCESSING=separate and no processor running, run last with the other servers stopped: ${receiptStored} of ${sizes.full} rows committed RECEIVED, ${receiptFull.non2xx} non-2xx; p50 ${receiptFull.latency.p50} ms, p99 ${receiptFull.latency.p99} ms. ${cpuNote(cpu.receiptOnlyFull, 'API')}`,
      }),
      cpuPerDelivery(
        'full speed: the API process (receipt only; the processor process applies)',
        cpu.appFull,
        'server',
        cpu.baselineFull,
        `${cpuNote(cpu.appFull, 'API')}. Bare route: ${cpuNote(cpu.baselineFull, 'bare route')}. Careful handler: ${cpuNote(cpu.carefulFull, 'careful handler')}`,
      ),
      cpuPerDelivery(
        'full speed: the processor process (batch processing, during the load)',
        cpu.appFull,
        'processor',
        cpu.baselineFull,
        'CPU the processor spent while the load ran; what it applied after the load ended (the backlog) is not in it',
      ),
      cpuPerDelivery(
        'full speed: API + processor (receipt + batch processing)',
        cpu.appFull,
        'serverAndProcessor',
        cpu.baselineFull,
        'the two processes of the production topology together, comparable with the inline API process below',
      ),
      cpuPerDelivery(
        'full speed: PostgreSQL (receipt + batch processing)',
        cpu.appFull,
        'postgres',
        cpu.baselineFull,
      ),
      cpuPerDelivery(
        'inline topology, full speed: the API process (receipt + batch processing)',
        cpu.inlineFull,
        'server',
        cpu.baselineFull,
        cpuNote(cpu.inlineFull, 'API'),
      ),
      cpuPerDelivery(
        'inline topology, full speed: PostgreSQL (receipt + batch processing)',
        cpu.inlineFull,
        'postgres',
        cpu.baselineFull,
      ),
      cpuPerDelivery('receipt alone: the API process', cpu.receiptOnlyFull, 'server', cpu.baselineFull),
      cpuPerDelivery('receipt alone: PostgreSQL', cpu.receiptOnlyFull, 'postgres', cpu.baselineFull),
      figure({
        benchmark: 'Webhook ingest',
        metric: 'p50 latency, full speed',
        value: appFull.latency.p50,
        unit: 'ms',
        baseline: { label: 'baseline', value: baseFull.latency.p50, unit: 'ms' },
        ratioKind: 'multiple',
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: 'p99 latency, full speed',
        value: appFull.latency.p99,
        unit: 'ms',
        baseline: { label: 'baseline', value: baseFull.latency.p99, unit: 'ms' },
        ratioKind: 'multiple',
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: `events/s achieved at a fixed ${sizes.rate}/s`,
        value: rateCheck.endToEndRate,
        unit: 'ev/s',
        baseline: { label: 'baseline', value: baseRate.rps, unit: 'req/s' },
        ratioKind: 'share',
        // Deliveries not answered 2xx were refused by the overload guard (503 + Retry-After; Stripe retries).
        note: `${appRate.ok} of ${appRate.sent} deliveries answered 2xx, ${appRate.non2xx} not (refused early: 503 + Retry-After)`,
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: `p50 latency at ${sizes.rate}/s`,
        value: appRate.latency.p50,
        unit: 'ms',
        baseline: { label: 'baseline', value: baseRate.latency.p50, unit: 'ms' },
        ratioKind: 'multiple',
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: `p99 latency at ${sizes.rate}/s`,
        value: appRate.latency.p99,
        unit: 'ms',
        baseline: { label: 'baseline', value: baseRate.latency.p99, unit: 'ms' },
        ratioKind: 'multiple',
        targets: [{ on: 'ratio', op: '<=', threshold: 2, text: "≤ 2× the bare route's p99" }],
        note: `${cpuNote(cpu.appRate, 'API')}. Bare route: ${cpuNote(cpu.baselineRate, 'bare route')}`,
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: `inline topology: events/s achieved at a fixed ${sizes.rate}/s`,
        value: inlineRuns.rateCheck.endToEndRate,
        unit: 'ev/s',
        baseline: { label: 'baseline', value: baseRate.rps, unit: 'req/s' },
        ratioKind: 'share',
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: `inline topology: p99 latency at ${sizes.rate}/s`,
        value: inlineRuns.rate.latency.p99,
        unit: 'ms',
        baseline: { label: 'baseline', value: baseRate.latency.p99, unit: 'ms' },
        ratioKind: 'multiple',
        note: cpuNote(cpu.inlineRate, 'API'),
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: 'backlog when the full-speed load ended (drained after)',
        value: fullCheck.backlogAtEnd,
        unit: 'events',
        note: backlogNote(fullCheck),
      }),
      figure({
        benchmark: 'Webhook ingest',
        metric: 'inline topology: backlog when the full-speed load ended (drained after)',
        value: inlineRuns.fullCheck.backlogAtEnd,
        unit: 'events',
        note: backlogNote(inlineRuns.fullCheck),
      }),
    ];
    return {
      figures,
      details: {
        sizes,
        app: separate.runs,
        processorNice,
        inline: inlineRuns,
        baseline: { warmup: baseWarmup, full: baseFull, rate: baseRate },
        careful: { warmup: carefulWarmup, full: carefulFull, fullCheck: carefulCheck },
        receiptOnly: { warmup: receiptWarmup, full: receiptFull, stored: receiptStored },
        cpu,
      },
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
    for (const close of closers) await close();
    await database.drop();
  }
}
