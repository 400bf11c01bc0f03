import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db, pgPoolOf, poolPressureOf, poolStats } from './client.js';
import { ConnectionWaits } from './connection-waits.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

describe('ConnectionWaits', () => {
  it('is the age of the oldest request not yet given a connection, whatever order they end in', () => {
    const waits = new ConnectionWaits();
    expect(waits.oldestMs(1_000)).toBe(0);
    const a = waits.begin(100);
    const b = waits.begin(150);
    const c = waits.begin(180);
    expect(waits.oldestMs(200)).toBe(100);
    // The second ends first (a new connection opened faster than the queue moved): a still waits.
    waits.end(b);
    expect(waits.oldestMs(200)).toBe(100);
    waits.end(a);
    expect(waits.oldestMs(200)).toBe(20);
    waits.end(c);
    expect(waits.oldestMs(200)).toBe(0);
    // A ticket given back twice, or one never handed out, changes nothing.
    waits.end(c);
    waits.end(99);
    const d = waits.begin(300);
    expect(waits.oldestMs(310)).toBe(10);
    waits.end(d);
    expect(waits.oldestMs(310)).toBe(0);
  });

  it('keeps every start time when more requests wait at once than its ring holds', () => {
    const waits = new ConnectionWaits();
    const tickets = Array.from({ length: 1_000 }, (_, i) => waits.begin(i));
    expect(waits.oldestMs(1_000)).toBe(1_000);
    for (const ticket of tickets.slice(0, 700)) waits.end(ticket);
    expect(waits.oldestMs(1_000)).toBe(300);
    // Wraps around the grown ring many times without losing the head.
    for (let round = 0; round < 5_000; round++) waits.end(waits.begin(2_000 + round));
    expect(waits.oldestMs(1_000)).toBe(300);
    for (const ticket of tickets.slice(700)) waits.end(ticket);
    expect(waits.oldestMs(10_000)).toBe(0);
  });
});

describe('a Db made by createDb times its pool waits', () => {
  let testDb: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = createDb({ url: testDb.url, maxConnections: 2 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await testDb?.drop();
  });

  it('reads 0 when nobody waits, and the growing wait of a query while every connection is held', async () => {
    const pool = pgPoolOf(db);
    const pressure = poolPressureOf(db);
    if (!pool || !pressure) throw new Error('createDb made no pool');
    await pool.query('SELECT 1');
    expect(pressure.oldestWaitMs()).toBe(0);

    // Both connections busy for 1.5 s: one through Prisma (its promise runs once awaited), one through
    // the pool directly.
    const held = [
      db.$executeRaw`SELECT pg_sleep(1.5)`.then(() => undefined),
      pool.query('SELECT pg_sleep(1.5)'),
    ];
    const deadline = Date.now() + 5_000;
    while ((poolStats(db)?.idle ?? 0) > 0 || (poolStats(db)?.total ?? 0) < 2) {
      if (Date.now() > deadline) throw new Error('the two holders never took both connections');
      await new Promise((r) => setTimeout(r, 10));
    }
    const waiter = pool.query('SELECT 1 AS one');
    await new Promise((r) => setTimeout(r, 400));
    expect(pressure.waiting()).toBe(1);
    expect(pressure.oldestWaitMs()).toBeGreaterThanOrEqual(350);
    expect(poolStats(db)?.oldestWaitMs).toBeGreaterThanOrEqual(350);

    expect((await waiter).rows).toEqual([{ one: 1 }]);
    await Promise.all(held);
    expect(pressure.waiting()).toBe(0);
    expect(pressure.oldestWaitMs()).toBe(0);
  });

  it('forgets a request that timed out waiting', async () => {
    const timed = createDb({ url: testDb.url, maxConnections: 1, connectionTimeoutMillis: 200 });
    try {
      const pool = pgPoolOf(timed);
      const pressure = poolPressureOf(timed);
      if (!pool || !pressure) throw new Error('createDb made no pool');
      const held = pool.query('SELECT pg_sleep(0.8)');
      await new Promise((r) => setTimeout(r, 100));
      await expect(pool.query('SELECT 1')).rejects.toThrow(/timeout exceeded when trying to connect/);
      expect(pressure.oldestWaitMs()).toBe(0);
      await held;
    } finally {
      await timed.$disconnect();
    }
  });
});
