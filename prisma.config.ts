// Prisma 7 configuration, read by every `prisma` command run in this repository.
//
// Prisma 7 does not load `.env`, and `env('DATABASE_URL')` throws when the variable is unset, so the
// URL is read from process.env with the development default that `pnpm dev` uses (the embedded
// PostgreSQL in .data/postgres, see packages/db/src/embedded.ts).
//
// These machines cannot download Prisma's native schema engine; our stand-in runs Prisma's published
// WebAssembly schema engine instead (packages/db/bin/schema-engine.mjs, see packages/db/README.md).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./packages/db/bin/schema-engine.mjs', import.meta.url),
);
process.env.CHECKPOINT_DISABLE ??= '1';
process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';

const developmentUrl = 'postgresql://postgres:postgres@127.0.0.1:54329/enrollpay';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'pnpm --filter @enrollpay/server run seed',
  },
  datasource: {
    url: process.env.DATABASE_URL || developmentUrl,
  },
});
