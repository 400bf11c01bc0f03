import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from '@enrollpay/db';

/**
 * The migrations this server expects: dist/migrations.json in a build (written by scripts/build.ts),
 * else the repository's prisma/migrations when run from source.
 */
export function expectedMigrations(here: string = import.meta.dirname): string[] {
  const built = join(here, 'migrations.json');
  if (existsSync(built)) return JSON.parse(readFileSync(built, 'utf8')) as string[];
  const dir = resolve(here, '../../../prisma/migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Names of the expected migrations that the database has not applied (all of them on an empty database). */
export async function pendingMigrations(db: Db, expected: string[]): Promise<string[]> {
  const [table] = await db.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`;
  if (!table?.present) return expected;
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((row) => row.migration_name));
  return expected.filter((name) => !done.has(name));
}

/** The one sentence `pnpm start` prints when it refuses a database with pending migrations. */
export function pendingMigrationsMessage(pending: string[]): string {
  return `The database has ${pending.length} pending migration${pending.length === 1 ? '' : 's'} (${pending.join(', ')}); run \`pnpm db:migrate\` with this DATABASE_URL (the release step), then start the server again.`;
}
