// The webhook baseline: a bare Fastify route that stores the request body with one INSERT through
// `pg`, and nothing else (no signature check, no processing). What "as fast as this stack can take
// a POST and commit a row" looks like on this machine, in this run.
import { runRawPgServer } from './process.js';

runRawPgServer(async (app, pool) => {
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_baseline_event (id text PRIMARY KEY, payload jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())',
  );

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
});
