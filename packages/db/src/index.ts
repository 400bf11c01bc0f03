export {
  type CreateDbOptions,
  createDb,
  type Db,
  type PoolPressure,
  type PoolStats,
  pgPoolOf,
  poolPressureOf,
  poolStats,
} from './client.js';
export {
  defaultDataDir,
  defaultDevPort,
  type EmbeddedPostgresOptions,
  embeddedUrl,
  freePort,
  type RunningPostgres,
  startEmbeddedPostgres,
} from './embedded.js';
// The generated client's types and enums: models (User, Payment, …), enums (Role, PaymentStatus, …)
// as both values and types, and the Prisma namespace (Prisma.PaymentWhereInput, Prisma.JsonValue,
// Prisma.PrismaClientKnownRequestError, …).
export * from './generated.js';
export { generateClient, migrateDeploy, type PrismaCliResult, runPrismaCli } from './prisma-cli.js';
export {
  ensureDatabase,
  type ResolveDatabaseOptions,
  type ResolvedDatabase,
  resolveDatabase,
} from './resolve.js';
export {
  clearAllData,
  DEMO_ACCOUNTS,
  DEMO_OFFERINGS,
  DEMO_PASSWORD,
  type DemoAccountKey,
  describeDemoLogins,
  SeedRefusedError,
  type SeedResult,
  seedDemoData,
} from './seed.js';
