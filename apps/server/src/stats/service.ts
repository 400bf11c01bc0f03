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
}

interface OfferingRow {
  currency: string;
  offeringId: string;
  title: string;
  gross: bigint;
  refunded: bigint;
  succeeded: bigint;
  failed: bigint;
  refunds: bigint;
  disputes: bigint;
}

interface SeriesRow {
  bucket: string;
  currency: string;
  gross: bigint;
  refunded: bigint;
  succeeded: bigint;
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

  const [offeringRows, seriesRows] = await Promise.all([
    db.$queryRaw<OfferingRow[]>`
      SELECT s."currency", s."offeringId", o."title",
        SUM(s."grossAmount")::bigint AS gross, SUM(s."refundedAmount")::bigint AS refunded,
        SUM(s."succeededCount")::bigint AS succeeded, SUM(s."failedCount")::bigint AS failed,
        SUM(s."refundedCount")::bigint AS refunds, SUM(s."disputedCount")::bigint AS disputes
      FROM "PaymentDailyStat" s JOIN "Offering" o ON o."id" = s."offeringId"
      WHERE s."specialistId" = ${specialistId} AND s."day" >= ${fromDay}::date AND s."day" < ${toDay}::date
        AND (${offeringId}::text IS NULL OR s."offeringId" = ${offeringId}::text)
      GROUP BY s."currency", s."offeringId", o."title"`,
    // Every bucket from the one holding `from` to the one holding the last day, crossed with every
    // currency the specialist sells in or has figures in, left-joined to the sums.
    db.$queryRaw<SeriesRow[]>`
      WITH buckets AS (
        SELECT b::date AS bucket
        FROM generate_series(date_trunc(${unit}, ${fromDay}::timestamp),
                             ${toDay}::timestamp - interval '1 day',
                             CAST('1 ' || ${unit} AS interval)) AS b
      ), sums AS (
        SELECT date_trunc(${unit}, s."day"::timestamp)::date AS bucket, s."currency",
          SUM(s."grossAmount") AS gross, SUM(s."refundedAmount") AS refunded, SUM(s."succeededCount") AS succeeded
        FROM "PaymentDailyStat" s
        WHERE s."specialistId" = ${specialistId} AND s."day" >= ${fromDay}::date AND s."day" < ${toDay}::date
          AND (${offeringId}::text IS NULL OR s."offeringId" = ${offeringId}::text)
        GROUP BY 1, 2
      ), currencies AS (
        SELECT DISTINCT "currency" FROM sums
        UNION
        SELECT DISTINCT "currency" FROM "Offering"
        WHERE "specialistId" = ${specialistId} AND (${offeringId}::text IS NULL OR "id" = ${offeringId}::text)
      )
      SELECT to_char(b.bucket, 'YYYY-MM-DD') AS bucket, c."currency",
        COALESCE(s.gross, 0)::bigint AS gross, COALESCE(s.refunded, 0)::bigint AS refunded,
        COALESCE(s.succeeded, 0)::bigint AS succeeded
      FROM buckets b CROSS JOIN currencies c
      LEFT JOIN sums s ON s.bucket = b.bucket AND s."currency" = c."currency"
      ORDER BY c."currency", b.bucket`,
  ]);

  const byCurrency = new Map<
    string,
    { totals: Totals; offerings: OfferingRevenue[]; series: StatsBucket[] }
  >();
  const entry = (currency: string) => {
    let e = byCurrency.get(currency);
    if (!e) {
      e = {
        totals: { gross: 0, refunded: 0, succeeded: 0, failed: 0, refunds: 0, disputes: 0 },
        offerings: [],
        series: [],
      };
      byCurrency.set(currency, e);
    }
    return e;
  };
  for (const row of offeringRows) {
    const e = entry(row.currency);
    const gross = Number(row.gross);
    const refunded = Number(row.refunded);
    e.totals.gross += gross;
    e.totals.refunded += refunded;
    e.totals.succeeded += Number(row.succeeded);
    e.totals.failed += Number(row.failed);
    e.totals.refunds += Number(row.refunds);
    e.totals.disputes += Number(row.disputes);
    e.offerings.push({
      offeringId: row.offeringId,
      title: row.title,
      gross,
      net: gross - refunded,
      count: Number(row.succeeded),
    });
  }
  for (const row of seriesRows) {
    const gross = Number(row.gross);
    const refunded = Number(row.refunded);
    entry(row.currency).series.push({
      bucketStart: `${row.bucket}T00:00:00.000Z`,
      gross,
      refunded,
      net: gross - refunded,
      count: Number(row.succeeded),
    });
  }

  const currencies: CurrencyStats[] = [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, { totals: t, offerings, series }]) => ({
      currency: currency as Currency,
      gross: t.gross,
      refunded: t.refunded,
      net: t.gross - t.refunded,
      succeededCount: t.succeeded,
      failedCount: t.failed,
      refundedCount: t.refunds,
      disputedCount: t.disputes,
      successRate: ratio(t.succeeded, t.succeeded + t.failed),
      // Refunds are counted on the day they happen, so a period can refund more payments than it sold.
      refundRate: ratio(t.refunds, t.succeeded),
      averageTransactionValue: t.succeeded > 0 ? Math.round(t.gross / t.succeeded) : 0,
      byOffering: offerings.sort((a, b) => b.gross - a.gross || a.title.localeCompare(b.title)),
      series,
    }));

  return { from: input.from, to: input.to, granularity: input.granularity, timezone: 'UTC', currencies };
}
