import { createTestDatabase } from '@enrollpay/db/testing';
// The bench signs tokens the way the API does (same secret), for learners it seeds itself.
import { createTokenService, loadEnv } from '@enrollpay/server';
import { type BenchChild, startChild } from './child.js';
import { serverEnv } from './env.js';
import type { IntentJob, IntentResult } from './load/jobs.js';
import { processCpuMs } from './machine.js';
import { type Figure, figure } from './results.js';
import { mean, quantile } from './stats-math.js';

export interface IntentSizes {
  rate: number;
  warmup: number;
  calls: number;
  /**
   * A second, gentler run (rate, calls): latency below saturation; first purchases. It alternates with
   * the bare route's run at the same rate in `blocks` blocks (ours first in even blocks, the bare route
   * first in odd ones), so the two meet the same machine.
   */
  low: { rate: number; calls: number; blocks: number };
  /** A third run at `factor` × the saturating rate (the first run's achieved rate): no 5xx but early 503s. */
  overload: { factor: number; calls: number };
  /** Returning learners (the warm-up's, who own a Stripe customer) buying a second offering, at `low.rate`. */
  returning: number;
}

export const INTENT_FULL: IntentSizes = {
  rate: 100,
  warmup: 100,
  calls: 2000,
  low: { rate: 25, calls: 500, blocks: 10 },
  overload: { factor: 4, calls: 2000 },
  returning: 100,
};
/** `--quick`: half the calls of each run, same rates. */
export const INTENT_QUICK: IntentSizes = {
  rate: 100,
  warmup: 50,
  calls: 1000,
  low: { rate: 25, calls: 250, blocks: 5 },
  overload: { factor: 4, calls: 1000 },
  returning: 50,
};
export const INTENT_SMOKE: IntentSizes = {
  rate: 20,
  warmup: 5,
  calls: 20,
  low: { rate: 10, calls: 5, blocks: 1 },
  overload: { factor: 4, calls: 40 },
  returning: 5,
};

/** What the overload run saw: every answer by status, and how many the server refused before any work. */
export interface OverloadDetails {
  rate: number;
  calls: number;
  statuses: Record<string, number>;
  /** 5xx other than 503: errors, where the server should have refused early or succeeded. */
  errors5xx: number;
  /** 503s answered before any work (enrollpay_http_refused_total, by reason). */
  refusedEarly: Record<string, number>;
  succeeded: number;
}

/** CPU time (user + system) each process spent during one run, in ms (null: not measurable here). */
export interface CpuOfRun {
  api: number | null;
  emulator: number | null;
  load: number | null;
  /** Wall time of the run, ms. */
  wallMs: number;
  /** Answered calls (any status) the CPU was spent on. */
  calls: number;
}

export interface IntentDetails {
  sizes: IntentSizes;
  failed: number;
  failures: string[];
  seconds: number;
  achievedRate: number;
  stripeCallsPerRequest: number;
  totalMs: { p50: number; p95: number; p99: number; mean: number };
  stripeMs: { p50: number; p95: number; p99: number; mean: number };
  ownMs: { p50: number; p95: number; p99: number; mean: number };
  low: {
    failed: number;
    achievedRate: number;
    totalMs: Summary;
    stripeMs: Summary;
    ownMs: Summary;
    /** The own share with Stripe's time as the SDK reports it (whole milliseconds a call), for comparison. */
    ownBySdkMs: Summary;
  };
  /** SQL statements per call, counted on the API's pg connections (low-rate runs: no pool waits). */
  statements: { firstPurchase: StatementCount; returning: StatementCount };
  returning: { failed: number; failures: string[]; stripeCallsPerRequest: number; ownMs: Summary };
  /** The bare Fastify + pg INSERT route, same open-loop runner at `low.rate`. */
  bare: { failed: number; totalMs: Summary };
  overload: OverloadDetails;
  /** CPU per process per run: the API, the Stripe emulator (its own process) and the load generator. */
  cpu: { saturating: CpuOfRun; low: CpuOfRun; overload: CpuOfRun };
}

/** enrollpay_http_refused_total by reason, from the server's /metrics. */
async function refusedEarly(url: string, token: string): Promise<Record<string, number>> {
  const text = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
    r.text(),
  );
  const byReason: Record<string, number> = {};
  for (const m of text.matchAll(/^enrollpay_http_refused_total\{reason="([^"]+)"\} (\d+)/gm))
    byReason[m[1] ?? ''] = Number(m[2]);
  return byReason;
}

export interface StatementCount {
  mean: number;
  max: number;
  min: number;
  calls: number;
}

const statementCount = (values: number[]): StatementCount => ({
  mean: mean(values),
  max: Math.max(...values),
  min: Math.min(...values),
  calls: values.length,
});

type Summary = { p50: number; p95: number; p99: number; mean: number };

/** Several runs of one kind as one: their samples and answers together, their seconds added. */
function mergeResults(results: IntentResult[]): IntentResult {
  const statuses: Record<string, number> = {};
  for (const r of results)
    for (const [status, n] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return {
    samples: results.flatMap((r) => r.samples),
    statuses,
    failures: results.flatMap((r) => r.failures).slice(0, 5),
    failed: results.reduce((sum, r) => sum + r.failed, 0),
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
  };
}

/** The CPU of several runs together (null when any is unmeasurable). */
function mergeCpu(runs: CpuOfRun[]): CpuOfRun {
  const add = (pick: (c: CpuOfRun) => number | null) =>
    runs.reduce<number | null>(
      (sum, c) => (sum === null || pick(c) === null ? null : sum + (pick(c) ?? 0)),
      0,
    );
  return {
    api: add((c) => c.api),
    emulator: add((c) => c.emulator),
    load: add((c) => c.load),
    wallMs: runs.reduce((sum, c) => sum + c.wallMs, 0),
    calls: runs.reduce((sum, c) => sum + c.calls, 0),
  };
}

const summary = (values: number[]) => ({
  p50: quantile(values, 0.5),
  p95: quantile(values, 0.95),
  p99: quantile(values, 0.99),
  mean: mean(values),
});

/**
 * Benchmark 2: payments.createIntent over HTTP at a fixed rate against the emulator. Each call is a
 * first purchase by a new learner (so: a Stripe customer, then the PaymentIntent), the realistic
 * worst case. Our own share = total − the time the SDK spent in Stripe calls during that request.
 */
export async function benchIntents(
  sizes: IntentSizes,
  log: (line: string) => void,
): Promise<{ figures: Figure[]; details: IntentDetails }> {
  const database = await createTestDatabase();
  const children: BenchChild[] = [];
  try {
    // The emulator in its own process: its CPU is Stripe's, not ours, and is measured apart.
    const emulatorChild = startChild('./servers/emulator-server.ts', { stdout: 'ignore' });
    children.push(emulatorChild);
    const emulator = { url: String((await emulatorChild.next('ready')).url) };
    const db = database.db;
    const count = sizes.warmup + sizes.calls + sizes.low.calls + sizes.overload.calls;
    await db.$executeRawUnsafe(
      `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ('cis', 'ci-specialist@bench.test', 'Bench Specialist', 'SPECIALIST', now())`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "Offering" (id, "specialistId", title, kind, "priceAmount", currency, "updatedAt")
       SELECT 'cio_' || i, 'cis', 'Bench course ' || i, 'COURSE', 4900 + i * 100, 'usd', now() FROM generate_series(0, 9) AS i`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "User" (id, email, name, role, "updatedAt")
       SELECT 'cil_' || i, 'ci-learner' || i || '@bench.test', 'Bench Learner ' || i, 'LEARNER', now()
       FROM generate_series(0, $1::int - 1) AS i`,
      count,
    );
    const env = serverEnv(database.url, emulator.url);
    const tokens = createTokenService(loadEnv(env), { now: () => new Date() });
    const calls: IntentJob['calls'] = [];
    for (let i = 0; i < count; i++) {
      const { token } = await tokens.issue({ userId: `cil_${i}`, role: 'LEARNER' });
      calls.push({ token, offeringId: `cio_${i % 10}`, key: `cil_${i}` });
    }

    const returningCalls: IntentJob['calls'] = [];
    for (let i = 0; i < Math.min(sizes.returning, sizes.warmup); i++) {
      const { token } = await tokens.issue({ userId: `cil_${i}`, role: 'LEARNER' });
      returningCalls.push({ token, offeringId: `cio_${(i + 1) % 10}`, key: `cil_${i}_again` });
    }

    // BENCH_PROFILE_DIR: write a V8 CPU profile of the API process there (open it in Chrome DevTools).
    // It reads the x-bench-* headers (Stripe time and SQL statements per call).
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const app = startChild('./servers/app-server.ts', {
      env: { ...env, BENCH_REQUEST_ACCOUNTING: 'true' },
      stdout: 'ignore',
      execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    children.push(app);
    const bareServer = startChild('./servers/baseline-server.ts', {
      env: { BENCH_DATABASE_URL: database.url },
      stdout: 'ignore',
    });
    children.push(bareServer);
    const load = startChild('./load/load.ts');
    children.push(load);
    const [ready, bareReady] = await Promise.all([
      app.next('ready'),
      bareServer.next('ready'),
      load.next('ready'),
    ]);
    const url = String(ready.url);
    const cpuNow = () => ({
      api: processCpuMs(app.pid),
      emulator: processCpuMs(emulatorChild.pid),
      load: processCpuMs(load.pid),
    });
    const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
    const run = async (job: IntentJob): Promise<{ result: IntentResult; cpu: CpuOfRun }> => {
      const before = cpuNow();
      const started = performance.now();
      load.send({ type: 'job', kind: 'intent', job });
      const result = (await load.next('result')).result as IntentResult;
      const after = cpuNow();
      const cpu = {
        api: diff(before.api, after.api),
        emulator: diff(before.emulator, after.emulator),
        load: diff(before.load, after.load),
        wallMs: performance.now() - started,
        calls: Object.values(result.statuses).reduce((a, b) => a + b, 0),
      };
      return { result, cpu };
    };
    log(`createIntent: warm-up, then ${sizes.calls} calls at ${sizes.rate}/s`);
    await run({ url, rate: sizes.rate, calls: calls.slice(0, sizes.warmup) });
    const saturatingRun = await run({
      url,
      rate: sizes.rate,
      calls: calls.slice(sizes.warmup, sizes.warmup + sizes.calls),
    });
    const result = saturatingRun.result;

    // Below saturation, ours and the bare route alternate in blocks at the same rate (IntentSizes.low).
    log(
      `createIntent: ${sizes.low.calls} calls at ${sizes.low.rate}/s, alternating with the bare route in ${sizes.low.blocks} blocks`,
    );
    const lowStart = sizes.warmup + sizes.calls;
    const lowCalls = calls.slice(lowStart, lowStart + sizes.low.calls);
    const lowRuns: Awaited<ReturnType<typeof run>>[] = [];
    const bareRuns: Awaited<ReturnType<typeof run>>[] = [];
    const perBlock = Math.ceil(lowCalls.length / sizes.low.blocks);
    for (let block = 0; block < sizes.low.blocks; block++) {
      const blockCalls = lowCalls.slice(block * perBlock, (block + 1) * perBlock);
      if (blockCalls.length === 0) break;
      const ours = () => run({ url, rate: sizes.low.rate, calls: blockCalls });
      // The bare route ignores the body: the same calls, a bare INSERT each.
      const bare = () =>
        run({
          url: String(bareReady.url),
          path: '/api/webhooks/stripe',
          rate: sizes.low.rate,
          calls: blockCalls,
        });
      if (block % 2 === 0) {
        lowRuns.push(await ours());
        bareRuns.push(await bare());
      } else {
        bareRuns.push(await bare());
        lowRuns.push(await ours());
      }
    }
    const low = mergeResults(lowRuns.map((r) => r.result));
    const bare = mergeResults(bareRuns.map((r) => r.result));
    const lowCpu = mergeCpu(lowRuns.map((r) => r.cpu));

    log(`createIntent: ${returningCalls.length} returning learners at ${sizes.low.rate}/s`);
    const returning = (await run({ url, rate: sizes.low.rate, calls: returningCalls })).result;

    // Overload: 4× the rate the first run achieved (its saturating rate), new learners again.
    const saturating = Math.min(sizes.rate, result.samples.length / result.seconds) || sizes.rate;
    const overloadRate = Math.max(1, Math.round(sizes.overload.factor * saturating));
    log(
      `createIntent: ${sizes.overload.calls} calls at ${overloadRate}/s (${sizes.overload.factor}× saturation)`,
    );
    const metricsToken = env.METRICS_TOKEN ?? '';
    const refusedBefore = await refusedEarly(url, metricsToken);
    const overRun = await run({ url, rate: overloadRate, calls: calls.slice(lowStart + sizes.low.calls) });
    const over = overRun.result;
    const refusedAfter = await refusedEarly(url, metricsToken);
    const overload: OverloadDetails = {
      rate: overloadRate,
      calls: sizes.overload.calls,
      statuses: over.statuses,
      errors5xx: Object.entries(over.statuses)
        .filter(([status]) => /^5\d\d$/.test(status) && status !== '503')
        .reduce((sum, [, n]) => sum + n, 0),
      refusedEarly: Object.fromEntries(
        Object.entries(refusedAfter).map(([reason, n]) => [reason, n - (refusedBefore[reason] ?? 0)]),
      ),
      succeeded: over.samples.length,
    };

    const total = result.samples.map((s) => s.totalMs);
    const stripe = result.samples.map((s) => s.stripeMs);
    const own = result.samples.map((s) => s.totalMs - s.stripeMs);
    const details: IntentDetails = {
      sizes,
      failed: result.failed,
      failures: result.failures,
      seconds: result.seconds,
      achievedRate: result.samples.length / result.seconds,
      stripeCallsPerRequest: mean(result.samples.map((s) => s.stripeCalls)),
      totalMs: summary(total),
      stripeMs: summary(stripe),
      ownMs: summary(own),
      low: {
        failed: low.failed,
        achievedRate: low.samples.length / low.seconds,
        totalMs: summary(low.samples.map((s) => s.totalMs)),
        stripeMs: summary(low.samples.map((s) => s.stripeMs)),
        ownMs: summary(low.samples.map((s) => s.totalMs - s.stripeMs)),
        ownBySdkMs: summary(low.samples.map((s) => s.totalMs - s.stripeSdkMs)),
      },
      overload,
      statements: {
        firstPurchase: statementCount(low.samples.map((s) => s.sqlStatements)),
        returning: statementCount(returning.samples.map((s) => s.sqlStatements)),
      },
      returning: {
        failed: returning.failed,
        failures: returning.failures,
        stripeCallsPerRequest: mean(returning.samples.map((s) => s.stripeCalls)),
        ownMs: summary(returning.samples.map((s) => s.totalMs - s.stripeMs)),
      },
      bare: { failed: bare.failed, totalMs: summary(bare.samples.map((s) => s.totalMs)) },
      cpu: {
        saturating: saturatingRun.cpu,
        low: lowCpu,
        overload: overRun.cpu,
      },
    };
    const perCall = (ms: number | null, c: CpuOfRun) => (ms === null || c.calls === 0 ? null : ms / c.calls);
    const coreShare = (ms: number | null, c: CpuOfRun) =>
      ms === null ? 'n/a' : `${((ms / c.wallMs) * 100).toFixed(0)}% of a core`;
    const cpuNote = (c: CpuOfRun) =>
      `over ${c.calls} calls in ${(c.wallMs / 1000).toFixed(1)} s: API ${coreShare(c.api, c)}, emulator ${coreShare(c.emulator, c)}, load generator ${coreShare(c.load, c)}`;
    const early = Object.values(overload.refusedEarly).reduce((a, b) => a + b, 0);
    const figures = [
      figure({
        benchmark: 'createIntent',
        metric: `p50 total latency at ${sizes.rate}/s`,
        value: details.totalMs.p50,
        unit: 'ms',
        baseline: { label: 'Stripe calls inside it', value: details.stripeMs.p50, unit: 'ms' },
        ratioKind: 'multiple',
      }),
      figure({
        benchmark: 'createIntent',
        metric: `p95 total latency at ${sizes.rate}/s`,
        value: details.totalMs.p95,
        unit: 'ms',
        baseline: { label: 'Stripe calls inside it', value: details.stripeMs.p95, unit: 'ms' },
        ratioKind: 'multiple',
      }),
      figure({
        benchmark: 'createIntent',
        metric: 'p50 own share (total − Stripe)',
        value: details.ownMs.p50,
        unit: 'ms',
        baseline: { label: 'total', value: details.totalMs.p50, unit: 'ms' },
        ratioKind: 'share',
      }),
      figure({
        benchmark: 'createIntent',
        metric: 'p95 own share (total − Stripe)',
        value: details.ownMs.p95,
        unit: 'ms',
        baseline: { label: 'total', value: details.totalMs.p95, unit: 'ms' },
        ratioKind: 'share',
        note: `${details.stripeCallsPerRequest.toFixed(2)} Stripe calls per request (customer + PaymentIntent); ${result.failed} of ${sizes.calls} calls failed; achieved ${details.achievedRate.toFixed(1)}/s`,
      }),
      figure({
        benchmark: 'createIntent',
        metric: `p50 total latency at ${sizes.low.rate}/s (below saturation)`,
        value: details.low.totalMs.p50,
        unit: 'ms',
        baseline: { label: 'Stripe calls inside it', value: details.low.stripeMs.p50, unit: 'ms' },
        ratioKind: 'multiple',
      }),
      figure({
        benchmark: 'createIntent',
        metric: `p95 own share (total − Stripe) at ${sizes.low.rate}/s`,
        value: details.low.ownMs.p95,
        unit: 'ms',
        baseline: { label: 'total', value: details.low.totalMs.p95, unit: 'ms' },
        ratioKind: 'share',
      }),
      figure({
        benchmark: 'createIntent',
        metric: `5xx answers other than early refusals at ${overloadRate}/s (${sizes.overload.factor}× saturation)`,
        // Strict reading of the target: an early refusal (503 before any work) is counted apart; every
        // other 5xx, including a 503 after work had started (a pool or transaction timeout), counts.
        value: overload.errors5xx + Math.max(0, (overload.statuses['503'] ?? 0) - early),
        unit: 'responses',
        baseline: { label: 'calls', value: overload.calls, unit: 'responses' },
        ratioKind: 'share',
        targets: [{ on: 'value', op: '<=', threshold: 0, text: '0 (early 503s counted apart)' }],
        note: `answers by status ${JSON.stringify(overload.statuses)}; ${early} refused early with 503 + Retry-After (${JSON.stringify(overload.refusedEarly)}); ${overload.succeeded} succeeded; ${overload.errors5xx} 5xx other than 503, ${Math.max(0, (overload.statuses['503'] ?? 0) - early)} 503 after work had started; CPU ${cpuNote(details.cpu.overload)}`,
      }),
      figure({
        benchmark: 'createIntent',
        metric: `p95 own share (total − Stripe) at ${sizes.low.rate}/s, against the bare route`,
        value: details.low.ownMs.p95,
        unit: 'ms',
        baseline: {
          label: `bare Fastify + pg INSERT p95 at ${sizes.low.rate}/s`,
          value: details.bare.totalMs.p95,
          unit: 'ms',
        },
        ratioKind: 'multiple',
        targets: [{ on: 'ratio', op: '<=', threshold: 3, text: "≤ 3× the bare route's p95" }],
        note: `Stripe's time timed around the SDK's HTTP client (performance.now()); with the SDK's own whole-millisecond \`elapsed\` instead (as before 2026-12-01) the own share's p95 is ${details.low.ownBySdkMs.p95.toFixed(2)} ms (${(details.low.ownBySdkMs.p95 / details.bare.totalMs.p95).toFixed(3)}×)`,
      }),
      figure({
        benchmark: 'createIntent',
        metric: `CPU per call at ${sizes.low.rate}/s, the API process`,
        value: perCall(details.cpu.low.api, details.cpu.low),
        unit: 'ms',
        baseline: {
          label: 'the Stripe emulator, its own process (Stripe’s work, not ours)',
          value: perCall(details.cpu.low.emulator, details.cpu.low),
          unit: 'ms',
        },
        ratioKind: 'multiple',
        note: cpuNote(details.cpu.low),
      }),
      figure({
        benchmark: 'createIntent',
        metric: `CPU per call at ${sizes.rate}/s, the API process`,
        value: perCall(details.cpu.saturating.api, details.cpu.saturating),
        unit: 'ms',
        baseline: {
          label: 'the Stripe emulator, its own process',
          value: perCall(details.cpu.saturating.emulator, details.cpu.saturating),
          unit: 'ms',
        },
        ratioKind: 'multiple',
        note: cpuNote(details.cpu.saturating),
      }),
      figure({
        benchmark: 'createIntent',
        metric: 'SQL statements per call, first purchase (most in one call)',
        value: details.statements.firstPurchase.max,
        unit: 'statements',
        targets: [{ on: 'value', op: '<=', threshold: 10, text: '≤ 10' }],
        note: `counted on the API's pg connections over ${details.statements.firstPurchase.calls} calls: mean ${details.statements.firstPurchase.mean.toFixed(1)}, min ${details.statements.firstPurchase.min}`,
      }),
      figure({
        benchmark: 'createIntent',
        metric: 'SQL statements per call, returning learner (most in one call)',
        value: details.statements.returning.max,
        unit: 'statements',
        targets: [{ on: 'value', op: '<=', threshold: 8, text: '≤ 8' }],
        note: `counted on the API's pg connections over ${details.statements.returning.calls} calls: mean ${details.statements.returning.mean.toFixed(1)}, min ${details.statements.returning.min}; ${details.returning.stripeCallsPerRequest.toFixed(2)} Stripe calls per request`,
      }),
    ];
    return { figures, details };
  } finally {
    for (const child of children.reverse()) await child.stop();
    await database.drop();
  }
}
