// Vitest globalSetup: one throwaway PostgreSQL for the whole test run of a package (or a server of
// DATABASE_URL's, when set), with the migrated template built once, before any test file runs.
// Test files then call createTestDatabase() to get their own clone of the template.
//
//   // vitest.config.ts of a package that uses the database (by package name, never a path into src/)
//   globalSetup: [fileURLToPath(import.meta.resolve('@enrollpay/db/testing/global-setup'))],
import type { RunningPostgres } from '../embedded.js';
import { ensureGeneratedClient, ensureTemplate, startThrowawayPostgres, TEST_SERVER_ENV } from './server.js';

export default async function setup(): Promise<() => Promise<void>> {
  await ensureGeneratedClient();
  let server: RunningPostgres | undefined;
  let adminUrl = process.env[TEST_SERVER_ENV] || process.env.DATABASE_URL;
  if (!adminUrl) {
    server = await startThrowawayPostgres();
    adminUrl = server.url;
  }
  await ensureTemplate(adminUrl);
  // Test workers are started after this and inherit the environment.
  process.env[TEST_SERVER_ENV] = adminUrl;
  return async () => {
    await server?.stop();
  };
}
