#!/usr/bin/env node
// Generates the Prisma client into packages/db/generated (git-ignored) from prisma/schema.prisma.
// Runs on `pnpm install` (postinstall) so a fresh clone has it before anything imports @enrollpay/db.
// Offline: `prisma generate` needs no download once PRISMA_SCHEMA_ENGINE_BINARY points at our
// schema engine, which prisma.config.ts does.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const result = spawnSync(
  process.execPath,
  [require.resolve('prisma/build/index.js'), 'generate', '--config', `${repoRoot}prisma.config.ts`],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  },
);
process.exit(result.status ?? 1);
