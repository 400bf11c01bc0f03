import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '@enrollpay/db';
import type { Emulator } from '@enrollpay/stripe-emulator';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { TokenService } from '../../src/auth/tokens.js';
import type { AppRouter } from '../../src/trpc/router.js';
import type { Client } from '../harness.js';
import { spawnServerEntry } from '../server-process.js';

/**
 * Sizes of the chaos and fuzz runs. The default test run uses the small column; `pnpm test:chaos`
 * sets CHAOS_FULL=1 for the sizes the issue asks for.
 */
export const FULL = process.env.CHAOS_FULL === '1';
export const SIZES = FULL
  ? {
      concurrentCreateIntent: 1000,
      concurrentConfirm: 1000,
      webhookDeliveries: 10_000,
      kills: 5,
      twoInstanceDeliveries: 3000,
      twoInstanceKills: 3,
      reconcilePayments: 200,
      // Random and mutated inputs each: 10,000 cases per procedure.
      fuzzRuns: 5_000,
      webhookFuzzRuns: 10_000,
    }
  : {
      concurrentCreateIntent: 100,
      concurrentConfirm: 100,
      webhookDeliveries: 300,
      kills: 3,
      twoInstanceDeliveries: 200,
      twoInstanceKills: 2,
      reconcilePayments: 12,
      fuzzRuns: 60,
      webhookFuzzRuns: 300,
    };

/** Every figure a run prints: what it sent, what it broke, what it found. */
export function printFigures(title: string, figures: Record<string, number | string>): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  console.log(`\n[chaos] ${title}${FULL ? ' (full size)' : ''}\n${lines.join('\n')}\n`);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  /** How many times this server was started (1 after the first start). */
  readonly starts: number;
  start(): Promise<void>;
  /** SIGKILL to the whole process group: no shutdown hooks, no flushes, like a crash or OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM and wait (graceful close). */
  stop(): Promise<void>;
  /** stderr/stdout of the current process, for failure messages. */
  output(): string;
}

/**
 * Runs the real server entry (`src/server.ts`: parse env, connect, listen, background worker) as a
 * detached child, so it can be killed by process group id. Restarts reuse the same port.
 */
export function serverProcess(env: Record<string, string>, port: number): ServerProcess {
  let child: ChildProcess | null = null;
  let out = '';
  let starts = 0;
  const url = `http://127.0.0.1:${port}`;

  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => c.once('exit', () => r()));

  return {
    url,
    port,
    get starts() {
      return starts;
    },
    async start() {
      out = '';
      const c = spawnServerEntry({ NODE_ENV: 'test', PORT: String(port), LOG_LEVEL: 'warn', ...env });
      child = c;
      starts++;
      c.stdout?.on('data', (d: Buffer) => {
        out = (out + d.toString()).slice(-20_000);
      });
      c.stderr?.on('data', (d: Buffer) => {
        out = (out + d.toString()).slice(-20_000);
      });
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (c.exitCode !== null) throw new Error(`server exited with ${c.exitCode}:\n${out}`);
        try {
          const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) });
          if (res.ok) return;
        } catch {
          // not listening yet
        }
        await sleep(100);
      }
      throw new Error(`server did not become ready on ${url}:\n${out}`);
    },
    async kill() {
      const c = child;
      if (!c?.pid) return;
      try {
        process.kill(-c.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited(c);
      child = null;
    },
    async stop() {
      const c = child;
      if (!c?.pid) return;
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {
        return;
      }
      const done = exited(c);
      const timer = setTimeout(() => {
        try {
          if (c.pid) process.kill(-c.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }, 10_000);
      await done;
      clearTimeout(timer);
      child = null;
    },
    output: () => out,
  };
}

/**
 * A tiny round-robin HTTP proxy, as a load balancer in front of several instances: each request goes
 * to the next upstream; an upstream that is down answers 502, as a load balancer would.
 */
export async function roundRobinProxy(upstreams: string[]) {
  let next = 0;
  let forwarded = 0;
  let badGateway = 0;
  const server = createServer((req, res) => {
    const target = new URL(upstreams[next++ % upstreams.length] ?? '');
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        forwarded++;
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      badGateway++;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ forwarded, badGateway }),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `enrollpay-${prefix}-`));
}

/** Outbox ids of the mails the file mailer wrote to `dir`, with how many copies of each. */
export function mailCopies(dir: string): Map<string, number> {
  const copies = new Map<string, number>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return copies;
  }
  for (const name of names) {
    // `<iso-date>-<outboxId>.json`
    const match = /-([a-z0-9]+)\.json$/.exec(name);
    if (match?.[1]) copies.set(match[1], (copies.get(match[1]) ?? 0) + 1);
  }
  return copies;
}

export function clientAt(url: string, token: string | null): Client {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

export interface Learner {
  id: string;
  token: string;
}

/** Learners made for a run (each learner may buy each offering once, so big runs need many). */
export async function makeLearners(db: Db, tokens: TokenService, count: number, tag: string) {
  const rows = Array.from({ length: count }, (_, i) => ({
    email: `chaos-${tag}-${i}@load.test`,
    name: `Chaos Learner ${i}`,
    role: 'LEARNER' as const,
  }));
  await db.user.createMany({ data: rows, skipDuplicates: true });
  const users = await db.user.findMany({
    where: { email: { startsWith: `chaos-${tag}-` } },
    select: { id: true },
    orderBy: { email: 'asc' },
  });
  const learners: Learner[] = [];
  for (const u of users) {
    const { token } = await tokens.issue({ userId: u.id, role: 'LEARNER' });
    learners.push({ id: u.id, token });
  }
  return learners;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let index = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (;;) {
      const i = index++;
      if (i >= items.length) return;
      results[i] = await fn(items[i] as T, i);
    }
  });
  await Promise.all(workers);
  return results;
}

/** The emulator's event ids that have had at least one successful delivery. */
export function deliveredEventIds(emulator: Emulator): Set<string> {
  const ids = new Set<string>();
  for (const d of emulator.controls.deliveries()) if (d.outcome === 'succeeded') ids.add(d.eventId);
  return ids;
}
