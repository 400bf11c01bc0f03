// The webhook processor in its own process, as production runs it beside API instances with
// WEBHOOK_PROCESSING=separate: the server's `startProcessorProcess` (what `src/processor.ts`, the
// `start:processor` entry, runs) on its own pool, configured by the same environment variables
// (WEBHOOK_PROCESSOR_POLL_MS, WEBHOOK_PROCESSOR_NICE). Source-mapped stack traces off, as in
// app-server.ts. Reports `ready` over IPC; SIGTERM lets the running batch commit, then exits.
import { createDb } from '@enrollpay/db';
import { createDeps, loadEnv, startProcessorProcess } from '@enrollpay/server';
import { report } from '../child.js';
import { runServer } from './process.js';

runServer(async () => {
  if (process.env.BENCH_SOURCE_MAPS !== 'true') process.setSourceMapsEnabled(false);
  const env = loadEnv(process.env);
  const db = createDb({
    url: env.DATABASE_URL ?? '',
    maxConnections: Number(process.env.BENCH_DB_POOL ?? 10),
    connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS,
  });
  const processor = await startProcessorProcess(createDeps(env, db));
  process.on('SIGTERM', () => {
    void processor
      .close()
      .then(() => db.$disconnect())
      .finally(() => process.exit(0));
  });
  report({ type: 'ready' });
});
