// `pnpm db:seed` (and `prisma db seed`): loads the demo data into DATABASE_URL, or into the embedded
// development database when DATABASE_URL is unset. The demo data itself lives in src/seed.ts
// (`seedDemoData(db)`), written with the payments domain.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDb } from '../client.js';
import { migrateDeploy } from '../prisma-cli.js';
import { resolveDatabase } from '../resolve.js';

const seedModule = fileURLToPath(new URL('../seed.ts', import.meta.url));

if (!existsSync(seedModule)) {
  console.log('No demo data yet: packages/db/src/seed.ts (seedDemoData) does not exist.');
} else {
  const database = await resolveDatabase();
  const db = createDb({ url: database.url });
  try {
    await migrateDeploy(database.url);
    const { seedDemoData } = (await import(seedModule)) as {
      seedDemoData: (db: ReturnType<typeof createDb>) => Promise<unknown>;
    };
    await seedDemoData(db);
    console.log('Demo data loaded.');
  } catch (error) {
    console.error(error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}
