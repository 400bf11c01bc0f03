import { createTestDatabase } from '@enrollpay/db/testing';
import { describe, expect, it } from 'vitest';
import { createJobQueue, TASKS } from './queue.js';

describe('the job queue on a fresh database', () => {
  it('lets several instances install graphile-worker at once (they used to race on CREATE SCHEMA)', async () => {
    for (let round = 0; round < 5; round++) {
      const database = await createTestDatabase();
      const queues = Array.from({ length: 6 }, () => createJobQueue(database.url));
      try {
        const results = await Promise.allSettled(queues.map((q) => q.migrate()));
        expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(
          queues.map(() => 'ok'),
        );
        // The queue still works on its pool after installing: a job can be added and is stored.
        await queues[0]!.add(TASKS.reconcile, { sinceHours: 1 }, { jobKey: 'queue-test' });
        const jobs = await database.db.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = 'queue-test'`;
        expect(Number(jobs[0]?.n)).toBe(1);
      } finally {
        await Promise.all(queues.map((q) => q.close()));
        await database.drop();
      }
    }
  });
});
