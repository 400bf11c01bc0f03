// The webhook batch's own CPU, in this process, without HTTP, the processor's loop or other processes'
// noise in the figure (`pnpm --filter @enrollpay/bench run bench:batch-cpu`; not part of `pnpm bench`):
// stores BATCH_CPU_EVENTS payment_intent.succeeded events for seeded pending payments straight into
// WebhookEvent (the load generator's event, from the emulator's), then applies them with the server's
// `processWebhookBatch`, one batch after another, and reads this process's CPU time (user + system,
// `process.cpuUsage`) over the rounds. PostgreSQL's work is not in the figure (it runs elsewhere); the
// time the batches wait for it is idle. The first round is a warm-up. BENCH_PROFILE_DIR writes a V8 CPU
// profile of the counted rounds there (`batch-cpu.cpuprofile`). Env: BATCH_CPU_EVENTS (default 2000 a
// round), BATCH_CPU_ROUNDS (4, warm-up included).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createDb } from '@enrollpay/db';
import { createTestDatabase } from '@enrollpay/db/testing';
import { createDeps, loadEnv } from '@enrollpay/server';
import { startEmulator } from '@enrollpay/stripe-emulator';
import Stripe from 'stripe';
import { processWebhookBatch } from '../../apps/server/src/webhooks/batch.js';
import { serverEnv } from './env.js';
import { loadAverage } from './machine.js';
import { startBenchPostgres } from './postgres.js';
import { runProbe } from './probe.js';
import { seedPendingPayments } from './seed.js';
import { median } from './stats-math.js';
import { probeEventTemplate } from './webhook.js';

const EVENTS = Number(process.env.BATCH_CPU_EVENTS ?? 2000);
const ROUNDS = Number(process.env.BATCH_CPU_ROUNDS ?? 4);
const PREFIX = 'bc';
/** BATCH_CPU_HEAP=true: a sampling heap profile (what the batches allocate, by stack) instead of the CPU profile. */
const heap = process.env.BATCH_CPU_HEAP === 'true';

async function main() {
  const postgres = await startBenchPostgres();
  const database = await createTestDatabase();
  const emulator = await startEmulator({ port: 0 });
  const total = EVENTS * ROUNDS;
  const env = loadEnv({ ...process.env, ...serverEnv(database.url, emulator.url) });
  const db = createDb({ url: database.url, maxConnections: 4 });
  const deps = createDeps(env, db);
  try {
    await seedPendingPayments(database.db, PREFIX, total);
    // One PaymentIntent in the emulator gives the event's shape (as the load generator's template).
    const stripe = new Stripe('sk_test_enrollpay_bench', { ...emulator.stripeConfig, maxNetworkRetries: 0 });
    const plain = await probeEventTemplate(stripe);
    const created = Math.floor(Date.now() / 1000);
    const payloads = Array.from({ length: total }, (_, k) =>
      JSON.stringify({
        ...plain,
        id: `evt_${PREFIX}_${k}`,
        created,
        data: {
          object: {
            ...plain.data.object,
            id: `pi_${PREFIX}${k}`,
            latest_charge: `ch_${PREFIX}${k}`,
            metadata: { paymentId: `${PREFIX}p_${k}` },
          },
        },
      }),
    );
    console.log(`event payload: ${payloads[0]?.length ?? 0} bytes`);
    const session = new Session();
    const profileDir = process.env.BENCH_PROFILE_DIR;
    if (profileDir) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 250 });
    }
    console.log(`load average at start: ${loadAverage().join(' / ')}`);
    const perEvent: number[] = [];
    const rates: number[] = [];
    // Every round's events stored up front, each round's leased far ahead (not claimable) until it starts:
    // the rounds then measure the batches alone.
    const ids = payloads.map((_, k) => `evt_${PREFIX}_${k}`);
    const round = (k: number) => Math.floor(k / EVENTS);
    await database.db.$executeRawUnsafe(
      `INSERT INTO "WebhookEvent" ("id", "type", "objectId", "payload", "stripeCreatedAt", "status", "receivedAt", "claimedUntil")
       SELECT v.id, 'payment_intent.succeeded', v.payload::jsonb->'data'->'object'->>'id', v.payload::jsonb,
         to_timestamp($3::bigint) AT TIME ZONE 'UTC', 'RECEIVED', now() AT TIME ZONE 'UTC', '9999-01-01'::timestamp + make_interval(days => v.round)
       FROM unnest($1::text[], $2::text[], $4::int[]) AS v(id, payload, round)`,
      ids,
      payloads,
      created,
      ids.map((_, k) => round(k)),
    );
    await database.db.$executeRawUnsafe('VACUUM ANALYZE "WebhookEvent"');
    for (let round = 0; round < ROUNDS; round++) {
      await database.db.$executeRawUnsafe(
        `UPDATE "WebhookEvent" SET "claimedUntil" = NULL WHERE "claimedUntil" = '9999-01-01'::timestamp + make_interval(days => $1::int)`,
        round,
      );
      if (profileDir && round === 1) {
        if (heap)
          await session.post('HeapProfiler.startSampling', {
            samplingInterval: 4096,
            includeObjectsCollectedByMajorGC: true,
            includeObjectsCollectedByMinorGC: true,
          });
        else await session.post('Profiler.start');
      }
      const cpu = process.cpuUsage();
      const started = performance.now();
      let applied = 0;
      for (;;) {
        const batch = await processWebhookBatch(deps);
        if (batch.claimed === 0) break;
        if (batch.isolated) throw new Error(`batch isolated: ${batch.error}`);
        applied += batch.claimed;
      }
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const ms = (used.user + used.system) / 1000 / applied;
      console.log(
        `round ${round}${round === 0 ? ' (warm-up)' : ''}: ${applied} events in ${seconds.toFixed(3)} s = ${(applied / seconds).toFixed(0)} events/s; CPU per event ${ms.toFixed(4)} ms (user ${(used.user / 1000 / applied).toFixed(4)}, system ${(used.system / 1000 / applied).toFixed(4)})`,
      );
      if (applied !== EVENTS) throw new Error(`applied ${applied} of ${EVENTS}`);
      if (round === 0) continue;
      perEvent.push(ms);
      rates.push(applied / seconds);
    }
    if (profileDir && heap) {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      writeFileSync(join(profileDir, 'batch-cpu.heapprofile'), JSON.stringify(profile));
      session.disconnect();
    } else if (profileDir) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(profileDir, 'batch-cpu.cpuprofile'), JSON.stringify(profile));
      session.disconnect();
    }
    console.log(
      `median: ${median(rates).toFixed(0)} events/s; CPU per event ${median(perEvent).toFixed(4)} ms (this process: the batch's JavaScript, pg included)`,
    );
    console.log(`load average at end: ${loadAverage().join(' / ')}`);
  } finally {
    await deps.paymentStatus.close();
    await deps.jobs.close();
    deps.mailer.close();
    await db.$disconnect();
    await emulator.close();
    await database.drop();
    await postgres.stop();
  }
}

runProbe(main);
