import { z } from 'zod';
import { GranularitySchema } from './enums.js';
import {
  countField,
  dateTimeField,
  idField,
  inputObject,
  minorUnitsField,
  ratioField,
  signedMinorUnitsField,
  typeError,
} from './fields.js';
import { OfferingIdSchema } from './ids.js';
import { CurrencySchema } from './money.js';

/** Longest range stats.specialist accepts: three years (of 366 days). */
export const MAX_STATS_RANGE_DAYS = 3 * 366;
const DAY_MS = 86_400_000;
const isoDateTime = z.iso.datetime({ offset: true });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string({ error: typeError('timezone', 'an IANA time zone name such as "Europe/Berlin"') })
  .min(1, { error: 'timezone must not be empty' })
  .max(64, { error: 'timezone must be at most 64 characters' })
  .refine(isTimeZone, { error: 'timezone must be an IANA time zone name such as "UTC" or "Europe/Berlin"' });

/**
 * stats.specialist — `from` inclusive, `to` exclusive. A specialist sees their own data; an admin passes
 * `specialistId`. Buckets start at midnight (day), Monday (week) or the 1st (month) in `timezone`.
 */
export const SpecialistStatsInputSchema = inputObject('stats.specialist', {
  from: dateTimeField('from'),
  to: dateTimeField('to'),
  granularity: GranularitySchema,
  offeringId: OfferingIdSchema.optional(),
  specialistId: idField('specialistId')
    .optional()
    .meta({ description: 'Admins only; ignored for specialists.' }),
  timezone: TimeZoneSchema.default('UTC'),
}).superRefine((value, ctx) => {
  const from = Date.parse(value.from);
  const to = Date.parse(value.to);
  // A malformed date already has its own issue; comparing it would only add noise.
  if (!isoDateTime.safeParse(value.from).success || !isoDateTime.safeParse(value.to).success) return;
  if (!(from < to)) {
    ctx.addIssue({ code: 'custom', path: ['to'], input: value.to, message: 'to must be later than from' });
  } else if (to - from > MAX_STATS_RANGE_DAYS * DAY_MS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      input: value.to,
      message: `the range from–to must be at most ${MAX_STATS_RANGE_DAYS} days (about three years)`,
    });
  }
});
export type SpecialistStatsInput = z.infer<typeof SpecialistStatsInputSchema>;

function checkRange(value: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (!isoDateTime.safeParse(value.from).success || !isoDateTime.safeParse(value.to).success) return;
  const from = Date.parse(value.from);
  const to = Date.parse(value.to);
  if (!(from < to)) {
    ctx.addIssue({ code: 'custom', path: ['to'], input: value.to, message: 'to must be later than from' });
  } else if (to - from > MAX_STATS_RANGE_DAYS * DAY_MS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      input: value.to,
      message: `the range from–to must be at most ${MAX_STATS_RANGE_DAYS} days (about three years)`,
    });
  }
}

/**
 * stats.platformFees (admins) — the platform's fee revenue across all specialists. `from` inclusive, `to`
 * exclusive, in UTC days; buckets of a day, an ISO week (Monday) or a calendar month.
 */
export const PlatformFeesInputSchema = inputObject('stats.platformFees', {
  from: dateTimeField('from'),
  to: dateTimeField('to'),
  granularity: GranularitySchema,
}).superRefine(checkRange);
export type PlatformFeesInput = z.infer<typeof PlatformFeesInputSchema>;

export const PlatformFeesBucketSchema = z.object({
  bucketStart: dateTimeField('bucketStart'),
  gross: minorUnitsField('gross', { max: Number.MAX_SAFE_INTEGER }),
  fees: minorUnitsField('fees', { max: Number.MAX_SAFE_INTEGER }),
  feeRefunds: minorUnitsField('feeRefunds', { max: Number.MAX_SAFE_INTEGER }),
  net: signedMinorUnitsField('net'),
  payments: countField('payments'),
});
export type PlatformFeesBucket = z.infer<typeof PlatformFeesBucketSchema>;

/** One currency's fee revenue; amounts are minor units of that currency, never added across currencies. */
export const PlatformFeesCurrencySchema = z.object({
  currency: CurrencySchema,
  gross: minorUnitsField('gross', { max: Number.MAX_SAFE_INTEGER }).meta({
    description: 'What learners paid: payments that succeeded in the period (all specialists).',
  }),
  fees: minorUnitsField('fees', { max: Number.MAX_SAFE_INTEGER }).meta({
    description: 'Platform fees taken on those payments (on the day each succeeded).',
  }),
  feeRefunds: minorUnitsField('feeRefunds', { max: Number.MAX_SAFE_INTEGER }).meta({
    description:
      'Fees given back: the fee of each payment fully refunded in the period (on the day of the refund that completed it).',
  }),
  net: signedMinorUnitsField('net').meta({ description: 'fees − feeRefunds; may be negative for a period.' }),
  payments: countField('payments').meta({ description: 'Payments that succeeded in the period.' }),
  series: z
    .array(PlatformFeesBucketSchema)
    .meta({ description: 'Every bucket from `from` to `to`, empty ones as zeros.' }),
});
export type PlatformFeesCurrency = z.infer<typeof PlatformFeesCurrencySchema>;

export const PlatformFeesOutputSchema = z.object({
  from: dateTimeField('from'),
  to: dateTimeField('to'),
  granularity: GranularitySchema,
  timezone: z.literal('UTC'),
  currencies: z.array(PlatformFeesCurrencySchema),
});
export type PlatformFeesOutput = z.infer<typeof PlatformFeesOutputSchema>;

export const OfferingRevenueSchema = z.object({
  offeringId: idField('offeringId'),
  title: z.string(),
  gross: minorUnitsField('gross', { max: Number.MAX_SAFE_INTEGER }),
  net: signedMinorUnitsField('net'),
  count: countField('count'),
});
export type OfferingRevenue = z.infer<typeof OfferingRevenueSchema>;

export const StatsBucketSchema = z.object({
  bucketStart: dateTimeField('bucketStart'),
  gross: minorUnitsField('gross', { max: Number.MAX_SAFE_INTEGER }),
  refunded: minorUnitsField('refunded', { max: Number.MAX_SAFE_INTEGER }),
  net: signedMinorUnitsField('net'),
  count: countField('count'),
});
export type StatsBucket = z.infer<typeof StatsBucketSchema>;

/** One currency's figures; amounts are minor units of that currency and are never added across currencies. */
export const CurrencyStatsSchema = z.object({
  currency: CurrencySchema,
  gross: minorUnitsField('gross', { max: Number.MAX_SAFE_INTEGER }).meta({
    description: 'Sum of succeeded payments (including later refunded or disputed ones).',
  }),
  refunded: minorUnitsField('refunded', { max: Number.MAX_SAFE_INTEGER }),
  net: signedMinorUnitsField('net').meta({ description: 'gross − refunded; may be negative for a period.' }),
  platformFees: minorUnitsField('platformFees', { max: Number.MAX_SAFE_INTEGER }).meta({
    description:
      'Platform fees (Stripe Connect application fees) on payments that succeeded in the period and were not fully refunded (a full refund returns the fee).',
  }),
  netToSpecialist: signedMinorUnitsField('netToSpecialist').meta({
    description: 'net − platformFees: what reaches the specialist.',
  }),
  succeededCount: countField('succeededCount'),
  failedCount: countField('failedCount'),
  refundedCount: countField('refundedCount'),
  disputedCount: countField('disputedCount'),
  successRate: ratioField('successRate').meta({
    description: 'succeeded / (succeeded + failed), 0 when none.',
  }),
  refundRate: ratioField('refundRate').meta({ description: 'refundedCount / succeededCount, 0 when none.' }),
  averageTransactionValue: minorUnitsField('averageTransactionValue', { max: Number.MAX_SAFE_INTEGER }).meta({
    description: 'gross / succeededCount, rounded to a whole minor unit.',
  }),
  discountsGiven: minorUnitsField('discountsGiven', { max: Number.MAX_SAFE_INTEGER }).meta({
    description:
      'What promotion codes took off the payments that succeeded in the period (free enrollments included).',
  }),
  byOffering: z.array(OfferingRevenueSchema),
  series: z
    .array(StatsBucketSchema)
    .meta({ description: 'Every bucket from `from` to `to`, empty ones as zeros.' }),
});
export type CurrencyStats = z.infer<typeof CurrencyStatsSchema>;

export const SpecialistStatsOutputSchema = z.object({
  from: dateTimeField('from'),
  to: dateTimeField('to'),
  granularity: GranularitySchema,
  timezone: z.string(),
  currencies: z.array(CurrencyStatsSchema),
});
export type SpecialistStatsOutput = z.infer<typeof SpecialistStatsOutputSchema>;
