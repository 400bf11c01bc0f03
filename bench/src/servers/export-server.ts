// The real enrollpay API in its own process for the CSV export benchmark, plus one bench-only route:
// GET /bench/buffered-payments.csv, the same rows and columns as /api/exports/payments.csv for an
// admin, but read into memory in full and sent as one buffer (what an export without streaming does).
// Its memory growth is the baseline the streamed export is compared with.
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

async function main() {
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

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => db.$disconnect())
      .finally(() => process.exit(0));
  });
  report({ type: 'ready', url: `http://127.0.0.1:${address.port}` });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
