// `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded development
// database (.data/postgres) when DATABASE_URL is unset — started for the occasion and stopped again.
import { migrateDeploy } from '../prisma-cli.js';
import { resolveDatabase } from '../resolve.js';

const database = await resolveDatabase();
try {
  await migrateDeploy(database.url);
  console.log(`Migrations applied to ${new URL(database.url).host}${new URL(database.url).pathname}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
