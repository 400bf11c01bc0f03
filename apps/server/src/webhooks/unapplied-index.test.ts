import { createDb } from '@enrollpay/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { createDeps } from '../deps.js';
import { takeOpsSnapshot } from '../metrics/snapshot.js';
import { sweepWebhookEvents } from './apply-event.js';
import { DUE_EVENT, dueWebhookBacklog, PROCESSOR_MAX_PENDING } from './processor-process.js';

// The WebhookEvent table keeps two secondary indexes (prisma/schema.prisma): the events not applied yet
// sit in a small partial index. The readers of that set (the sweep, the oldest-unprocessed gauge) must
// find the right events and must be able to read that index: PostgreSQL uses a partial index only when
// the query's own conditions imply its WHERE, which a status sent as a parameter does not.

let stack: TestStack;
const MINUTE = 60_000;
const NOW = new Date('2026-11-30T12:00:00.000Z');

beforeAll(async () => {
  // Separate: no batch loop in the app claims these rows while the tests read them.
  stack = await startTestStack({
    webhooks: false,
    clock: { now: () => NOW },
    env: { WEBHOOK_PROCESSING: 'separate' },
  });
  const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * MINUTE).toISOString();
  const max = stack.deps.env.WEBHOOK_MAX_ATTEMPTS;
  const rows: [string, string, number, string, string | null][] = [
    // id, status, attempts, receivedAt, claimedUntil
    ['evt_ui_processed_old', 'PROCESSED', 1, at(600), null],
    ['evt_ui_ignored_old', 'IGNORED', 0, at(590), null],
    ['evt_ui_failed_exhausted', 'FAILED', max, at(500), null],
    ['evt_ui_orphaned', 'ORPHANED', 1, at(450), null],
    ['evt_ui_failed_retrying', 'FAILED', 1, at(30), null],
    ['evt_ui_received_stuck', 'RECEIVED', 0, at(20), null],
    ['evt_ui_received_claimed', 'RECEIVED', 0, at(15), new Date(NOW.getTime() + MINUTE).toISOString()],
    ['evt_ui_received_fresh', 'RECEIVED', 0, at(0.1), null],
  ];
  for (const [id, status, attempts, receivedAt, claimedUntil] of rows) {
    await stack.db.$executeRawUnsafe(
      `INSERT INTO "WebhookEvent" (id, type, payload, "stripeCreatedAt", status, attempts, "receivedAt", "claimedUntil")
       VALUES ($1, 'payment_intent.succeeded', '{}'::jsonb, $2::timestamp, $3::"WebhookEventStatus", $4, $2::timestamp, $5::timestamp)`,
      id,
      receivedAt,
      status,
      attempts,
      claimedUntil,
    );
  }
});
afterAll(async () => {
  await stack?.close();
});

describe('events not applied yet (the partial index)', () => {
  it('the oldest-unprocessed gauge reads the oldest RECEIVED or retrying FAILED event, not a given-up one', async () => {
    const snapshot = await takeOpsSnapshot(stack.db, stack.deps.clock, stack.deps.env.WEBHOOK_MAX_ATTEMPTS);
    expect(snapshot.oldestUnprocessedEventAgeSeconds).toBe(30 * 60);
  });

  it('the sweep enqueues the stuck events only (not fresh, not claimed, not final)', async () => {
    expect(await sweepWebhookEvents(stack.deps)).toBe(2);
    const jobs = await stack.db.$queryRaw<{ key: string }[]>`
      SELECT key FROM graphile_worker.jobs WHERE key LIKE 'webhook:evt_ui_%' ORDER BY key`;
    expect(jobs.map((j) => j.key)).toEqual([
      'webhook:evt_ui_failed_retrying',
      'webhook:evt_ui_received_stuck',
    ]);
  });

  it('the claim, the sweep and the gauge can read the partial index (its WHERE is implied by theirs)', async () => {
    // Capture the statements exactly as the sweep and the snapshot send them.
    const sent: { sql: string; values: readonly unknown[] }[] = [];
    const capturing = createDb({
      url: stack.database.url,
      maxConnections: 2,
      onStatement: (sql, values) => {
        if (sql.includes('"WebhookEvent"')) sent.push({ sql, values });
      },
    });
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      const deps = createDeps(stack.deps.env, capturing, { clock: stack.deps.clock });
      await sweepWebhookEvents(deps);
      await takeOpsSnapshot(capturing, deps.clock, deps.env.WEBHOOK_MAX_ATTEMPTS);
      // The batch loop's claim (webhooks/batch.ts).
      const claim = {
        sql: `SELECT "id" FROM "WebhookEvent"
              WHERE "status" = 'RECEIVED' AND "attempts" = 0
                AND ("claimedUntil" IS NULL OR "claimedUntil" <= $1)
              ORDER BY "receivedAt", "id" LIMIT $2 FOR UPDATE SKIP LOCKED`,
        values: [NOW, 100],
      };
      // The processor process's idle poll (processor-process.ts), every 50 ms by default.
      const probe = { sql: DUE_EVENT.text, values: [NOW.toISOString(), PROCESSOR_MAX_PENDING] };
      const unapplied = [
        claim,
        probe,
        ...sent.filter((s) => /"status" IN \('RECEIVED', 'FAILED'\)/.test(s.sql)),
      ];
      expect(unapplied).toHaveLength(4);
      // On a table of eight rows any plan will do: leave PostgreSQL only the partial index or a
      // (forbidden) sequential scan, inside a transaction rolled back, so the plan shows whether the
      // query can use the partial index at all.
      await client.query('BEGIN');
      await client.query('DROP INDEX "WebhookEvent_receivedAt_id_status_type_idx"');
      await client.query('SET LOCAL enable_seqscan = off');
      for (const { sql, values } of unapplied) {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [...values]);
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(plan, sql).toContain('"WebhookEvent_unapplied_receivedAt_id_idx"');
        expect(plan, sql).not.toContain('Seq Scan');
      }
      await client.query('ROLLBACK');
    } finally {
      await client.end();
      await capturing.$disconnect();
    }
  });

  it("the processor's idle probe counts what a batch would claim (not leased or final ones) and how old it is", async () => {
    // Due: evt_ui_received_stuck (20 min ago) and evt_ui_received_fresh (6 s ago).
    expect(await dueWebhookBacklog(stack.deps)).toEqual({
      count: 2,
      oldestAgeMs: 20 * MINUTE,
      newestAgeMs: 0.1 * MINUTE,
    });
    // Capped: the oldest due events only (at the cap the processor claims at once).
    expect(await dueWebhookBacklog(stack.deps, 1)).toEqual({
      count: 1,
      oldestAgeMs: 20 * MINUTE,
      newestAgeMs: 20 * MINUTE,
    });
    // Only the leased RECEIVED event (claimedUntil ahead) and final or retrying ones left: nothing is due.
    await stack.db.$executeRawUnsafe(
      `UPDATE "WebhookEvent" SET status = 'PROCESSED' WHERE id IN ('evt_ui_received_stuck', 'evt_ui_received_fresh')`,
    );
    expect(await dueWebhookBacklog(stack.deps)).toEqual({ count: 0, oldestAgeMs: 0, newestAgeMs: 0 });
  });
});
