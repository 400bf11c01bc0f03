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

  it('survives the server ending its idle connections (a restart, a failover): the next job is stored', async () => {
    const database = await createTestDatabase();
    const url = new URL(database.url);
    url.searchParams.set('application_name', 'queue-idle-test');
    const queue = createJobQueue(url.toString());
    try {
      // Installed, but no job added yet: graphile-worker has no listener on the pool (it has one only while
      // its utils are alive). The pool keeps its connections idle; the server ends them. Without our
      // listener for the pool's 'error' that is an unhandled error that ends the process (and fails the run).
      await queue.migrate();
      const ended = await database.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
        WHERE application_name = 'queue-idle-test' AND state = 'idle'`;
      expect(Number(ended[0]?.n)).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await queue.add(TASKS.reconcile, { sinceHours: 1 }, { jobKey: 'after' });
      const jobs = await database.db.$queryRaw<{ key: string }[]>`
        SELECT key FROM graphile_worker.jobs ORDER BY key`;
      expect(jobs.map((j) => j.key)).toEqual(['after']);
    } finally {
      await queue.close();
      await database.drop();
    }
  });
});
