// The schema-engine stand-in, driven the way Prisma's CLI drives it: as a process with arguments, and
// through the real `prisma` CLI against a real PostgreSQL (the one our globalSetup started).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrismaCli, schemaEnginePath, schemaPath } from '../src/prisma-cli.js';
import { TEST_SERVER_ENV } from '../src/testing/index.js';
import { dropDatabase, withDatabase } from '../src/testing/server.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runEngine(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [schemaEnginePath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const cli = (url: string, command: string) =>
  runEngine(['--datasource', JSON.stringify({ url }), 'cli', command]);

/** The error lines the engine logged, as Prisma's CLI reads them. */
function loggedErrors(stderr: string): Array<{ message: string; error_code?: string }> {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: string; fields: { message: string; error_code?: string } })
    .filter((line) => line.level === 'ERROR')
    .map((line) => line.fields);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

let adminUrl: string;
const created: string[] = [];
function scratchDatabase(): { name: string; url: string } {
  const name = `engine_test_${Math.random().toString(36).slice(2, 10)}`;
  created.push(name);
  return { name, url: withDatabase(adminUrl, name) };
}

beforeAll(() => {
  const url = process.env[TEST_SERVER_ENV];
  if (!url)
    throw new Error(`${TEST_SERVER_ENV} is unset: run these tests through packages/db's vitest config`);
  adminUrl = url;
});
afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

describe('schema-engine.mjs as a process', () => {
  it('reports the engine version prisma 7.10.0 expects', async () => {
    const run = await runEngine(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('schema-engine-cli 0edf323efd1d98336f3f0a68684b56f689b900d3');

    const version = await runPrismaCli(['-v']);
    expect(version.stdout).toMatch(
      /Schema Engine\s*: schema-engine-cli 0edf323efd1d98336f3f0a68684b56f689b900d3/,
    );
  });

  it('creates, finds and drops a database, and tells a missing one (P1003) from an unreachable server (P1001)', async () => {
    const { name, url } = scratchDatabase();

    const missing = await cli(url, 'can-connect-to-database');
    expect(missing.code).toBe(1);
    expect(loggedErrors(missing.stderr)).toContainEqual(expect.objectContaining({ error_code: 'P1003' }));

    expect((await cli(url, 'create-database')).code).toBe(0);
    expect((await cli(url, 'can-connect-to-database')).code).toBe(0);
    const names = await query<{ datname: string }>(adminUrl, 'SELECT datname FROM pg_database');
    expect(names.map((r) => r.datname)).toContain(name);

    expect((await cli(url, 'drop-database')).code).toBe(0);
    expect((await cli(url, 'can-connect-to-database')).code).toBe(1);

    const unreachable = await cli(
      'postgresql://postgres:postgres@127.0.0.1:1/nothing',
      'can-connect-to-database',
    );
    expect(unreachable.code).toBe(1);
    expect(loggedErrors(unreachable.stderr)).toContainEqual(expect.objectContaining({ error_code: 'P1001' }));
  });
});

describe('prisma CLI commands running on the WASM engine', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = scratchDatabase());
  });

  it('migrate deploy creates a missing database and applies every migration', async () => {
    const deploy = await runPrismaCli(['migrate', 'deploy'], { url });
    expect(deploy.code, deploy.stdout + deploy.stderr).toBe(0);
    expect(deploy.stdout).toContain('All migrations have been successfully applied.');

    const applied = await query<{ migration_name: string; finished_at: Date | null }>(
      url,
      'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(applied.length).toBeGreaterThanOrEqual(2);
    expect(applied.every((m) => m.finished_at !== null)).toBe(true);
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['User', 'Payment', 'Enrollment']),
    );

    const status = await runPrismaCli(['migrate', 'status'], { url });
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stdout).toContain('Database schema is up to date!');
  });

  it('db pull reads CHECK constraints (Postgres "char" columns) back', async () => {
    const pull = await runPrismaCli(['db', 'pull', '--print'], { url });
    expect(pull.code, pull.stdout + pull.stderr).toBe(0);
    expect(pull.stdout).toContain('model Payment {');
    // pg_constraint.contype is a "char": without the fix the engine cannot read constraints at all.
    // (Prisma prints its warnings about them on stderr.)
    expect(pull.stderr).toContain('Payment_amountRefunded_within_amount');
  });

  it('db execute runs a script whose statements contain semicolons', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'engine-test-'));
    try {
      const file = join(dir, 'script.sql');
      await writeFile(
        file,
        `DO $$ BEGIN PERFORM 1; PERFORM 2; END $$;
         CREATE TABLE "EngineProbe" ("note" TEXT NOT NULL DEFAULT 'a;b');
         INSERT INTO "EngineProbe" DEFAULT VALUES;`,
      );
      const run = await runPrismaCli(['db', 'execute', '--file', file], { url });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(await query(url, 'SELECT note FROM "EngineProbe"')).toEqual([{ note: 'a;b' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('migrate diff --exit-code tells a schema that drifted from the migrations, and cleans up its shadow database', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'engine-test-'));
    try {
      const drifted = join(dir, 'schema.prisma');
      const schema = await readFile(schemaPath, 'utf8');
      await writeFile(drifted, `${schema}\nmodel EngineDriftProbe {\n  id Int @id\n}\n`);
      const diff = await runPrismaCli(
        ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', drifted, '--exit-code'],
        { url },
      );
      expect(diff.code, diff.stdout + diff.stderr).toBe(2);
      expect(diff.stdout).toContain('EngineDriftProbe');

      const script = await runPrismaCli(
        ['migrate', 'diff', '--from-empty', '--to-schema', drifted, '--script'],
        {
          url,
        },
      );
      expect(script.code).toBe(0);
      expect(script.stdout).toContain('CREATE TABLE "EngineDriftProbe"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const shadows = await query(
      adminUrl,
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
    );
    expect(shadows).toEqual([]);
  });
});
