// The webhook processor's drain alone, for working on the CPU that applying events costs
// (`pnpm --filter @enrollpay/bench run bench:drain`; not part of `pnpm bench`). One PostgreSQL, the
// emulator (PaymentIntents for the seeded payments, and the event's shape), the API with
// WEBHOOK_PROCESSING=separate, the processor in its own process (as production runs it, not niced here),
// and the load generator. Each round: the processor is stopped (SIGSTOP), DRAIN_EVENTS events are
// delivered and stored, the processor is continued (SIGCONT) and timed until every event of the round is
// PROCESSED; the processor's and PostgreSQL's CPU over the drain come from /proc. The first round is a
// warm-up (not counted). Prints every round and the medians. BENCH_PROFILE_DIR writes a V8 CPU profile
// of the processor there; DRAIN_PERF_DIR a `perf record -a -g` of each counted drain; BENCH_PG_STATEMENTS=true the statements of the last round by PostgreSQL's time. Env: DRAIN_EVENTS (default 2000), DRAIN_ROUNDS (4, warm-up included).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createTestDatabase } from '@enrollpay/db/testing';
import { startEmulator } from '@enrollpay/stripe-emulator';
import Stripe from 'stripe';
import { type BenchChild, startChild } from './child.js';
import { serverEnv } from './env.js';
import { loadAverage, parentPid, processCpuMs, processCpuSplitMs, processTreeCpuMs } from './machine.js';
import { startBenchPostgres } from './postgres.js';
import { runProbe } from './probe.js';
import { seedPendingPayments } from './seed.js';
import { median } from './stats-math.js';
import { runJob, succeedIntents } from './webhook.js';

const EVENTS = Number(process.env.DRAIN_EVENTS ?? 2000);
const ROUNDS = Number(process.env.DRAIN_ROUNDS ?? 4);
/** BENCH_PG_STATEMENTS=true: the top statements of the last round, from pg_stat_statements. */
const statements = process.env.BENCH_PG_STATEMENTS === 'true';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function main() {
  const postgres = await startBenchPostgres();
  const database = await createTestDatabase();
  const emulator = await startEmulator({ port: 0 });
  const children: BenchChild[] = [];
  try {
    const { db } = database;
    const total = EVENTS * ROUNDS;
    await seedPendingPayments(db, 'dr', total);
    const stripe = new Stripe('sk_test_enrollpay_bench', { ...emulator.stripeConfig, maxNetworkRetries: 0 });
    const { items, template } = await succeedIntents(db, stripe, 'dr', total, () => undefined);
    const env: Record<string, string> = {
      ...serverEnv(database.url, emulator.url),
      WEBHOOK_PROCESSING: 'separate',
      WEBHOOK_PROCESSOR_NICE: '0',
    };
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const app = startChild('./servers/app-server.ts', { env, stdout: 'ignore' });
    const processor = startChild('./servers/processor-server.ts', {
      env,
      stdout: 'ignore',
      execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    const load = startChild('./load/load.ts');
    children.push(app, processor, load);
    const [appReady] = await Promise.all([app.next('ready'), processor.next('ready'), load.next('ready')]);
    const [pgRow] = await db.$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
    const postmaster = pgRow ? parentPid(pgRow.pid) : null;
    const secret = env.STRIPE_WEBHOOK_SECRET ?? '';
    const unprocessed = async (phase: string) => {
      const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "WebhookEvent" WHERE status <> 'PROCESSED' AND id LIKE $1`,
        `evt_${phase}_%`,
      );
      return Number(row?.n ?? 0);
    };
    if (statements) await db.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    console.log(`load average at start: ${loadAverage().join(' / ')}`);
    const rates: number[] = [];
    const procMs: number[] = [];
    const pgMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const phase = `d${round}`;
      process.kill(processor.pid, 'SIGSTOP');
      const stored = await runJob(load, {
        url: String(appReady.url),
        phase,
        items: items.slice(round * EVENTS, (round + 1) * EVENTS),
        connections: 16,
        secret,
        template,
      });
      // Let autovacuum and the WAL writer settle, as after a burst.
      await sleep(300);
      if (statements && round === ROUNDS - 1) await db.$queryRawUnsafe('SELECT pg_stat_statements_reset()');
      const splitBefore = processCpuSplitMs(processor.pid);
      const before = {
        processor: processCpuMs(processor.pid) ?? Number.NaN,
        postgres: postmaster === null ? Number.NaN : (processTreeCpuMs(postmaster) ?? Number.NaN),
      };
      // DRAIN_PERF_DIR: a `perf record` of the whole machine over each counted round's drain.
      const perfDir = process.env.DRAIN_PERF_DIR;
      const perf =
        perfDir && round > 0
          ? spawn('perf', ['record', '-F', '999', '-a', '-g', '-o', `${perfDir}/drain-${round}.data`], {
              stdio: 'ignore',
            })
          : null;
      if (perf) await sleep(200);
      const started = Date.now();
      process.kill(processor.pid, 'SIGCONT');
      while ((await unprocessed(phase)) > 0) await sleep(20);
      if (perf) {
        perf.kill('SIGINT');
        await once(perf, 'exit');
      }
      const splitAfter = processCpuSplitMs(processor.pid);
      const after = {
        processor: processCpuMs(processor.pid) ?? Number.NaN,
        postgres: postmaster === null ? Number.NaN : (processTreeCpuMs(postmaster) ?? Number.NaN),
      };
      const [span] = await db.$queryRawUnsafe<{ last: Date }[]>(
        `SELECT max("processedAt") AS last FROM "WebhookEvent" WHERE id LIKE $1`,
        `evt_${phase}_%`,
      );
      const seconds = ((span?.last.getTime() ?? Date.now()) - started) / 1000;
      const rate = EVENTS / seconds;
      const p = (after.processor - before.processor) / EVENTS;
      const g = (after.postgres - before.postgres) / EVENTS;
      const split = {
        user: ((splitAfter?.user ?? Number.NaN) - (splitBefore?.user ?? Number.NaN)) / EVENTS,
        system: ((splitAfter?.system ?? Number.NaN) - (splitBefore?.system ?? Number.NaN)) / EVENTS,
      };
      console.log(
        `round ${round}${round === 0 ? ' (warm-up)' : ''}: stored ${stored.ok}/${EVENTS} at ${stored.rps.toFixed(0)} req/s; drained in ${seconds.toFixed(3)} s = ${rate.toFixed(0)} events/s; CPU per event: processor ${p.toFixed(3)} ms (user ${split.user.toFixed(3)}, system ${split.system.toFixed(3)}), PostgreSQL ${g.toFixed(3)} ms`,
      );
      if (round === 0) continue;
      rates.push(rate);
      procMs.push(p);
      pgMs.push(g);
    }
    console.log(
      `median: ${median(rates).toFixed(0)} events/s; CPU per event: processor ${median(procMs).toFixed(3)} ms, PostgreSQL ${median(pgMs).toFixed(3)} ms`,
    );
    if (statements) {
      const rows = await db.$queryRawUnsafe<
        { q: string; calls: bigint; ms: number; plan: number; rows: bigint }[]
      >(
        `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS q, calls, total_exec_time AS ms, total_plan_time AS plan, rows FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25`,
      );
      for (const r of rows)
        console.log(
          `${r.ms.toFixed(0).padStart(7)} ms exec ${r.plan.toFixed(0).padStart(5)} plan ${String(r.calls).padStart(7)} calls ${String(r.rows).padStart(7)} rows  ${r.q}`,
        );
    }
    console.log(`load average at end: ${loadAverage().join(' / ')}`);
  } finally {
    for (const child of children.reverse()) {
      try {
        process.kill(child.pid, 'SIGCONT');
      } catch {
        // already gone
      }
      await child.stop();
    }
    await emulator.close();
    await database.drop();
    await postgres.stop();
  }
}

runProbe(main);
