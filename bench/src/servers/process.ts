// The process boilerplate shared by the bench's server entries (each runs as its own child process,
// ../child.ts): listen on a free loopback port, tell the orchestrator where over IPC, close on SIGTERM,
// and exit non-zero (its stderr reaches the orchestrator) if starting fails.
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { report } from '../child.js';

/** Listens on 127.0.0.1 (a free port), reports `ready` with the URL, and runs `close` then exits on SIGTERM. */
export async function listenAndReport(app: FastifyInstance, close: () => Promise<unknown>): Promise<void> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(close)
      .finally(() => process.exit(0));
  });
  report({ type: 'ready', url: `http://127.0.0.1:${address.port}` });
}

/** Runs a server entry's `main`; a failure to start is printed and exits with 1. */
export function runServer(main: () => Promise<void>): void {
  void main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * The hand-written webhook servers on raw `pg` (baseline-server.ts, careful-server.ts): a pool of
 * BENCH_DB_POOL connections (default 10) to BENCH_DATABASE_URL, a bare Fastify (no logger, 256 KiB body
 * limit) whose JSON bodies arrive as the raw string (for the signature check, or no parsing at all);
 * `setup` adds the routes. Everything per request is the entry's own.
 */
export function runRawPgServer(setup: (app: FastifyInstance, pool: pg.Pool) => Promise<void> | void): void {
  runServer(async () => {
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) throw new Error('BENCH_DATABASE_URL is required');
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.BENCH_DB_POOL ?? 10) });
    const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    await setup(app, pool);
    await listenAndReport(app, () => pool.end());
  });
}
