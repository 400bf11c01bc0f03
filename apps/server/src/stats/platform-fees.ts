import type { Db } from '@enrollpay/db';
import type {
  Currency,
  Granularity,
  PlatformFeesBucket,
  PlatformFeesInput,
  PlatformFeesOutput,
} from '@enrollpay/schemas';
import { bucketOf, bucketsBetween, dayRange } from './service.js';

interface DayRow {
  currency: string;
  day: string;
  gross: bigint | null;
  fees: bigint | null;
  payments: number | null;
}

/**
 * stats.platformFees (admins): the platform's fee revenue across every specialist, per currency (never
 * summed across currencies), in UTC day, week or month buckets.
 *
 * - `gross` and `fees`: payments that succeeded in the bucket (`succeededAt`), what learners paid and the
 *   platform fee taken (`Payment.applicationFeeAmount`: the destination charge's application fee, or the
 *   fee kept from held funds when they were transferred).
 * - `feeRefunds`: the fee of each payment whose refunds completed in the bucket (`refundedAt` of a
 *   REFUNDED payment) — a full refund gives the fee back; a partial one keeps it (payouts/README.md).
 * - `net` = fees − feeRefunds.
 * Each figure lands in the period it happened in, so a closed month does not change when a payment it
 * holds is refunded later; over a range holding both, the sum is the fee of the payments kept.
 */
export async function platformFeeRevenue(db: Db, input: PlatformFeesInput): Promise<PlatformFeesOutput> {
  const { fromDay, toDay } = dayRange(new Date(input.from), new Date(input.to));
  const unit: Granularity = input.granularity;
  // Timestamps are stored as UTC without a zone (TIMESTAMP(3)), so ::date is the UTC day.
  const [taken, given] = await Promise.all([
    db.$queryRaw<DayRow[]>`
      SELECT "currency", to_char("succeededAt"::date, 'YYYY-MM-DD') AS "day",
        SUM("amountReceived") AS gross, SUM("applicationFeeAmount") AS fees, COUNT(*)::int AS payments
      FROM "Payment"
      WHERE "succeededAt" >= ${fromDay}::date AND "succeededAt" < ${toDay}::date
      GROUP BY 1, 2`,
    db.$queryRaw<{ currency: string; day: string; fees: bigint | null }[]>`
      SELECT "currency", to_char("refundedAt"::date, 'YYYY-MM-DD') AS "day",
        SUM("applicationFeeAmount") AS fees
      FROM "Payment"
      WHERE "status" = 'REFUNDED' AND "applicationFeeAmount" > 0
        AND "refundedAt" >= ${fromDay}::date AND "refundedAt" < ${toDay}::date
      GROUP BY 1, 2`,
  ]);

  const buckets = bucketsBetween(fromDay, toDay, unit);
  const byCurrency = new Map<string, Map<string, PlatformFeesBucket>>();
  const bucketFor = (currency: string, day: string) => {
    let series = byCurrency.get(currency);
    if (!series) {
      series = new Map(
        buckets.map((b) => [
          b,
          { bucketStart: `${b}T00:00:00.000Z`, gross: 0, fees: 0, feeRefunds: 0, net: 0, payments: 0 },
        ]),
      );
      byCurrency.set(currency, series);
    }
    return series.get(bucketOf(day, unit));
  };
  for (const row of taken) {
    const bucket = bucketFor(row.currency, row.day);
    if (!bucket) continue;
    bucket.gross += Number(row.gross ?? 0);
    bucket.fees += Number(row.fees ?? 0);
    bucket.payments += row.payments ?? 0;
  }
  for (const row of given) {
    const bucket = bucketFor(row.currency, row.day);
    if (bucket) bucket.feeRefunds += Number(row.fees ?? 0);
  }

  const currencies = [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, seriesMap]) => {
      const series = [...seriesMap.values()].map((b) => ({ ...b, net: b.fees - b.feeRefunds }));
      const sum = (key: 'gross' | 'fees' | 'feeRefunds' | 'payments') =>
        series.reduce((total, b) => total + b[key], 0);
      return {
        // Currencies are validated when an offering is written; payments copy them.
        currency: currency as Currency,
        gross: sum('gross'),
        fees: sum('fees'),
        feeRefunds: sum('feeRefunds'),
        net: sum('fees') - sum('feeRefunds'),
        payments: sum('payments'),
        series,
      };
    });
  return { from: input.from, to: input.to, granularity: input.granularity, timezone: 'UTC', currencies };
}
