// `@enrollpay/schemas/testing` (inside the monorepo only): packs the package the way it would be published,
// for tests that install it outside the workspace. Test files run in parallel, and building rewrites
// dist/, so build-and-pack runs under a lock shared by every process on this checkout.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_DIR } from './compat/surface.js';

const LOCK_DIR = join(PACKAGE_DIR, '.pack-lock');
const STALE_MS = 5 * 60_000;

async function withLock<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      // A lock left by a killed process is taken over once it is older than any build could take.
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > STALE_MS)
          rmSync(LOCK_DIR, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK_DIR}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Builds dist/ and writes the tarball `pnpm pack` makes into `destination`; returns its path. */
export async function packSchemas(destination: string): Promise<string> {
  return withLock(() => {
    const run = (args: string[]) =>
      execFileSync('pnpm', args, { cwd: PACKAGE_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    run(['run', 'build']);
    run(['pack', '--pack-destination', destination]);
    const name = readdirSync(destination).find(
      (f) => f.startsWith('enrollpay-schemas-') && f.endsWith('.tgz'),
    );
    if (!name) throw new Error(`pnpm pack wrote no tarball into ${destination}`);
    return join(destination, name);
  });
}
