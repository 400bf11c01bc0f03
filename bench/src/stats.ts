import { createDb } from '@enrollpay/db';
import { createTestDatabase } from '@enrollpay/db/testing';
import { SpecialistStatsInputSchema } from '@enrollpay/schemas';
// The service and the rollup rebuild are measured in process; the tRPC procedure over HTTP, in the API's process.
import { createTokenService, loadEnv, rebuildDailyStats, specialistStats } from '@enrollpay/server';
import pg from 'pg';
import { type BenchChild, startChild } from './child.js';
import { type CpuBreakdown, profileCpu } from './cpu-profile.js';
import { serverEnv } from './env.js';
import { progressBar } from './progress.js';
import { type Figure, figure } from './results.js';
import { mean, quantile } from './stats-math.js';

export interface StatsSizes {
  payments: number;
  specialists: number;
  learners: number;
  batch: number;
  iterations: number;
}

export const STATS_FULL: StatsSizes = {
  payments: 1_000_000,
  specialists: 1000,
  learners: 10_000,
  batch: 50_000,
  iterations: 60,
};
/** `--quick`: the same 1,000,000 payments (the target is about them), half the rounds. */
export const STATS_QUICK: StatsSizes = { ...STATS_FULL, iterations: 30 };
export const STATS_SMOKE: StatsSizes = {
  payments: 5000,
  specialists: 20,
  learners: 100,
  batch: 2500,
  iterations: 5,
};

type Summary = { p50: number; p95: number; mean: number };

export interface StatsDetails {
  sizes: StatsSizes;
  seedSeconds: number;
  seedRowsPerSecond: number;
  rollupSeconds: number;
  rollupRows: number;
  largestSpecialist: { id: string; payments: number };
  /** specialistStats in this process (Prisma client on a pg pool): the figure the targets are about. */
  serviceMs: Summary;
  /** The naive single GROUP BY over Payment, same Prisma client. */
  naiveMs: Summary;
  /** The SELECTs the service sends per call. */
  statements: number;
  /**
   * PostgreSQL's own time for those statements: planning + execution, rows converted to their wire
   * format included (EXPLAIN (ANALYZE, TIMING OFF, SERIALIZE TEXT)), sending them excluded.
   */
  postgresMs: Summary;
  /** The same statements over a plain pg client: one round trip each, rows parsed (no Prisma). */
  pgRoundTripMs: Summary;
  /** The same statements through the service's Prisma client ($queryRawUnsafe): round trip + Prisma. */
  prismaRawMs: Summary;
  /** stats.specialist over HTTP against the real API (its own process): tRPC, Zod output, JSON, HTTP. */
  httpMs: Summary;
  /** Rows and bytes the service's statements return per call. */
  rowsPerCall: number;
  bytesPerCall: number;
  /** A CPU profile of `profiledCalls` service calls in this process. */
  profile: CpuBreakdown & { calls: number };
  seriesBuckets: number;
  currencies: string[];
}

/**
 * Payments spread over the last 400 days: specialist ss_0 gets every 20th (5%, the largest), the rest
 * are spread evenly; 80% succeeded, 10% failed, 5% refunded, 3% partly refunded, 2% disputed; ss_0's
 * third offering sells in EUR. Inserted set-based in batches, foreign-key triggers off (the rows are
 * consistent by construction).
 */
export async function seedPayments(
  url: string,
  sizes: StatsSizes,
  log: (line: string) => void,
): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    await client.query(`SET session_replication_role = replica`);
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "updatedAt")
       SELECT 'ss_' || i, 'specialist' || i || '@bench.test', 'Specialist ' || i, 'SPECIALIST'::"Role", now() FROM generate_series(0, $1::int - 1) i
       UNION ALL
       SELECT 'sl_' || i, 'learner' || i || '@bench.test', 'Learner ' || i, 'LEARNER'::"Role", now() FROM generate_series(0, $2::int - 1) i`,
      [sizes.specialists, sizes.learners],
    );
    await client.query(
      `INSERT INTO "Offering" (id, "specialistId", title, kind, "priceAmount", currency, "updatedAt")
       SELECT 'so_' || s || '_' || j, 'ss_' || s, 'Course ' || s || '/' || j, 'COURSE', 1000 + j * 500,
         CASE WHEN s = 0 AND j = 2 THEN 'eur' ELSE 'usd' END, now()
       FROM generate_series(0, $1::int - 1) s, generate_series(0, 2) j`,
      [sizes.specialists],
    );
    await client.query(
      `INSERT INTO "Enrollment" (id, "learnerId", "offeringId", status, "updatedAt")
       SELECT 'se_' || s || '_' || j, 'sl_' || ((s * 3 + j) % $2::int), 'so_' || s || '_' || j, 'CANCELLED', now()
       FROM generate_series(0, $1::int - 1) s, generate_series(0, 2) j`,
      [sizes.specialists, sizes.learners],
    );
    const bar = progressBar(log, 'stats: seeding payments', sizes.payments);
    for (let from = 0; from < sizes.payments; from += sizes.batch) {
      const to = Math.min(sizes.payments, from + sizes.batch) - 1;
      await client.query(
        `INSERT INTO "Payment" (id, "learnerId", "specialistId", "offeringId", "enrollmentId", "stripePaymentIntentId",
           "stripeChargeId", amount, "amountReceived", "amountRefunded", currency, "refundWindowDays", status, "succeededAt", "failedAt",
           "refundedAt", "disputedAt", "webhookVerified", "createdAt", "updatedAt")
         SELECT 'sp_' || k, 'sl_' || (k % $3::int), 'ss_' || s, 'so_' || s || '_' || j, 'se_' || s || '_' || j,
           'pi_s' || k, 'ch_s' || k, amount,
           CASE WHEN st = 'FAILED' THEN 0 ELSE amount END,
           CASE st WHEN 'REFUNDED' THEN amount WHEN 'PARTIALLY_REFUNDED' THEN amount / 2 ELSE 0 END,
           CASE WHEN s = 0 AND j = 2 THEN 'eur' ELSE 'usd' END, 14, st::"PaymentStatus",
           CASE WHEN st = 'FAILED' THEN NULL ELSE t END,
           CASE WHEN st = 'FAILED' THEN t END,
           CASE WHEN st IN ('REFUNDED', 'PARTIALLY_REFUNDED') THEN LEAST(t + interval '3 days', now()) END,
           CASE WHEN st = 'DISPUTED' THEN LEAST(t + interval '5 days', now()) END,
           true, t - interval '1 minute', t
         FROM (
           SELECT k,
             CASE WHEN k % 20 = 0 THEN 0 ELSE 1 + (k * 7919) % ($4::int - 1) END AS s,
             (k / 7) % 3 AS j,
             (1000 + (k % 50) * 100)::int AS amount,
             (now() - ((k * 104729) % (400 * 86400)) * interval '1 second')::timestamp(3) AS t,
             CASE WHEN (k * 31) % 100 < 80 THEN 'SUCCEEDED' WHEN (k * 31) % 100 < 90 THEN 'FAILED'
                  WHEN (k * 31) % 100 < 95 THEN 'REFUNDED' WHEN (k * 31) % 100 < 98 THEN 'PARTIALLY_REFUNDED'
                  ELSE 'DISPUTED' END AS st
           FROM generate_series($1::bigint, $2::bigint) AS k
         ) AS g`,
        [from, to, sizes.learners, Math.max(2, sizes.specialists)],
      );
      bar.increment(to - from + 1);
    }
    bar.stop();
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

const NAIVE = `
  SELECT "currency", date_trunc('day', COALESCE("succeededAt", "failedAt"))::date AS day,
    COALESCE(SUM("amountReceived"), 0)::bigint AS gross, COALESCE(SUM("amountRefunded"), 0)::bigint AS refunded,
    count(*) FILTER (WHERE "succeededAt" IS NOT NULL) AS succeeded, count(*) FILTER (WHERE "status" = 'FAILED') AS failed,
    count(*) FILTER (WHERE "amountRefunded" > 0) AS refunds, count(*) FILTER (WHERE "disputedAt" IS NOT NULL) AS disputes
  FROM "Payment"
  WHERE "specialistId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3
  GROUP BY 1, 2 ORDER BY 1, 2`;

const summary = (values: number[]): Summary => ({
  p50: quantile(values, 0.5),
  p95: quantile(values, 0.95),
  mean: mean(values),
});

interface ExplainPlan {
  'Planning Time': number;
  'Execution Time': number;
  Serialization?: { 'Output Volume'?: number };
  Plan: { 'Actual Rows'?: number };
}

/**
 * Benchmark 3: stats.specialist for the largest specialist over a year by day, read from the
 * PaymentDailyStat rollup, against the naive single aggregate over the raw Payment table; and where its
 * time goes, layer by layer, each measured in the same loop: PostgreSQL's own time, a plain pg round
 * trip, the same through Prisma, the service, and the tRPC procedure over HTTP.
 */
export async function benchStats(
  sizes: StatsSizes,
  log: (line: string) => void,
): Promise<{ figures: Figure[]; details: StatsDetails }> {
  const database = await createTestDatabase();
  let api: BenchChild | undefined;
  try {
    const db = database.db;
    const seedSeconds = await seedPayments(database.url, sizes, log);
    log('stats: building the daily rollup (rebuildDailyStats)');
    const rollupStarted = performance.now();
    const rollupRows = await rebuildDailyStats(db);
    const rollupSeconds = (performance.now() - rollupStarted) / 1000;
    await db.$executeRawUnsafe('ANALYZE "PaymentDailyStat"');

    const [largest] = await db.$queryRawUnsafe<{ id: string; n: bigint }[]>(
      `SELECT "specialistId" AS id, count(*) AS n FROM "Payment" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    if (!largest) throw new Error('no payments were seeded');
    const now = new Date();
    const from = new Date(now.getTime() - 365 * 86_400_000);
    const input = SpecialistStatsInputSchema.parse({
      from: from.toISOString(),
      to: now.toISOString(),
      granularity: 'day',
    });
    const principal = { userId: largest.id, role: 'SPECIALIST' as const };
    const service = () => specialistStats(db, principal, input);
    const naive = () => db.$queryRawUnsafe(NAIVE, largest.id, from, now);

    // The real API in its own process, for the procedure over HTTP (no Stripe call on this path).
    const env = serverEnv(database.url, 'http://127.0.0.1:9');
    api = startChild('./servers/app-server.ts', { env, stdout: 'ignore' });
    const apiUrl = String((await api.next('ready')).url);
    const { token } = await createTokenService(loadEnv(env), { now: () => new Date() }).issue({
      userId: largest.id,
      role: 'SPECIALIST',
    });
    const httpUrl = `${apiUrl}/api/trpc/stats.specialist?input=${encodeURIComponent(JSON.stringify(input))}`;
    const overHttp = async () => {
      const response = await fetch(httpUrl, { headers: { authorization: `Bearer ${token}` } });
      const text = await response.text();
      if (response.status !== 200)
        throw new Error(`stats.specialist over HTTP: ${response.status} ${text.slice(0, 300)}`);
      return text.length;
    };

    // The statements the service sends, captured on the pg connections of a second client, so
    // PostgreSQL's own time for exactly them can be measured.
    const sent: { sql: string; values: readonly unknown[] }[] = [];
    const recording = createDb({
      url: database.url,
      onStatement: (sql, values) => sent.push({ sql, values }),
    });
    await specialistStats(recording, principal, input);
    await recording.$disconnect();
    const queries = sent.filter((q) => /^\s*(select|with)\b/i.test(q.sql));
    const pgClient = new pg.Client({ connectionString: database.url });
    await pgClient.connect();
    let rowsPerCall = 0;
    let bytesPerCall = 0;
    const postgresTime = async () => {
      let ms = 0;
      let rows = 0;
      let bytes = 0;
      for (const q of queries) {
        const result = await pgClient.query<{ 'QUERY PLAN': ExplainPlan[] }>(
          `EXPLAIN (ANALYZE, TIMING OFF, SERIALIZE TEXT, FORMAT JSON) ${q.sql}`,
          [...q.values],
        );
        const plan = result.rows[0]?.['QUERY PLAN'][0];
        ms += (plan?.['Planning Time'] ?? 0) + (plan?.['Execution Time'] ?? 0);
        rows += plan?.Plan['Actual Rows'] ?? 0;
        bytes += (plan?.Serialization?.['Output Volume'] ?? 0) * 1024;
      }
      rowsPerCall = rows;
      bytesPerCall = bytes;
      return ms;
    };
    const pgRoundTrip = async () => {
      for (const q of queries) await pgClient.query(q.sql, [...q.values]);
    };
    const prismaRaw = async () => {
      for (const q of queries) await db.$queryRawUnsafe(q.sql, ...q.values);
    };

    log(
      `stats: ${sizes.iterations} rounds (service, HTTP, naive, PostgreSQL, pg, Prisma) for ${largest.id} (${largest.n} payments)`,
    );
    const times = {
      service: [] as number[],
      http: [] as number[],
      naive: [] as number[],
      postgres: [] as number[],
      pg: [] as number[],
      prisma: [] as number[],
    };
    const time = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    for (let i = 0; i < 5; i++) {
      await service();
      await overHttp();
      await naive();
      await pgRoundTrip();
      await prismaRaw();
    }
    let output = await service();
    for (let i = 0; i < sizes.iterations; i++) {
      // Alternate, so drift on a shared machine hits every layer alike.
      times.service.push(await time(async () => (output = await service())));
      times.http.push(await time(overHttp));
      times.naive.push(await time(naive));
      times.postgres.push(await postgresTime());
      times.pg.push(await time(pgRoundTrip));
      times.prisma.push(await time(prismaRaw));
    }
    const profiledCalls = Math.max(5, sizes.iterations);
    log(`stats: CPU profile of ${profiledCalls} service calls`);
    const profile = await profileCpu(async () => {
      for (let i = 0; i < profiledCalls; i++) await service();
    });
    await pgClient.end();
    const details: StatsDetails = {
      sizes,
      seedSeconds,
      seedRowsPerSecond: sizes.payments / seedSeconds,
      rollupSeconds,
      rollupRows,
      largestSpecialist: { id: largest.id, payments: Number(largest.n) },
      serviceMs: summary(times.service),
      naiveMs: summary(times.naive),
      statements: queries.length,
      postgresMs: summary(times.postgres),
      pgRoundTripMs: summary(times.pg),
      prismaRawMs: summary(times.prisma),
      httpMs: summary(times.http),
      rowsPerCall,
      bytesPerCall,
      profile: { ...profile, calls: profiledCalls },
      seriesBuckets: output.currencies[0]?.series.length ?? 0,
      currencies: output.currencies.map((c) => c.currency),
    };
    const label = 'naive aggregate over Payment';
    const pgLabel =
      'PostgreSQL: planning + execution incl. serializing rows (EXPLAIN ANALYZE, TIMING OFF, SERIALIZE)';
    const sampled = Object.values(profile.byCategory).reduce((sum, ms) => sum + ms, 0) || 1;
    const cpu = Object.entries(profile.byCategory)
      .sort(([, a], [, b]) => b - a)
      .map(([category, ms]) => `${category} ${((ms / sampled) * 100).toFixed(0)}%`)
      .join(', ');
    const figures = [
      figure({
        benchmark: 'Specialist stats',
        metric: `p50, largest specialist (${details.largestSpecialist.payments.toLocaleString('en-US')} payments), 1 year by day`,
        value: details.serviceMs.p50,
        unit: 'ms',
        baseline: { label, value: details.naiveMs.p50, unit: 'ms' },
        ratioKind: 'speedup',
      }),
      figure({
        benchmark: 'Specialist stats',
        metric: 'p95, same query',
        value: details.serviceMs.p95,
        unit: 'ms',
        baseline: { label, value: details.naiveMs.p95, unit: 'ms' },
        ratioKind: 'speedup',
        targets: [{ on: 'ratio', op: '>=', threshold: 20, text: '≥ 20× faster' }],
      }),
      figure({
        benchmark: 'Specialist stats',
        metric: 'p95, same query, against PostgreSQL itself',
        value: details.serviceMs.p95,
        unit: 'ms',
        baseline: { label: pgLabel, value: details.postgresMs.p95, unit: 'ms' },
        ratioKind: 'multiple',
        targets: [{ on: 'ratio', op: '<=', threshold: 2, text: '≤ 2× PostgreSQL' }],
        note: `${details.statements} statement(s), ${rowsPerCall} row(s), ${(bytesPerCall / 1024).toFixed(1)} KiB per call; PostgreSQL p50 ${details.postgresMs.p50.toFixed(2)} ms`,
      }),
      figure({
        benchmark: 'Specialist stats',
        metric: 'p95, the same statements over a plain pg client (round trip, rows parsed)',
        value: details.pgRoundTripMs.p95,
        unit: 'ms',
        baseline: { label: 'PostgreSQL itself', value: details.postgresMs.p95, unit: 'ms' },
        ratioKind: 'multiple',
        note: `p50 ${details.pgRoundTripMs.p50.toFixed(2)} ms`,
      }),
      figure({
        benchmark: 'Specialist stats',
        metric: 'p95, the same statements through Prisma ($queryRawUnsafe)',
        value: details.prismaRawMs.p95,
        unit: 'ms',
        baseline: { label: 'PostgreSQL itself', value: details.postgresMs.p95, unit: 'ms' },
        ratioKind: 'multiple',
        note: `p50 ${details.prismaRawMs.p50.toFixed(2)} ms`,
      }),
      figure({
        benchmark: 'Specialist stats',
        metric: 'p95, stats.specialist over HTTP (tRPC, output validation, JSON, the API in its own process)',
        value: details.httpMs.p95,
        unit: 'ms',
        baseline: { label: 'PostgreSQL itself', value: details.postgresMs.p95, unit: 'ms' },
        ratioKind: 'multiple',
        note: `p50 ${details.httpMs.p50.toFixed(2)} ms; CPU profile of ${profiledCalls} in-process service calls (${profile.wallMs.toFixed(0)} ms wall): ${cpu}`,
      }),
      figure({
        benchmark: 'Specialist stats',
        metric: `seed ${sizes.payments.toLocaleString('en-US')} payments / ${sizes.specialists} specialists`,
        value: details.seedRowsPerSecond,
        unit: 'rows/s',
        note: `seed took ${seedSeconds.toFixed(1)} s; rebuildDailyStats wrote ${rollupRows.toLocaleString('en-US')} rollup rows in ${rollupSeconds.toFixed(1)} s`,
      }),
    ];
    return { figures, details };
  } finally {
    await api?.stop();
    await database.drop();
  }
}
