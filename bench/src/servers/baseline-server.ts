// The webhook baseline: a bare Fastify route that stores the request body with one INSERT through
// `pg`, and nothing else (no signature check, no processing). What "as fast as this stack can take
// a POST and commit a row" looks like on this machine, in this run.
import Fastify from 'fastify';
import pg from 'pg';
import { report } from '../child.js';

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is required');
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.BENCH_DB_POOL ?? 10) });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_baseline_event (id text PRIMARY KEY, payload jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())',
  );

  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post('/api/webhooks/stripe', async (request, reply) => {
    const body = typeof request.body === 'string' ? request.body : '';
    // The event id sits near the start of the payload; a regex avoids parsing the JSON (bare minimum).
    const id = /"id":\s*"([^"]+)"/.exec(body)?.[1] ?? `missing_${Date.now()}_${Math.random()}`;
    await pool.query(
      'INSERT INTO bench_baseline_event (id, payload) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING',
      [id, body],
    );
    return reply.code(200).send({ received: true });
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
  report({ type: 'ready', url: `http://127.0.0.1:${address.port}` });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
