import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app.js';
import { openProcess, stopOnSignals } from './process-startup.js';

/** Starts the API: parse env, connect, listen; on SIGINT/SIGTERM stop taking requests, finish, close. */
async function main() {
  const { env, deps, logIdleConnectionErrorsTo, closeDatabase } = await openProcess();
  // A build (dist/server.js) serves the web app it was packaged with (dist/web) unless WEB_DIST_DIR says otherwise.
  const builtWeb = join(import.meta.dirname, 'web');
  const webDistDir = env.WEB_DIST_DIR || (existsSync(join(builtWeb, 'index.html')) ? builtWeb : undefined);
  const app = await buildApp({ deps, webDistDir });
  logIdleConnectionErrorsTo(app.log);
  stopOnSignals(app.log, 'API', 10_000, () => app.close(), closeDatabase);

  await app.listen({ port: env.PORT, host: env.HOST });
}

void main();
