import { createDb } from '@enrollpay/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { createDeps } from '../deps.js';
import { takeOpsSnapshot } from '../metrics/snapshot.js';
import { sweepWebhookEvents } from './apply-event.js';
import { BATCH_SIZE } from './batch.js';
import { DUE_EVENT, dueWebhookBacklog, dueWebhookProbe, PROCESSOR_MAX_PENDING } from './processor-process.js';
import { DUE_WHERE, UNAPPLIED_WHERE } from './where.js';

// The WebhookEvent table keeps its events not applied yet in two small partial indexes
// (prisma/schema.prisma): "due" (never attempted, not leased: what a batch claims) and "unapplied" (the
// rest). Their readers (the claim, the processor's probe, the sweep, the oldest-unprocessed gauge) must
// find the right events and must be able to read those indexes: PostgreSQL uses a partial index only when
// the query's own conditions imply its WHERE, which a status sent as a parameter does not. The claim and
// the probe must read about as many entries as they return, whatever the statistics say.

/** The batch loop's claim (webhooks/batch.ts), as it sends it. */
const CLAIM = `SELECT "id", "type", "payload", "stripeCreatedAt" FROM "WebhookEvent" WHERE ${DUE_WHERE}
  ORDER BY "receivedAt", "id" LIMIT $1 FOR UPDATE SKIP LOCKED`;

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
    // A one-at-a-time attempt that crashed: its lease ran out. Not the batch's; the sweep takes it.
    ['evt_ui_received_lease_expired', 'RECEIVED', 0, at(25), new Date(NOW.getTime() - MINUTE).toISOString()],
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
    expect(await sweepWebhookEvents(stack.deps)).toBe(3);
    const jobs = await stack.db.$queryRaw<{ key: string }[]>`
      SELECT key FROM graphile_worker.jobs WHERE key LIKE 'webhook:evt_ui_%' ORDER BY key`;
    expect(jobs.map((j) => j.key)).toEqual([
      'webhook:evt_ui_failed_retrying',
      'webhook:evt_ui_received_lease_expired',
      'webhook:evt_ui_received_stuck',
    ]);
  });

  it('the claim and the probe read the "due" index, the sweep and the gauge both partial indexes', async () => {
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
      const both = sent.filter((s) => s.sql.includes(UNAPPLIED_WHERE));
      expect(both).toHaveLength(2);
      const due = [
        { sql: CLAIM, values: [100] },
        {
          sql: DUE_EVENT.text,
          values: [NOW.toISOString(), '-infinity', PROCESSOR_MAX_PENDING, '', 'Infinity', 'Infinity'],
        },
      ];
      // On a table of eight rows any plan will do: leave PostgreSQL only the partial indexes or a
      // (forbidden) sequential scan, inside a transaction rolled back, so the plan shows whether the
      // query can use the partial indexes at all.
      await client.query('BEGIN');
      await client.query('DROP INDEX "WebhookEvent_receivedAt_id_status_type_idx"');
      await client.query('SET LOCAL enable_seqscan = off');
      const planOf = async ({ sql, values }: { sql: string; values: readonly unknown[] }) => {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [...values]);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      };
      for (const query of due) {
        const plan = await planOf(query);
        expect(plan, query.sql).toContain('"WebhookEvent_due_receivedAt_id_idx"');
        expect(plan, query.sql).not.toContain('"WebhookEvent_unapplied_receivedAt_id_idx"');
        expect(plan, query.sql).not.toContain('Seq Scan');
      }
      for (const query of both) {
        const plan = await planOf(query);
        expect(plan, query.sql).toContain('"WebhookEvent_due_receivedAt_id_idx"');
        expect(plan, query.sql).toContain('"WebhookEvent_unapplied_receivedAt_id_idx"');
        expect(plan, query.sql).not.toContain('Seq Scan');
      }
      await client.query('ROLLBACK');
    } finally {
      await client.end();
      await capturing.$disconnect();
    }
  });

  it("the processor's probe counts only what was stored since its last read, afresh once anyone claimed", async () => {
    const probe = dueWebhookProbe(stack.deps);
    const due = { oldestAgeMs: 20 * MINUTE, newestAgeMs: 0.1 * MINUTE };
    expect(await probe()).toEqual({ count: 2, ...due });
    await stack.db.$executeRawUnsafe(
      `INSERT INTO "WebhookEvent" (id, type, payload, "stripeCreatedAt", "receivedAt")
       VALUES ('evt_ui_received_later', 'payment_intent.succeeded', '{}'::jsonb, $1::timestamp, $1::timestamp)`,
      new Date(NOW.getTime() - 0.05 * MINUTE).toISOString(),
    );
    expect(await probe()).toEqual({ count: 3, oldestAgeMs: 20 * MINUTE, newestAgeMs: 0.05 * MINUTE });
    // Capped.
    const capped = dueWebhookProbe(stack.deps, { cap: 2 });
    expect((await capped()).count).toBe(2);
    expect((await capped()).count).toBe(2);
    // The oldest leaves (a one-at-a-time attempt leases it): counted afresh, not 3 - 0.
    await stack.db.$executeRawUnsafe(
      `UPDATE "WebhookEvent" SET "claimedUntil" = $1::timestamp WHERE id = 'evt_ui_received_stuck'`,
      new Date(NOW.getTime() + MINUTE).toISOString(),
    );
    expect(await probe()).toEqual({ count: 2, oldestAgeMs: 0.1 * MINUTE, newestAgeMs: 0.05 * MINUTE });
    await stack.db.$executeRawUnsafe(
      `UPDATE "WebhookEvent" SET "claimedUntil" = NULL WHERE id = 'evt_ui_received_stuck'`,
    );
    await stack.db.$executeRawUnsafe(`DELETE FROM "WebhookEvent" WHERE id = 'evt_ui_received_later'`);
    expect(await probe()).toEqual({ count: 2, ...due });
    // The processor's probe counts only while ingest is hot (the newest younger than quietMs) and the
    // budget is not spent: here the newest is 6 s old, so it is "something is due" (1), claimed now.
    const processors = dueWebhookProbe(stack.deps, { quietMs: 25, maxDelayMs: 5_000 });
    expect(await processors()).toEqual({ count: 1, ...due });
    expect(await dueWebhookProbe(stack.deps, { quietMs: 10 * MINUTE, maxDelayMs: 30 * MINUTE })()).toEqual({
      count: 2,
      ...due,
    });
    expect(await dueWebhookProbe(stack.deps, { quietMs: 10 * MINUTE, maxDelayMs: 5_000 })()).toEqual({
      count: 1,
      ...due,
    });
  });

  it("the processor's idle probe counts what a batch would claim (not leased or final ones) and how old it is", async () => {
    // Due: evt_ui_received_stuck (20 min ago) and evt_ui_received_fresh (6 s ago).
    expect(await dueWebhookBacklog(stack.deps)).toEqual({
      count: 2,
      oldestAgeMs: 20 * MINUTE,
      newestAgeMs: 0.1 * MINUTE,
    });
    // Capped count (at the cap the processor claims at once); the ages are still the oldest's and newest's.
    expect(await dueWebhookBacklog(stack.deps, 1)).toEqual({
      count: 1,
      oldestAgeMs: 20 * MINUTE,
      newestAgeMs: 0.1 * MINUTE,
    });
    // Only the leased RECEIVED event (claimedUntil ahead) and final or retrying ones left: nothing is due.
    await stack.db.$executeRawUnsafe(
      `UPDATE "WebhookEvent" SET status = 'PROCESSED' WHERE id IN ('evt_ui_received_stuck', 'evt_ui_received_fresh')`,
    );
    expect(await dueWebhookBacklog(stack.deps)).toEqual({ count: 0, oldestAgeMs: 0, newestAgeMs: 0 });
  });
});

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

describe('the claim and the probe read about what they return, whatever the statistics say', () => {
  // A table of many applied events and a backlog of 5,000 stored ones (about 1 KB of payload each, some
  // 700 pages), under four states of the statistics: none taken since the events arrived, taken while
  // the table was empty, taken while every event was PROCESSED (production between two autovacuum runs: "RECEIVED" and "attempts = 0"
  // look rare), and fresh. The claim must be an ordered scan of the "due" index that stops after its
  // LIMIT (no bitmap scan of the whole backlog, no sort), and the probe must read a few index pages.
  const APPLIED = 20_000;
  const BACKLOG = 5_000;

  it.each(['none', 'empty', 'stale', 'fresh'] as const)('statistics: %s', async (statistics) => {
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      if (statistics === 'empty') {
        // Analyzed while the table was empty (the bench analyzes right after seeding): no row counts.
        await client.query('DELETE FROM "WebhookEvent"');
        await client.query('ANALYZE "WebhookEvent"');
      }
      await client.query(
        `INSERT INTO "WebhookEvent" (id, type, payload, "stripeCreatedAt", status, attempts, "receivedAt", "processedAt")
         SELECT 'evt_plan_applied_' || g, 'payment_intent.succeeded', jsonb_build_object('pad', repeat('x', 200)),
           $1::timestamp + g * interval '1 second', 'PROCESSED', 1, $1::timestamp + g * interval '1 second',
           $1::timestamp + g * interval '1 second'
         FROM generate_series(1, $2::int) AS g`,
        [new Date(NOW.getTime() - 30 * 24 * 60 * MINUTE).toISOString(), APPLIED],
      );
      if (statistics === 'stale') await client.query('ANALYZE "WebhookEvent"');
      await client.query(
        `INSERT INTO "WebhookEvent" (id, type, payload, "stripeCreatedAt", "receivedAt")
         SELECT 'evt_plan_due_' || g, 'payment_intent.succeeded', jsonb_build_object('pad', repeat(md5(g::text), 32)),
           $1::timestamp + g * interval '10 milliseconds', $1::timestamp + g * interval '10 milliseconds'
         FROM generate_series(1, $2::int) AS g`,
        [new Date(NOW.getTime() - 5 * MINUTE).toISOString(), BACKLOG],
      );
      if (statistics === 'fresh') await client.query('ANALYZE "WebhookEvent"');

      const explain = async (sql: string, values: unknown[]) => {
        const { rows } = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
          `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
          values,
        );
        const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
        if (!plan) throw new Error('no plan');
        return { plan, nodes: nodesOf(plan), blocks: plan['Shared Hit Blocks'] + plan['Shared Read Blocks'] };
      };

      const claim = await explain(CLAIM, [BATCH_SIZE]);
      const types = claim.nodes.map((n) => n['Node Type']);
      expect(types).not.toContain('Sort');
      expect(types).not.toContain('Bitmap Heap Scan');
      const scan = claim.nodes.find((n) => n['Node Type'] === 'Index Scan');
      expect(scan?.['Index Name']).toBe('WebhookEvent_due_receivedAt_id_idx');
      expect(scan?.['Actual Rows']).toBe(BATCH_SIZE);
      // 100 rows of about 1 KB: some 30 heap pages, read twice (the scan, then the lock), and the index
      // path. The whole backlog would be some 700 pages.
      expect(claim.blocks).toBeLessThan(300);

      // The probe from scratch, capped at one batch: it reads the oldest and the newest entries and
      // counts the first 100.
      const fresh = await explain(DUE_EVENT.text, [
        NOW.toISOString(),
        '-infinity',
        BATCH_SIZE,
        '',
        'Infinity',
        'Infinity',
      ]);
      expect(fresh.nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
      expect(fresh.nodes.map((n) => n['Node Type'])).not.toContain('Sort');
      expect(fresh.blocks).toBeLessThan(100);
      // The probe the processor asks every poll while a burst is held back: the oldest unchanged, nothing
      // stored since the newest it saw. A few index pages, not the 5,000 entries of the backlog.
      const { rows } = await client.query<{ id: string; at: string }>(
        `SELECT (SELECT id FROM "WebhookEvent" WHERE ${DUE_WHERE} ORDER BY "receivedAt", id LIMIT 1) AS id,
           (SELECT to_char(max("receivedAt"), 'YYYY-MM-DD"T"HH24:MI:SS.MS') FROM "WebhookEvent" WHERE ${DUE_WHERE}) AS at`,
      );
      const [head] = rows;
      const again = await explain(DUE_EVENT.text, [
        NOW.toISOString(),
        head?.at,
        PROCESSOR_MAX_PENDING,
        head?.id,
        'Infinity',
        'Infinity',
      ]);
      expect(again.nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
      expect(again.blocks).toBeLessThan(40);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      // The rolled-back rows left dead entries at both ends of the "due" index: gone before the next case.
      await client.query('VACUUM "WebhookEvent"').catch(() => undefined);
      await client.end();
    }
  });
});
