import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedPostgres } from '@enrollpay/db';
import { TEST_SERVER_ENV } from '@enrollpay/db/testing';

/**
 * The PostgreSQL the benchmarks run on: the test server Vitest's globalSetup started (smoke test),
 * BENCH_POSTGRES_URL if given, else a throwaway embedded PostgreSQL 18 (fsync off, like the test
 * servers) deleted afterwards; with BENCH_PG_STATEMENTS=true it loads pg_stat_statements. Each benchmark then gets its own migrated database via
 * createTestDatabase().
 */
export async function startBenchPostgres(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  const given = process.env.BENCH_POSTGRES_URL || process.env[TEST_SERVER_ENV];
  if (given) {
    process.env[TEST_SERVER_ENV] = given;
    return { adminUrl: given, stop: async () => undefined };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'enrollpay-bench-pg-'));
  // BENCH_PG_STATEMENTS=true: pg_stat_statements loaded (for a probe's per-statement breakdown).
  const settings: Record<string, string> =
    process.env.BENCH_PG_STATEMENTS === 'true'
      ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' }
      : {};
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true, settings });
  process.env[TEST_SERVER_ENV] = server.url;
  return { adminUrl: server.url, stop: () => server.stop() };
}
