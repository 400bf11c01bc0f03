// The production smoke test: `pnpm build`, then the self-contained deploy folder (dist/deploy) copied to
// a temporary directory outside the checkout and started there with plain `node` and an environment —
// against a test database and the Stripe emulator (ALLOW_STRIPE_EMULATOR=true, test keys) — and a real
// Chromium buying with 4242 through the production origin.
import { type ChildProcessByStdio, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { freePort, seedDemoData } from '@enrollpay/db';
import { createTestDatabase, type TestDatabase } from '@enrollpay/db/testing';
import { hashPassword } from '@enrollpay/server';
import { type Emulator, startEmulator } from '@enrollpay/stripe-emulator';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const METRICS_TOKEN = randomBytes(16).toString('hex');

interface Started {
  child: ChildProcessByStdio<null, Readable, Readable>;
  output: () => string;
  exited: Promise<number | null>;
}

/** `node dist/server.js` in the deploy folder, with only PATH, HOME and `env` (no workspace, no tsx). */
function startDeployed(folder: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: folder,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: folder, ...env },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

function stop(started: Started | undefined): Promise<unknown> {
  if (!started?.child.pid || started.child.exitCode !== null) return Promise.resolve();
  process.kill(-started.child.pid, 'SIGTERM');
  return started.exited;
}

let folder: string;
let database: TestDatabase;
let emulator: Emulator;
let server: Started;
let origin: string;
let browser: Browser;
let productionEnv: Record<string, string>;

beforeAll(async () => {
  // NODE_ENV=production: Vitest's NODE_ENV=test would make Vite bundle React's development build.
  await run('pnpm', ['build'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', TURBO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  folder = await mkdtemp(join(tmpdir(), 'enrollpay-deploy-'));
  expect(relative(ROOT, folder).startsWith('..')).toBe(true);
  // verbatimSymlinks: pnpm's node_modules links are relative, so the copy stands on its own.
  await cp(join(ROOT, 'dist/deploy'), folder, { recursive: true, verbatimSymlinks: true });

  database = await createTestDatabase();
  await seedDemoData(database.db, { hashPassword, nodeEnv: 'test' });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  emulator = await startEmulator({
    port: 0,
    allowedOrigins: [origin],
    webhooks: [{ url: `${origin}/api/webhooks/stripe`, secret: webhookSecret }],
    retrySchedule: [100, 200, 400],
  });
  productionEnv = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    WEB_ORIGIN: origin,
    JWT_SECRET: randomBytes(32).toString('hex'),
    STRIPE_SECRET_KEY: 'sk_test_enrollpay_smoke',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_enrollpay_smoke',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_URL: emulator.url,
    ALLOW_STRIPE_EMULATOR: 'true',
    METRICS_TOKEN,
    MAIL_DIR: join(folder, 'mail'),
  };
  server = startDeployed(folder, productionEnv);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (server.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the deployed server did not start:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stop(server);
  await emulator?.close();
  await database?.drop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('production build, started from a deploy folder outside the checkout', () => {
  it('has no TypeScript and no workspace in the deploy folder', async () => {
    const { stdout } = await run('find', [
      folder,
      '-path',
      '*/node_modules',
      '-prune',
      '-o',
      '-name',
      '*.ts',
      '-print',
    ]);
    expect(stdout.trim()).toBe('');
    const { stdout: modules } = await run('ls', [join(folder, 'node_modules')]);
    expect(modules.split('\n')).not.toContain('tsx');
    expect(modules.split('\n')).not.toContain('@enrollpay');
  });

  it('serves the web app with its CSP and security headers, hashed assets immutable, index.html for client routes', async () => {
    const home = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('<div id="root">');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    const csp = home.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' https://js.stripe.com");
    expect(csp).toContain(`frame-src https://js.stripe.com https://hooks.stripe.com ${emulator.url}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(home.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(home.headers.get('referrer-policy')).toBe('no-referrer');
    expect(home.headers.get('x-frame-options')).toBe('SAMEORIGIN');

    const deepLink = await fetch(`${origin}/payments/some-id/result`, { headers: { accept: 'text/html' } });
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toBe(html);

    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(`${origin}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-type')).toMatch(/javascript/);

    const missing = await fetch(`${origin}/assets/nope-123.js`);
    expect(missing.status).toBe(404);
    const unknownApi = await fetch(`${origin}/api/nope`, { headers: { accept: 'text/html' } });
    expect(unknownApi.status).toBe(404);
  });

  it('guards /metrics with the token and has no development routes', async () => {
    const anonymous = await fetch(`${origin}/metrics`);
    expect(anonymous.status).toBe(401);
    const scraper = await fetch(`${origin}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scraper.status).toBe(200);
    expect(await scraper.text()).toContain('enrollpay_');
    expect((await fetch(`${origin}/dev/mail`)).status).toBe(404);
    const config = await fetch(`${origin}/api/trpc/system.config`).then((r) => r.json());
    expect(config.result.data.demo).toBeNull();
  });

  it('a learner buys with 4242 in Chromium through the production origin, with no CSP violation', async () => {
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('learner@demo.test');
    await page.getByLabel('Password').fill('enrollpay-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Catalog' }).waitFor();
    await page.getByRole('link', { name: 'TypeScript from Zero' }).click();
    await page.getByRole('link', { name: 'Enroll for $49.00' }).click();
    await page.getByRole('heading', { name: 'Order summary' }).waitFor();
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiration date (MM / YY)').fill('12 / 34');
    await page.getByLabel('CVC').fill('123');
    await page.getByLabel('ZIP/Postal code').fill('12345');
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.getByRole('heading', { name: 'Payment successful' }).waitFor();
    await page.getByTestId('verification').getByText('Verified by Stripe').waitFor();
    await context.close();

    const payments = await database.db.payment.findMany({ select: { status: true, webhookVerified: true } });
    expect(payments).toEqual([{ status: 'SUCCEEDED', webhookVerified: true }]);
    expect(problems).toEqual([]);
  });

  it('refuses to start on a database with pending migrations, saying what to run', async () => {
    const behind = await createTestDatabase();
    try {
      await behind.db
        .$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`;
      const refused = startDeployed(folder, { ...productionEnv, DATABASE_URL: behind.url, PORT: '0' });
      expect(await refused.exited).toBe(1);
      expect(refused.output().trim()).toMatch(
        /^The database has 1 pending migration \(\d+_\w+\); run `pnpm db:migrate` with this DATABASE_URL/,
      );
    } finally {
      await behind.drop();
    }
  });

  it('refuses an unsafe configuration with exit 1 naming the variable', async () => {
    const { ALLOW_STRIPE_EMULATOR: _, ...withoutAllow } = productionEnv;
    const refused = startDeployed(folder, { ...withoutAllow, PORT: '0' });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/STRIPE_API_URL must be empty in production/);
  });
});
