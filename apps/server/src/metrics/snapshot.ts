import { type Db, Prisma } from '@enrollpay/db';
import type { Clock } from '../lib/clock.js';
import { openDisputeCount } from '../payments/status.js';
import { DUE_WHERE, UNAPPLIED_WHERE } from '../webhooks/where.js';

/** Operational figures read from the database: the source of the gauges and of admin.metricsSummary. */
export interface OpsSnapshot {
  takenAt: Date;
  paymentsByStatus: Record<string, number>;
  refundsByStatus: Record<string, number>;
  disputesByStatus: Record<string, number>;
  openDisputes: number;
  webhookEventsByStatus: Record<string, number>;
  /** Age of the oldest event still waiting to be processed (RECEIVED or FAILED and retrying), or null. */
  oldestUnprocessedEventAgeSeconds: number | null;
  outboxByStatus: Record<string, number>;
  /** graphile-worker jobs waiting or running (not permanently failed); 0 before its schema exists. */
  queueDepth: number;
}

function tally<T extends { _count: { _all: number } }>(
  rows: T[],
  key: (row: T) => string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) out[key(row)] = (out[key(row)] ?? 0) + row._count._all;
  return out;
}

async function queueDepth(db: Db): Promise<number> {
  const [exists] = await db.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS present`;
  if (!exists?.present) return 0;
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE attempts < max_attempts`;
  return row?.n ?? 0;
}

export async function takeOpsSnapshot(
  db: Db,
  clock: Clock,
  maxWebhookAttempts: number,
): Promise<OpsSnapshot> {
  const now = clock.now();
  const [payments, refunds, disputes, events, outbox, oldest, depth] = await Promise.all([
    db.payment.groupBy({ by: ['status'], _count: { _all: true } }),
    db.refund.groupBy({ by: ['status'], _count: { _all: true } }),
    db.dispute.groupBy({ by: ['status'], _count: { _all: true } }),
    db.webhookEvent.groupBy({ by: ['status'], _count: { _all: true } }),
    db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } }),
    // The oldest of each small partial index of what is not applied (webhooks/where.ts: their WHERE as
    // literals, so PostgreSQL reads them), RECEIVED or FAILED with attempts left.
    db.$queryRaw<{ receivedAt: Date | null }[]>`
      SELECT least(
        (SELECT min("receivedAt") FROM "WebhookEvent" WHERE ${Prisma.raw(DUE_WHERE)}),
        (SELECT min("receivedAt") FROM "WebhookEvent" WHERE ${Prisma.raw(UNAPPLIED_WHERE)}
          AND ("status" = 'RECEIVED' OR ("status" = 'FAILED' AND "attempts" < ${maxWebhookAttempts})))
      ) AS "receivedAt"`.then((rows) => (rows[0]?.receivedAt ? { receivedAt: rows[0].receivedAt } : null)),
    queueDepth(db),
  ]);
  const disputesByStatus = tally(disputes, (r) => r.status);
  return {
    takenAt: now,
    paymentsByStatus: tally(payments, (r) => r.status),
    refundsByStatus: tally(refunds, (r) => r.status),
    disputesByStatus,
    openDisputes: openDisputeCount(disputesByStatus),
    webhookEventsByStatus: tally(events, (r) => r.status),
    oldestUnprocessedEventAgeSeconds: oldest
      ? Math.max(0, (now.getTime() - oldest.receivedAt.getTime()) / 1000)
      : null,
    outboxByStatus: tally(outbox, (r) => r.status),
    queueDepth: depth,
  };
}
