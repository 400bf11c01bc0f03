// pnpm db:seed [--fresh] [--days 90]
//
// Applies the migrations, then creates the demo data when the database has no users: the demo accounts
// and offerings, and about three months of payments made through the Stripe emulator (src/demo/). The
// emulator's side is written to .data/stripe-emulator.json, which `pnpm dev` loads.
//
// --snapshot names another emulator state file (default .data/stripe-emulator.json, as pnpm dev uses).
// --fresh empties the database (and replaces the emulator's saved state) first, so the demo data is
// rebuilt from scratch. Stop `pnpm dev` before: its emulator keeps its state in memory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clearAllData, createDb, describeDemoLogins, migrateDeploy, resolveDatabase } from '@enrollpay/db';
import { seedDemo } from '../src/demo/seed.js';
import { EnvError, loadEnv } from '../src/env.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function usage(message?: string): never {
  if (message) console.error(`error: ${message}\n`);
  console.error('usage: pnpm db:seed [--fresh] [--days <0-365>] [--snapshot <emulator state file>]');
  process.exit(message ? 2 : 0);
}

async function emulatorIsRunning(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/_emulator/health', url), { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      days: { type: 'string', default: '90' },
      snapshot: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) usage();
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 0 || days > 365) usage(`--days must be a whole number from 0 to 365`);

  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) usage(error.message);
    throw error;
  }
  if (env.NODE_ENV === 'production') {
    console.error(
      'Refusing to create demo data with NODE_ENV=production (the accounts have a published password)',
    );
    return 1;
  }
  if (values.fresh && env.STRIPE_API_URL && (await emulatorIsRunning(env.STRIPE_API_URL))) {
    console.error(
      `The Stripe emulator at ${env.STRIPE_API_URL} is running (pnpm dev?). Stop it first: --fresh replaces its saved state, which a running emulator would overwrite.`,
    );
    return 1;
  }

  const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL });
  const db = createDb({ url: database.url });
  try {
    await migrateDeploy(database.url);
    if (values.fresh) {
      const tables = await clearAllData(db, { nodeEnv: env.NODE_ENV });
      console.log(`Emptied ${tables.length} tables.`);
    }
    const result = await seedDemo({
      db,
      env,
      databaseUrl: database.url,
      snapshotFile: values.snapshot
        ? path.resolve(values.snapshot)
        : path.join(root, '.data', 'stripe-emulator.json'),
      days,
      log: (line) => console.log(`${line}…`),
    });
    if (!result.created) {
      console.log('The database already has users; no demo data was created (use --fresh to rebuild it).');
    } else if (result.history) {
      const h = result.history;
      console.log(
        `Created the demo accounts and ${h.checkouts} checkouts over ${days} days in ${(result.historyMs / 1000).toFixed(1)} s: ` +
          `${h.succeeded} paid, ${h.declined} declined attempts, ${h.refunds} refunds, ${h.disputes} dispute(s), ` +
          `${h.payouts} payouts to specialist@demo.test (${h.failedPayouts} returned by the bank); ` +
          `currencies ${h.currencies.join(', ')}.`,
      );
    } else {
      console.log(
        `Created the demo accounts and offerings.${result.historySkipped ? ` No history: ${result.historySkipped}.` : ''}`,
      );
    }
    console.log(describeDemoLogins());
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

const code = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : error);
  return 1;
});
process.exit(code);
