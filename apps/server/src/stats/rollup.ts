import { type Db, type Payment, Prisma } from '@enrollpay/db';
import { utcDay } from '../lib/utc-time.js';
import { prismaRunner, type SqlRunner } from '../payments/sql.js';

/**
 * Recomputes the whole PaymentDailyStat rollup from Payment rows, set-based (one INSERT … SELECT), by the
 * same definitions the payment sync applies incrementally (`contributionsOf` below), per UTC day:
 * - a succeeded payment adds amountReceived to gross, 1 to succeededCount and its promotion code's
 *   discountAmount to discountAmount on the day of succeededAt (a free enrollment: gross 0, one success);
 * - a payment with refunds adds amountRefunded and 1 to refundedCount on the day of refundedAt;
 * - a payment whose status is FAILED adds 1 to failedCount on the day of failedAt;
 * - a disputed payment adds 1 to disputedCount on the day of disputedAt;
 * - a payment that lost disputes adds amountLostToDisputes to disputeLostAmount on the day of disputeLostAt;
 * - a succeeded payment that is not fully refunded adds its Connect platform fee (applicationFeeAmount) to
 *   platformFeeAmount on the day of succeededAt (a full refund returns the fee).
 *
 * Used to seed benchmark data and as a repair tool. It locks the rollup against concurrent syncs for its
 * duration (SHARE ROW EXCLUSIVE conflicts with their upserts), so a sync that commits during the rebuild
 * applies its delta after it, on top of a snapshot that did not include its change. Then it vacuums and
 * analyzes the rollup: stats.specialist reads it by index-only scans, which skip the heap only for pages
 * the visibility map marks all-visible (VACUUM sets that; rewritten rows start without it). Returns the
 * number of rollup rows written.
 */
export async function rebuildDailyStats(db: Db): Promise<number> {
  const written = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "PaymentDailyStat" IN SHARE ROW EXCLUSIVE MODE`;
      await tx.$executeRaw`DELETE FROM "PaymentDailyStat"`;
      // Timestamps are stored as UTC without a zone (TIMESTAMP(3)), so ::date is the UTC day.
      return tx.$executeRaw`
        INSERT INTO "PaymentDailyStat" ("specialistId", "offeringId", "currency", "day", "grossAmount",
          "refundedAmount", "succeededCount", "failedCount", "refundedCount", "disputedCount", "disputeLostAmount",
          "discountAmount", "platformFeeAmount")
        SELECT "specialistId", "offeringId", "currency", "day",
          SUM(gross), SUM(refunded), SUM(succeeded), SUM(failed), SUM(refunds), SUM(disputes), SUM(lost),
          SUM(discount), SUM(fees)
        FROM (
          SELECT "specialistId", "offeringId", "currency", "succeededAt"::date AS "day",
            "amountReceived"::bigint AS gross, 0::bigint AS refunded, 1 AS succeeded, 0 AS failed, 0 AS refunds,
            0 AS disputes, 0::bigint AS lost, "discountAmount"::bigint AS discount,
            CASE WHEN "status" = 'REFUNDED' THEN 0 ELSE "applicationFeeAmount" END::bigint AS fees
          FROM "Payment" WHERE "succeededAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "refundedAt"::date, 0, "amountRefunded", 0, 0, 1, 0, 0, 0, 0
          FROM "Payment" WHERE "amountRefunded" > 0 AND "refundedAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "failedAt"::date, 0, 0, 0, 1, 0, 0, 0, 0, 0
          FROM "Payment" WHERE "status" = 'FAILED' AND "failedAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "disputedAt"::date, 0, 0, 0, 0, 0, 1, 0, 0, 0
          FROM "Payment" WHERE "disputedAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "disputeLostAt"::date, 0, 0, 0, 0, 0, 0,
            "amountLostToDisputes", 0, 0
          FROM "Payment" WHERE "amountLostToDisputes" > 0 AND "disputeLostAt" IS NOT NULL
        ) AS contributions
        GROUP BY "specialistId", "offeringId", "currency", "day"`;
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  // Outside the transaction: VACUUM cannot run inside one.
  await db.$executeRaw`VACUUM (ANALYZE) "PaymentDailyStat"`;
  return written;
}

interface Contribution {
  day: string;
  grossAmount: number;
  refundedAmount: number;
  succeededCount: number;
  failedCount: number;
  refundedCount: number;
  disputedCount: number;
  disputeLostAmount: number;
  discountAmount: number;
  platformFeeAmount: number;
}

/** The payment fields the rollup is computed from. */
export type RollupFacts = Pick<
  Payment,
  | 'status'
  | 'succeededAt'
  | 'failedAt'
  | 'refundedAt'
  | 'disputedAt'
  | 'amountReceived'
  | 'amountRefunded'
  | 'amountLostToDisputes'
  | 'disputeLostAt'
  | 'discountAmount'
  | 'applicationFeeAmount'
>;

/** Every field of RollupFacts (a missing one is a compile error), for statements that read them raw. */
const ROLLUP_FACT_FIELDS = {
  status: true,
  succeededAt: true,
  failedAt: true,
  refundedAt: true,
  disputedAt: true,
  amountReceived: true,
  amountRefunded: true,
  amountLostToDisputes: true,
  disputeLostAt: true,
  discountAmount: true,
  applicationFeeAmount: true,
} as const satisfies Record<keyof RollupFacts, true>;
const ROLLUP_FACT_COLUMNS = Prisma.raw(
  Object.keys(ROLLUP_FACT_FIELDS)
    .map((f) => `"${f}"`)
    .join(', '),
);

const empty = (day: string): Contribution => ({
  day,
  grossAmount: 0,
  refundedAmount: 0,
  succeededCount: 0,
  failedCount: 0,
  refundedCount: 0,
  disputedCount: 0,
  disputeLostAmount: 0,
  discountAmount: 0,
  platformFeeAmount: 0,
});

/**
 * What one payment adds to the rollup, per UTC day: gross and a success on the day it succeeded,
 * refunded money and a refund on the day of its latest refund, a failure on the day it (still) failed,
 * a dispute on the day it was first disputed, and its platform fee on the day it succeeded unless it was
 * fully refunded.
 */
export function contributionsOf(p: RollupFacts): Contribution[] {
  // At most five days, in the order first met (a webhook batch calls this twice per event: no Map).
  const days: Contribution[] = [];
  if (p.succeededAt) {
    const c = dayOf(days, p.succeededAt);
    c.grossAmount += p.amountReceived;
    c.succeededCount += 1;
    c.discountAmount += p.discountAmount;
    if (p.status !== 'REFUNDED') c.platformFeeAmount += p.applicationFeeAmount;
  }
  if (p.status === 'FAILED' && p.failedAt) dayOf(days, p.failedAt).failedCount += 1;
  if (p.amountRefunded > 0 && p.refundedAt) {
    const c = dayOf(days, p.refundedAt);
    c.refundedAmount += p.amountRefunded;
    c.refundedCount += 1;
  }
  if (p.disputedAt) dayOf(days, p.disputedAt).disputedCount += 1;
  if (p.amountLostToDisputes > 0 && p.disputeLostAt) {
    dayOf(days, p.disputeLostAt).disputeLostAmount += p.amountLostToDisputes;
  }
  return days;
}

/** The contribution of `date`'s UTC day in `days`, added (empty) if it is not there yet. */
function dayOf(days: Contribution[], date: Date): Contribution {
  const day = utcDay(date);
  for (const c of days) if (c.day === day) return c;
  const created = empty(day);
  days.push(created);
  return created;
}

type RollupKeys = Pick<Payment, 'specialistId' | 'offeringId' | 'currency'>;
type RollupPayment = RollupFacts & RollupKeys;

/**
 * Records the transfer of a payment's held funds and its Connect platform fee, and moves the rollup with
 * the fee, in one transaction: the payment row is locked, then updated unless it already records a
 * different transfer. Setting the same fee twice moves nothing. Returns whether it was written.
 */
export async function setApplicationFee(
  db: Db,
  paymentId: string,
  data: { applicationFeeAmount: number; stripeTransferId: string },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<(RollupFacts & RollupKeys & { stripeTransferId: string | null })[]>`
      SELECT ${ROLLUP_FACT_COLUMNS}, "specialistId", "offeringId", "currency", "stripeTransferId"
      FROM "Payment" WHERE "id" = ${paymentId} FOR UPDATE`;
    // The transfer's own transfer.created webhook may have recorded its id first; the fee is still ours to set.
    if (!before || (before.stripeTransferId !== null && before.stripeTransferId !== data.stripeTransferId)) {
      return false;
    }
    await tx.payment.update({ where: { id: paymentId }, data });
    await applyRollupDelta(tx, before, { ...before, applicationFeeAmount: data.applicationFeeAmount });
    return true;
  });
}

/**
 * Keeps the rollup in step with one payment's change, in the caller's transaction: subtracts what the
 * payment contributed before and adds what it contributes after (only the days that differ are written).
 */
export function applyRollupDelta(tx: Prisma.TransactionClient, before: RollupFacts, after: RollupPayment) {
  return applyRollupDeltas(prismaRunner(tx), [{ before, after }]);
}

/** Every summed column of PaymentDailyStat with its SQL type (amounts in minor units are bigint). */
const MEASURES = {
  grossAmount: 'bigint',
  refundedAmount: 'bigint',
  succeededCount: 'int',
  failedCount: 'int',
  refundedCount: 'int',
  disputedCount: 'int',
  disputeLostAmount: 'bigint',
  discountAmount: 'bigint',
  platformFeeAmount: 'bigint',
} as const satisfies Record<Exclude<keyof Contribution, 'day'>, 'bigint' | 'int'>;
const MEASURE_NAMES = Object.keys(MEASURES) as (keyof typeof MEASURES)[];

const quoted = (name: string) => `"${name}"`;
const MEASURE_COLUMNS = Prisma.raw(MEASURE_NAMES.map(quoted).join(', '));
const MEASURE_VALUES = Prisma.raw(MEASURE_NAMES.map((m) => `v.${quoted(m)}`).join(', '));
const MEASURE_RECORD = Prisma.raw(MEASURE_NAMES.map((m) => `${quoted(m)} ${MEASURES[m]}`).join(', '));
const MEASURE_ADD = Prisma.raw(
  MEASURE_NAMES.map((m) => `${quoted(m)} = "PaymentDailyStat".${quoted(m)} + EXCLUDED.${quoted(m)}`).join(
    ', ',
  ),
);

/** One rollup row's summed delta, in the statement's JSON (`n`: its position, the order of the writes). */
type RollupDelta = Contribution & RollupKeys & { n: number };

function addDelta(deltas: Map<string, RollupDelta>, row: RollupKeys, c: Contribution, sign: 1 | -1): void {
  const key = `${row.specialistId}\u0000${row.offeringId}\u0000${row.currency}\u0000${c.day}`;
  let d = deltas.get(key);
  if (!d) {
    // Spelled out rather than spread from `empty`: V8 then builds every delta with one shape, and the
    // sums below stay fast (a batch makes a hundred of these).
    d = {
      day: c.day,
      grossAmount: 0,
      refundedAmount: 0,
      succeededCount: 0,
      failedCount: 0,
      refundedCount: 0,
      disputedCount: 0,
      disputeLostAmount: 0,
      discountAmount: 0,
      platformFeeAmount: 0,
      specialistId: row.specialistId,
      offeringId: row.offeringId,
      currency: row.currency,
      n: 0,
    };
    deltas.set(key, d);
  }
  for (const m of MEASURE_NAMES) d[m] += sign * c[m];
}

/**
 * The set-based form of `applyRollupDelta` for many changes at once (a webhook batch): the deltas are
 * summed per rollup row in memory and written with one INSERT … ON CONFLICT DO UPDATE, in key order
 * (concurrent batches meet on the rows in the same order).
 */
export async function applyRollupDeltas(
  sql: SqlRunner,
  changes: readonly { before: RollupFacts; after: RollupPayment }[],
): Promise<void> {
  const deltas = new Map<string, RollupDelta>();
  for (const { before, after } of changes) {
    for (const c of contributionsOf(before)) addDelta(deltas, after, c, -1);
    for (const c of contributionsOf(after)) addDelta(deltas, after, c, 1);
  }
  const keys = [...deltas.keys()].sort();
  const rows: RollupDelta[] = [];
  for (const key of keys) {
    const d = deltas.get(key);
    if (!d || !MEASURE_NAMES.some((m) => d[m] !== 0)) continue;
    d.n = rows.length;
    rows.push(d);
  }
  if (!rows.length) return;
  await sql.query(
    Prisma.sql`
    INSERT INTO "PaymentDailyStat" ("specialistId", "offeringId", "currency", "day", ${MEASURE_COLUMNS})
    SELECT v."specialistId", v."offeringId", v."currency", v."day"::date, ${MEASURE_VALUES}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v("specialistId" text,
      "offeringId" text, "currency" text, "day" text, ${MEASURE_RECORD}, n int)
    ORDER BY v.n
    ON CONFLICT ("specialistId", "day", "offeringId", "currency") DO UPDATE SET ${MEASURE_ADD}`,
    'rollup.apply-deltas',
  );
}
