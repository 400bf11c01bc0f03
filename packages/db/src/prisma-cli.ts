import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './embedded.js';

const require = createRequire(import.meta.url);

/** The repository's Prisma config (schema, migrations, our WASM schema engine). */
export const prismaConfigPath = join(repoRoot, 'prisma.config.ts');
export const schemaPath = join(repoRoot, 'prisma', 'schema.prisma');
export const migrationsPath = join(repoRoot, 'prisma', 'migrations');
export const schemaEnginePath = join(repoRoot, 'packages', 'db', 'bin', 'schema-engine.mjs');

export interface PrismaCliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `prisma` CLI (the pinned 7.10.0 of this package) with the repository's config, against
 * `url` when given. Never throws for a non-zero exit: look at `code`.
 */
export async function runPrismaCli(args: string[], options: { url?: string } = {}): Promise<PrismaCliResult> {
  const cli = require.resolve('prisma/build/index.js');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: schemaEnginePath,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    NO_COLOR: '1',
  };
  if (options.url !== undefined) env.DATABASE_URL = options.url;
  return await new Promise<PrismaCliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args, '--config', prismaConfigPath], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Applies every pending migration in prisma/migrations to the database at `url` (`prisma migrate deploy`). */
export async function migrateDeploy(url: string): Promise<void> {
  const result = await runPrismaCli(['migrate', 'deploy'], { url });
  if (result.code !== 0) {
    throw new Error(
      `prisma migrate deploy failed (exit ${result.code}):\n${result.stdout}${result.stderr}`.trim(),
    );
  }
}

/** Regenerates the Prisma client into packages/db/generated (`prisma generate`). */
export async function generateClient(): Promise<void> {
  const result = await runPrismaCli(['generate']);
  if (result.code !== 0) {
    throw new Error(`prisma generate failed (exit ${result.code}):\n${result.stdout}${result.stderr}`.trim());
  }
}
