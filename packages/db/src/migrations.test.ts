import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDeploy, runPrismaCli } from './prisma-cli.js';
import { TEST_SERVER_ENV } from './testing/index.js';
import { dropDatabase, withDatabase } from './testing/server.js';

let adminUrl: string;
const name = `migrations_test_${Math.random().toString(36).slice(2, 10)}`;

beforeAll(() => {
  const url = process.env[TEST_SERVER_ENV];
  if (!url)
    throw new Error(`${TEST_SERVER_ENV} is unset: run these tests through packages/db's vitest config`);
  adminUrl = url;
});
afterAll(async () => {
  await dropDatabase(adminUrl, name);
});

describe('prisma/migrations', () => {
  it('apply to an empty database, and a second deploy has nothing to do', async () => {
    const url = withDatabase(adminUrl, name);
    await migrateDeploy(url);
    await migrateDeploy(url);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      const migrations = await runPrismaCli(['migrate', 'status'], { url });
      expect(migrations.stdout).toContain('Database schema is up to date!');
      expect(rows[0]?.n).toBeGreaterThanOrEqual(2);
    } finally {
      await client.end();
    }
  });

  it('match prisma/schema.prisma (migrate diff --exit-code finds no difference)', async () => {
    const diff = await runPrismaCli(
      [
        'migrate',
        'diff',
        '--from-migrations',
        'prisma/migrations',
        '--to-schema',
        'prisma/schema.prisma',
        '--exit-code',
      ],
      { url: withDatabase(adminUrl, 'postgres') },
    );
    expect(diff.stdout + diff.stderr).toContain('No difference detected.');
    expect(diff.code).toBe(0);
  });
});
