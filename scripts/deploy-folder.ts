// The last step of `pnpm build`: the self-contained deploy folder, dist/deploy.
//   1. the built web app (apps/web/dist) goes next to the server bundle, as apps/server/dist/web;
//   2. `pnpm deploy --prod` copies @enrollpay/server's package (its dist/) with only its production
//      dependencies into dist/deploy — no workspace, no dev dependencies, no TypeScript.
// Start it anywhere with only Node and the environment:  cd dist/deploy && node dist/server.js
// (the Dockerfile copies this same folder).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDist = path.join(root, 'apps/web/dist');
const serverDist = path.join(root, 'apps/server/dist');
const target = path.resolve(root, process.argv[2] ?? 'dist/deploy');

for (const [dir, what] of [
  [webDist, 'the web app'],
  [serverDist, 'the server'],
] as const) {
  if (!existsSync(dir)) throw new Error(`${what} is not built (${dir} is missing); run \`pnpm build\``);
}
rmSync(path.join(serverDist, 'web'), { recursive: true, force: true });
cpSync(webDist, path.join(serverDist, 'web'), { recursive: true });

rmSync(target, { recursive: true, force: true });
execFileSync(
  'pnpm',
  [
    '--filter',
    '@enrollpay/server',
    'deploy',
    '--prod',
    '--prefer-offline',
    '--config.confirm-modules-purge=false',
    target,
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
console.log(
  `deploy folder: ${path.relative(process.cwd(), target) || '.'} (start it with: node dist/server.js)`,
);
