// Vitest globalSetup for the browser tests: builds the web app once (production build, the same
// bundle a deploy serves) into .data/e2e-dist, so the tests never touch a developer's dist/.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { E2E_DIST } from './paths.js';

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      configFile: `${root}/vite.config.ts`,
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: E2E_DIST, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
