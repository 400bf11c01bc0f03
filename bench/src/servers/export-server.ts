// The real enrollpay API in its own process for the CSV export benchmark, plus one bench-only route:
// GET /bench/buffered-payments.csv, the same rows and columns as /api/exports/payments.csv for an
// admin, but read into memory in full and sent as one buffer (what an export without streaming does).
// Its memory growth is the baseline the streamed export is compared with.
//
// Started with --expose-gc (the "live memory" runs), it also measures what the process really holds:
// every BENCH_LIVE_SAMPLE_MS it runs a full garbage collection and records the heap in use plus V8's
// external memory (Buffers) that survived it. The orchestrator resets the baseline and reads the peak
// over the IPC channel (not HTTP, so the overload guard never answers for it).
import { createDb } from '@enrollpay/db';
import {
  buildApp,
  createDeps,
  csvStream,
  loadEnv,
  PAYMENTS_TABLE,
  type PaymentExportRow,
  paymentExportPages,
} from '@enrollpay/server';
import { report } from '../child.js';
import { listenAndReport, runServer } from './process.js';

/** The heap in use after a full collection, plus external memory, in bytes. */
function liveBytes(gc: () => void): number {
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** Answers `live-reset` (collect, take the baseline) and `live-read` (the peak since) over IPC. */
function serveLiveMemory(gc: () => void, everyMs: number): void {
  let base = liveBytes(gc);
  let peak = base;
  let samples = 0;
  setInterval(() => {
    peak = Math.max(peak, liveBytes(gc));
    samples++;
  }, everyMs).unref();
  process.on('message', (message: unknown) => {
    const type = typeof message === 'object' && message !== null && 'type' in message ? message.type : null;
    if (type === 'live-reset') {
      base = liveBytes(gc);
      peak = base;
      samples = 0;
      report({ type: 'live-reset-done' });
    } else if (type === 'live-read') {
      peak = Math.max(peak, liveBytes(gc));
      report({ type: 'live-memory', baseBytes: base, peakBytes: peak, samples });
    }
  });
}

async function main(): Promise<void> {
  const env = loadEnv(process.env);
  const db = createDb({ url: env.DATABASE_URL ?? '' });
  const deps = createDeps(env, db);
  const app = await buildApp({ deps });

  app.get('/bench/buffered-payments.csv', async (_request, reply) => {
    const rows: PaymentExportRow[] = [];
    for await (const page of paymentExportPages(db, { kind: 'admin' }, {})) rows.push(...page);
    const chunks: Buffer[] = [];
    for await (const chunk of csvStream(PAYMENTS_TABLE, [rows], { bom: false })) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    }
    return reply.type('text/csv; charset=utf-8').send(Buffer.concat(chunks));
  });

  await listenAndReport(app, () => db.$disconnect());
  const gc = globalThis.gc;
  if (gc) serveLiveMemory(() => gc(), Number(process.env.BENCH_LIVE_SAMPLE_MS ?? 100));
}

runServer(main);
