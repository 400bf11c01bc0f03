// The durable receipt alone against the bare route, back to back, for working on the receipt's CPU
// (`pnpm --filter @enrollpay/bench run bench:receipt`; not part of `pnpm bench`). One PostgreSQL, one
// emulator (only for the event's shape), the bare route and the API with WEBHOOK_PROCESSING=separate and
// no processor process (it stores and answers; nothing applies the events), and the load generator; then ROUNDS rounds of: the bare route, then
// the receipt, each EVENTS events at full speed (16 connections), with each process's CPU read from
// /proc. Prints every round and the medians: req/s ratio and CPU per answer of each server and of
// PostgreSQL. BENCH_PROFILE_DIR writes V8 CPU profiles of the receipt API there and of the bare route
// in its baseline/ (the whole process life: skip the start-up when reading them). Env: RECEIPT_EVENTS (default 2000), RECEIPT_ROUNDS (3).
import { readFileSync } from 'node:fs';
import { createTestDatabase } from '@enrollpay/db/testing';
import { startEmulator } from '@enrollpay/stripe-emulator';
import Stripe from 'stripe';
import { type BenchChild, startChild } from './child.js';
import { serverEnv } from './env.js';
import type { PendingIntent, WebhookJob } from './load/jobs.js';
import { loadAverage, parentPid, processCpuMs, processTreeCpuMs } from './machine.js';
import { startBenchPostgres } from './postgres.js';
import { runProbe } from './probe.js';
import { median } from './stats-math.js';
import { probeEventTemplate, runJob } from './webhook.js';

const EVENTS = Number(process.env.RECEIPT_EVENTS ?? 2000);
const ROUNDS = Number(process.env.RECEIPT_ROUNDS ?? 5);

/** A process's system (kernel) CPU time so far in ms (/proc/<pid>/stat field 15, at 100 ticks/s). */
function systemCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[12]) * 10;
}

async function main() {
  const postgres = await startBenchPostgres();
  const database = await createTestDatabase();
  const emulator = await startEmulator({ port: 0 });
  const children: BenchChild[] = [];
  try {
    const stripe = new Stripe('sk_test_enrollpay_bench', { ...emulator.stripeConfig, maxNetworkRetries: 0 });
    const template = await probeEventTemplate(stripe, { paymentId: 'probe_p', enrollmentId: 'probe_e' });
    // Nothing applies these events: the ids only need to look like Stripe's.
    const items: PendingIntent[] = Array.from({ length: EVENTS }, (_, i) => ({
      paymentId: `probe_p_${i}`,
      paymentIntentId: `pi_probe_${i}`,
      chargeId: `ch_probe_${i}`,
    }));
    const env = serverEnv(database.url, emulator.url);
    const secret = env.STRIPE_WEBHOOK_SECRET ?? '';
    const profileDir = process.env.BENCH_PROFILE_DIR;
    // As the webhook benchmark's receipt-alone phase: the API stores and answers, nothing applies. (It set
    // BENCH_PAUSE_WEBHOOK_PROCESSING, which nothing reads any more: the API applied the events inline.)
    const receiptEnv = { ...env, WEBHOOK_PROCESSING: 'separate' };
    const servers: { name: string; child: BenchChild }[] = [
      {
        name: 'bare',
        child: startChild('./servers/baseline-server.ts', {
          env: { BENCH_DATABASE_URL: database.url },
          stdout: 'ignore',
          execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/baseline`] : [],
        }),
      },
    ];
    // RECEIPT_OTHER_ENTRY: a second API entry (e.g. an untracked copy of app-server.ts importing an
    // older apps/server/src) measured in the same rounds, for a before/after on one machine state.
    const other = process.env.RECEIPT_OTHER_ENTRY;
    if (other) {
      servers.push({ name: 'other', child: startChild(other, { env: receiptEnv, stdout: 'ignore' }) });
    }
    servers.push({
      name: 'receipt',
      child: startChild('./servers/app-server.ts', {
        env: receiptEnv,
        stdout: 'ignore',
        execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      }),
    });
    const load = startChild('./load/load.ts');
    children.push(...servers.map((s) => s.child), load);
    const urls = (await Promise.all(servers.map((s) => s.child.next('ready')))).map((m) => String(m.url));
    await load.next('ready');
    const [pgRow] = await database.db.$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
    const postmaster = pgRow ? parentPid(pgRow.pid) : null;

    const job = (url: string, phase: string): WebhookJob => ({
      url,
      phase,
      items,
      connections: 16,
      secret,
      template,
    });
    const measured = async (server: BenchChild, url: string, phase: string) => {
      const cpu = () => ({
        server: processCpuMs(server.pid) ?? Number.NaN,
        system: systemCpuMs(server.pid),
        postgres: postmaster === null ? Number.NaN : (processTreeCpuMs(postmaster) ?? Number.NaN),
      });
      const before = cpu();
      const result = await runJob(load, job(url, phase));
      const after = cpu();
      const answers = result.ok + result.non2xx;
      return {
        rps: result.rps,
        non2xx: result.non2xx,
        serverMs: (after.server - before.server) / answers,
        systemMs: (after.system - before.system) / answers,
        postgresMs: (after.postgres - before.postgres) / answers,
      };
    };
    console.log(
      `load average at start: ${loadAverage().join(' / ')}; ${servers.map((s) => `${s.name} pid ${s.child.pid}`).join(', ')}`,
    );
    for (const [i, url] of urls.entries()) {
      await runJob(load, { ...job(url, `w${i}`), items: items.slice(0, 300) });
    }
    const rows = servers.map(() => ({
      rps: [] as number[],
      ratio: [] as number[],
      cpu: [] as number[],
      pg: [] as number[],
    }));
    for (let round = 0; round < ROUNDS; round++) {
      const line: string[] = [];
      let bareRps = Number.NaN;
      // The bare route first; the APIs in turn, reversed every other round (the second one measured
      // read ~9% more CPU than the first in an A/A run: the order must not decide a comparison).
      const apis = servers.map((_, i) => i).slice(1);
      const order = [0, ...(round % 2 === 1 ? apis.reverse() : apis)];
      for (const i of order) {
        const server = servers[i];
        if (!server) continue;
        const m = await measured(server.child, urls[i] ?? '', `r${round}s${i}`);
        if (i === 0) bareRps = m.rps;
        const row = rows[i];
        row?.rps.push(m.rps);
        row?.ratio.push(m.rps / bareRps);
        row?.cpu.push(m.serverMs);
        row?.pg.push(m.postgresMs);
        line.push(
          `${server.name} ${m.rps.toFixed(0)} req/s (${(m.rps / bareRps).toFixed(3)}×, ${m.non2xx} non-2xx), ${m.serverMs.toFixed(3)} ms (sys ${m.systemMs.toFixed(3)}), PG ${m.postgresMs.toFixed(3)} ms`,
        );
      }
      console.log(`round ${round}: ${line.join(' | ')}`);
    }
    // Paired per round (the machine's load drifts between rounds): CPU per answer against the bare
    // route's, and against the previous server's (the "other" API, when there is one).
    const paired = (i: number, j: number) =>
      median((rows[i]?.cpu ?? []).map((cpu, round) => cpu / (rows[j]?.cpu[round] ?? Number.NaN)));
    for (const [i, server] of servers.entries()) {
      const row = rows[i];
      if (!row) continue;
      const against = i > 1 ? `, ${paired(i, i - 1).toFixed(3)}× the ${servers[i - 1]?.name}'s CPU` : '';
      console.log(
        `median ${server.name}: ${median(row.rps).toFixed(0)} req/s, ${median(row.ratio).toFixed(3)}× bare, ${median(row.cpu).toFixed(3)} ms CPU per answer (${paired(i, 0).toFixed(3)}× bare's${against}), PG ${median(row.pg).toFixed(3)} ms`,
      );
    }
    console.log(`load average at end: ${loadAverage().join(' / ')}`);
  } finally {
    for (const child of children.reverse()) await child.stop();
    await emulator.close();
    await database.drop();
    await postgres.stop();
  }
}

runProbe(main);
