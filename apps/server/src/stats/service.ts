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
import { type HotStatement, hotRows } from '../lib/hot-sql.js';

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
  // The common case without building a DateTimeFormat (about 1 ms on a busy core, per call).
  if (timezone === 'UTC') return true;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: timezone }).resolvedOptions().timeZone;
  return ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu'].includes(resolved);
}

/**
 * What the one statement answers, per currency (as JSON, one value: nothing per row to decode):
 * totals `[gross, refunded, succeeded, failed, refunds, disputes, lost, fees, discounts]`, the non-empty
 * buckets as columns `[bucketDays, gross, refunded, lost, succeeded]` (one array each, aligned, in no
 * particular order), and offerings `[offeringId, title, gross, refunded, lost, succeeded]`. `owned` is
 * false when `offeringId` is not the specialist's.
 */
interface StatsAnswer {
  owned: boolean;
  currencies: {
    currency: string;
    totals: [number, number, number, number, number, number, number, number, number] | null;
    buckets: [string[], number[], number[], number[], number[]] | null;
    offerings: [string, string, number, number, number, number][] | null;
  }[];
}

/** The UTC start (YYYY-MM-DD) of the bucket holding `day`: the day, its ISO week's Monday, or its month. */
export function bucketOf(day: string, unit: Granularity): string {
  if (unit === 'day') return day;
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00.000Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return dayOf(new Date(date.getTime() - sinceMonday * DAY_MS));
}

/** Every bucket start from the one holding `fromDay` to the one holding the day before `toDay`. */
export function bucketsBetween(fromDay: string, toDay: string, unit: Granularity): string[] {
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

/**
 * stats.specialist's one statement ($1 specialist, $2 offering or null, $3 date_trunc unit, $4 first day,
 * $5 day after the last), summed by PostgreSQL: per currency the totals, the non-empty buckets and the
 * offerings, as one JSON value. Returning the rollup rows instead (one per offering and day: 1,095 for a
 * year of three offerings, ~108 KiB) cost more in decoding them here than PostgreSQL took to read them
 * (see BENCHMARKS.md). date_trunc on a timestamp (not a date, which would be read as timestamptz in the
 * session's zone) gives the day, the ISO week's Monday or the 1st of the month. What keeps it cheap inside
 * PostgreSQL (README.md, "Reading the rollup"): an index-only scan of PaymentDailyStat_covering_idx, rows
 * summed once per bucket (`b`) and once per offering (`f`), and the series sent as one array per column.
 * A rollup row's offering is always its specialist's (an offering never changes specialist, and payments
 * copy both), so the rows are filtered by the offering id alone, without a join that a cached generic
 * plan would turn into one index scan per offering.
 */
const STATS_STATEMENT: HotStatement = {
  name: 'stats.specialist',
  text: `
  WITH o AS (
    SELECT "id", "title", "currency" FROM "Offering"
    WHERE "specialistId" = $1 AND ($2::text IS NULL OR "id" = $2::text)
  ), s AS (
    SELECT s."currency", s."offeringId", date_trunc($3::text, s."day"::timestamp)::date AS bucket,
      s."grossAmount" AS gross, s."refundedAmount" AS refunded, s."disputeLostAmount" AS lost,
      s."succeededCount" AS succeeded, s."failedCount" AS failed, s."refundedCount" AS refunds,
      s."disputedCount" AS disputes, s."platformFeeAmount" AS fees, s."discountAmount" AS discounts
    FROM "PaymentDailyStat" s
    WHERE s."specialistId" = $1 AND ($2::text IS NULL OR s."offeringId" = $2::text)
      AND s."day" >= $4::date AND s."day" < $5::date
  ), b AS (
    SELECT "currency", bucket, SUM(gross)::bigint AS gross, SUM(refunded)::bigint AS refunded,
      SUM(lost)::bigint AS lost, SUM(succeeded) AS succeeded, SUM(failed) AS failed, SUM(refunds) AS refunds,
      SUM(disputes) AS disputes, SUM(fees)::bigint AS fees, SUM(discounts)::bigint AS discounts
    FROM s GROUP BY bucket, "currency"
  ), x AS (
    SELECT "currency",
      json_build_array(SUM(gross), SUM(refunded), SUM(succeeded), SUM(failed), SUM(refunds), SUM(disputes),
        SUM(lost), SUM(fees), SUM(discounts)) AS totals,
      json_build_array(array_agg(bucket), array_agg(gross), array_agg(refunded), array_agg(lost),
        array_agg(succeeded)) AS buckets
    FROM b GROUP BY "currency"
  ), f AS (
    SELECT f."currency",
      json_agg(json_build_array(f."offeringId", o."title", f.gross, f.refunded, f.lost, f.succeeded)) AS offerings
    FROM (SELECT "currency", "offeringId", SUM(gross) AS gross, SUM(refunded) AS refunded, SUM(lost) AS lost,
        SUM(succeeded) AS succeeded FROM s GROUP BY "currency", "offeringId") f
      JOIN o ON o."id" = f."offeringId"
    GROUP BY f."currency"
  )
  SELECT json_build_object(
    'owned', $2::text IS NULL OR EXISTS (SELECT 1 FROM o),
    'currencies', COALESCE((SELECT json_agg(json_build_object('currency', c."currency", 'totals', x.totals,
        'buckets', x.buckets, 'offerings', f.offerings))
      FROM (SELECT "currency" FROM o UNION SELECT "currency" FROM x) c
        LEFT JOIN x ON x."currency" = c."currency" LEFT JOIN f ON f."currency" = c."currency"), '[]'::json)
  )::text AS answer`,
};

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
  const { fromDay, toDay } = dayRange(new Date(input.from), new Date(input.to));
  const offeringId = input.offeringId ?? null;
  const unit: Granularity = input.granularity;

  const values = [specialistId, offeringId, unit, fromDay, toDay];
  // A named statement on the pg pool (Prisma stays the model; this hot path skips its interpreter): each
  // connection parses and plans it once and then runs PostgreSQL's cached plan (STATS_STATEMENT).
  const [answer] = await hotRows<{ answer: string }>(db, STATS_STATEMENT, values);
  const { owned, currencies: found } = JSON.parse(answer?.answer ?? '{}') as StatsAnswer;
  if (!owned) throw new NotFoundError('Offering');

  const buckets = bucketsBetween(fromDay, toDay, unit);
  const currencies: CurrencyStats[] = found
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map(({ currency, totals, buckets: filled, offerings }) => {
      const [gross, refunded, succeeded, failed, refunds, disputes, lost, fees, discounts] = totals ?? [
        0, 0, 0, 0, 0, 0, 0, 0, 0,
      ];
      const [days = [], grosses = [], refundeds = [], losses = [], counts = []] = filled ?? [];
      const column = new Map(days.map((day, i) => [day, i]));
      const series: StatsBucket[] = buckets.map((bucket) => {
        const i = column.get(bucket) ?? -1; // -1: an empty bucket, every figure 0
        const [g, r, l, count] = [grosses[i] ?? 0, refundeds[i] ?? 0, losses[i] ?? 0, counts[i] ?? 0];
        // Net revenue: what the specialist keeps after refunds and lost disputes (amounts and fees).
        return { bucketStart: `${bucket}T00:00:00.000Z`, gross: g, refunded: r, net: g - r - l, count };
      });
      const byOffering: OfferingRevenue[] = (offerings ?? [])
        .map(([id, title, g, r, l, count]) => ({ offeringId: id, title, gross: g, net: g - r - l, count }))
        .sort((a, b) => b.gross - a.gross || a.title.localeCompare(b.title));
      return {
        currency: currency as Currency,
        gross,
        refunded,
        net: gross - refunded - lost,
        platformFees: fees,
        netToSpecialist: gross - refunded - lost - fees,
        discountsGiven: discounts,
        succeededCount: succeeded,
        failedCount: failed,
        refundedCount: refunds,
        disputedCount: disputes,
        successRate: ratio(succeeded, succeeded + failed),
        // Refunds are counted on the day they happen, so a period can refund more payments than it sold.
        refundRate: ratio(refunds, succeeded),
        averageTransactionValue: succeeded > 0 ? Math.round(gross / succeeded) : 0,
        byOffering,
        series,
      };
    });

  return { from: input.from, to: input.to, granularity: input.granularity, timezone: 'UTC', currencies };
}
