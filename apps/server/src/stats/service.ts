import type { Db } from '@enrollpay/db';
import type {
  Currency,
  CurrencyStats,
  Granularity,
  OfferingRevenue,
  SpecialistStatsInput,
  SpecialistStatsOutput,
  StatsBucket,
} from '@enrollpay/schemas';
import type { Principal } from '../auth/tokens.js';
import { BadRequestError, NotFoundError } from '../errors.js';

const DAY_MS = 86_400_000;

/** The UTC calendar day of `iso` (floor) as YYYY-MM-DD. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The days a range covers, as [fromDay, toDay) in UTC. The rollup is per UTC day, so a range that starts
 * or ends inside a day counts that whole day.
 */
export function dayRange(from: Date, to: Date): { fromDay: string; toDay: string } {
  const fromDay = dayOf(from);
  const toFloor = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  const toDay = dayOf(new Date(to.getTime() === toFloor ? toFloor : toFloor + DAY_MS));
  return { fromDay, toDay };
}

function isUtc(timezone: string): boolean {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: timezone }).resolvedOptions().timeZone;
  return ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu'].includes(resolved);
}

interface Totals {
  gross: number;
  refunded: number;
  succeeded: number;
  failed: number;
  refunds: number;
  disputes: number;
  /** Lost disputes' amounts and fees. */
  lost: number;
  /** Connect platform fees. */
  fees: number;
}

/** One rollup row (or, for an offering with no figures in the range, its row with nulls). */
interface RollupRow {
  offeringId: string;
  title: string;
  offeringCurrency: string;
  day: string | null;
  currency: string | null;
  gross: bigint | null;
  refunded: bigint | null;
  succeeded: number | null;
  failed: number | null;
  refunds: number | null;
  disputes: number | null;
  lost: bigint | null;
  fees: bigint | null;
}

/** The UTC start (YYYY-MM-DD) of the bucket holding `day`: the day, its ISO week's Monday, or its month. */
function bucketOf(day: string, unit: Granularity): string {
  if (unit === 'day') return day;
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00.000Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return dayOf(new Date(date.getTime() - sinceMonday * DAY_MS));
}

/** Every bucket start from the one holding `fromDay` to the one holding the day before `toDay`. */
function bucketsBetween(fromDay: string, toDay: string, unit: Granularity): string[] {
  const buckets: string[] = [];
  const last = new Date(`${toDay}T00:00:00.000Z`).getTime() - DAY_MS;
  let cursor = new Date(`${bucketOf(fromDay, unit)}T00:00:00.000Z`);
  while (cursor.getTime() <= last) {
    buckets.push(dayOf(cursor));
    cursor =
      unit === 'day'
        ? new Date(cursor.getTime() + DAY_MS)
        : unit === 'week'
          ? new Date(cursor.getTime() + 7 * DAY_MS)
          : new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
  }
  return buckets;
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);

/**
 * stats.specialist, read from the PaymentDailyStat rollup (the sync function keeps it in step): per
 * currency, never summed across currencies. A specialist sees their own figures; an admin names the
 * specialist. Buckets are UTC days, ISO weeks (Monday) or calendar months; empty ones are zeros.
 */
export async function specialistStats(
  db: Db,
  principal: Principal,
  input: SpecialistStatsInput,
): Promise<SpecialistStatsOutput> {
  let specialistId: string;
  if (principal.role === 'ADMIN') {
    if (!input.specialistId) throw new BadRequestError('specialistId is required for admins');
    specialistId = input.specialistId;
  } else {
    specialistId = principal.userId;
  }
  if (!isUtc(input.timezone)) {
    throw new BadRequestError('timezone: statistics are kept per UTC day, so only "UTC" is supported');
  }
  if (input.offeringId) {
    const owned = await db.offering.findFirst({
      where: { id: input.offeringId, specialistId },
      select: { id: true },
    });
    if (!owned) throw new NotFoundError('Offering');
  }
  const { fromDay, toDay } = dayRange(new Date(input.from), new Date(input.to));
  const offeringId = input.offeringId ?? null;
  const unit: Granularity = input.granularity;

  // One round trip: the specialist's offerings (titles, and the currencies they sell in) with their
  // rollup rows in the range; the buckets and totals are summed here.
  const rows = await db.$queryRaw<RollupRow[]>`
    SELECT o."id" AS "offeringId", o."title", o."currency" AS "offeringCurrency",
      to_char(s."day", 'YYYY-MM-DD') AS "day", s."currency",
      s."grossAmount" AS gross, s."refundedAmount" AS refunded, s."succeededCount" AS succeeded,
      s."failedCount" AS failed, s."refundedCount" AS refunds, s."disputedCount" AS disputes,
      s."disputeLostAmount" AS lost, s."platformFeeAmount" AS fees
    FROM "Offering" o
    LEFT JOIN "PaymentDailyStat" s ON s."specialistId" = ${specialistId} AND s."offeringId" = o."id"
      AND s."day" >= ${fromDay}::date AND s."day" < ${toDay}::date
    WHERE o."specialistId" = ${specialistId} AND (${offeringId}::text IS NULL OR o."id" = ${offeringId}::text)`;

  const buckets = bucketsBetween(fromDay, toDay, unit);
  const byCurrency = new Map<
    string,
    { totals: Totals; offerings: Map<string, OfferingRevenue>; series: Map<string, StatsBucket> }
  >();
  const entry = (currency: string) => {
    let e = byCurrency.get(currency);
    if (!e) {
      e = {
        totals: { gross: 0, refunded: 0, succeeded: 0, failed: 0, refunds: 0, disputes: 0, lost: 0, fees: 0 },
        offerings: new Map(),
        series: new Map(
          buckets.map((bucket) => [
            bucket,
            { bucketStart: `${bucket}T00:00:00.000Z`, gross: 0, refunded: 0, net: 0, count: 0 },
          ]),
        ),
      };
      byCurrency.set(currency, e);
    }
    return e;
  };
  for (const row of rows) {
    entry(row.offeringCurrency);
    if (row.day === null || row.currency === null) continue;
    const e = entry(row.currency);
    const gross = Number(row.gross ?? 0);
    const refunded = Number(row.refunded ?? 0);
    const lost = Number(row.lost ?? 0);
    // Net revenue: what the specialist keeps after refunds and lost disputes (amounts and fees).
    const net = gross - refunded - lost;
    const succeeded = row.succeeded ?? 0;
    e.totals.gross += gross;
    e.totals.refunded += refunded;
    e.totals.succeeded += succeeded;
    e.totals.failed += row.failed ?? 0;
    e.totals.refunds += row.refunds ?? 0;
    e.totals.disputes += row.disputes ?? 0;
    e.totals.lost += lost;
    e.totals.fees += Number(row.fees ?? 0);
    const offering = e.offerings.get(row.offeringId) ?? {
      offeringId: row.offeringId,
      title: row.title,
      gross: 0,
      net: 0,
      count: 0,
    };
    offering.gross += gross;
    offering.net += net;
    offering.count += succeeded;
    e.offerings.set(row.offeringId, offering);
    const bucket = e.series.get(bucketOf(row.day, unit));
    if (bucket) {
      bucket.gross += gross;
      bucket.refunded += refunded;
      bucket.net += net;
      bucket.count += succeeded;
    }
  }

  const currencies: CurrencyStats[] = [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, { totals: t, offerings, series }]) => ({
      currency: currency as Currency,
      gross: t.gross,
      refunded: t.refunded,
      net: t.gross - t.refunded - t.lost,
      platformFees: t.fees,
      netToSpecialist: t.gross - t.refunded - t.lost - t.fees,
      succeededCount: t.succeeded,
      failedCount: t.failed,
      refundedCount: t.refunds,
      disputedCount: t.disputes,
      successRate: ratio(t.succeeded, t.succeeded + t.failed),
      // Refunds are counted on the day they happen, so a period can refund more payments than it sold.
      refundRate: ratio(t.refunds, t.succeeded),
      averageTransactionValue: t.succeeded > 0 ? Math.round(t.gross / t.succeeded) : 0,
      byOffering: [...offerings.values()].sort((a, b) => b.gross - a.gross || a.title.localeCompare(b.title)),
      series: [...series.values()],
    }));

  return { from: input.from, to: input.to, granularity: input.granularity, timezone: 'UTC', currencies };
}
