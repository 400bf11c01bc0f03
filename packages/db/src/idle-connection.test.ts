import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, type Db, pgPoolOf } from './client.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

let testDb: TestDatabase;
let db: Db;
const idleErrors: Error[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDb({ url: testDb.url, onIdleConnectionError: (error) => idleErrors.push(error) });
});
afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

// A Db used only through its pg pool (the hot paths) before Prisma ever connects: an idle connection
// the server closes must not become an uncaught 'error' (which ends the process; Vitest fails the run).
it('survives PostgreSQL closing an idle pool connection, and the next query gets a new one', async () => {
  const pool = pgPoolOf(db);
  if (!pool) throw new Error('createDb made no pool');
  const pid = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
  expect(pid).toEqual(expect.any(Number));

  const admin = new pg.Client({ connectionString: testDb.url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
  const deadline = Date.now() + 5_000;
  while (!idleErrors.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

  expect(idleErrors.map((e) => e.message)).toEqual([expect.stringMatching(/terminating connection/)]);
  const again = (await pool.query<{ again: number }>('SELECT pg_backend_pid() AS again')).rows[0]?.again;
  expect(again).toEqual(expect.any(Number));
  expect(again).not.toBe(pid);
});
