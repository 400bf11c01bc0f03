// `pnpm --filter @enrollpay/db seed`: applies migrations, then creates the demo accounts and offerings
// (src/seed.ts) when the database has no users yet — without payment history. `pnpm db:seed` (and
// `prisma db seed`) run apps/server/scripts/seed.ts instead, which adds the history. Uses DATABASE_URL when set, otherwise the embedded
// development PostgreSQL. Refused with NODE_ENV=production.
import { hash } from '@node-rs/argon2';
import { createDb } from '../client.js';
import { migrateDeploy } from '../prisma-cli.js';
import { resolveDatabase } from '../resolve.js';
import { describeDemoLogins, SeedRefusedError, seedDemoData } from '../seed.js';

// The same argon2id parameters as the server's src/auth/passwords.ts (algorithm 2 = Argon2id).
const hashPassword = (password: string) =>
  hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

async function main(): Promise<number> {
  if (process.env.NODE_ENV === 'production') {
    console.error(new SeedRefusedError().message);
    return 1;
  }
  const database = await resolveDatabase();
  const db = createDb({ url: database.url });
  try {
    await migrateDeploy(database.url);
    const result = await seedDemoData(db, { hashPassword });
    if (result.created) {
      console.log(`Created ${result.users.length} demo accounts and ${result.offerings.length} offerings.`);
    } else {
      console.log('The database already has users; no demo data was created.');
    }
    console.log(describeDemoLogins());
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

const code = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : error);
  return 1;
});
process.exit(code);
