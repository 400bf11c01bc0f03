import { z } from 'zod';
import {
  booleanField,
  countField,
  dateTimeField,
  idField,
  inputObject,
  minorUnitsField,
  signedMinorUnitsField,
} from './fields.js';
import { CursorPageSchema, CursorSchema, LimitSchema } from './ids.js';
import { AmountSchema, CurrencySchema } from './money.js';

/** The platform fee when neither PLATFORM_FEE_BPS nor a specialist's override says otherwise: 10 %. */
export const DEFAULT_PLATFORM_FEE_BPS = 1000;

/**
 * The platform fee on a charge of `amount` minor units at `bps` basis points, in the same minor units.
 *
 * Rounding rule: the exact integer product `amount × bps` is divided by 10 000 and rounded half up (a
 * remainder of 5 000 or more rounds up). It is computed in integers, never in floating point, and in the
 * currency's own minor units: cents for USD, yen for JPY (which has no decimals, so ¥1 005 at 10 % is
 * ¥101, never ¥100.5). The fee never exceeds the amount.
 */
export function applicationFeeFor(amount: number, bps: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('amount must be a whole number ≥ 0');
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new RangeError('bps must be 0–10000');
  const product = amount * bps; // ≤ 99 999 999 × 10 000 < 2^53: exact
  const fee = Math.floor(product / 10_000) + (product % 10_000 >= 5_000 ? 1 : 0);
  return Math.min(fee, amount);
}

export const BasisPointsSchema = z
  .int({ error: 'feeBps must be a whole number of basis points (1000 = 10 %)' })
  .min(0, { error: 'feeBps must not be negative' })
  .max(10_000, { error: 'feeBps must be at most 10000 (100 %)' });

/**
 * Where a specialist stands with Stripe Connect:
 * - NOT_STARTED: no Stripe account yet;
 * - INCOMPLETE: onboarding started but details not submitted;
 * - RESTRICTED: submitted, but Stripe disabled charges or payouts (see currentlyDue / disabledReason);
 * - ACTIVE: charges and payouts enabled.
 */
export const PayoutAccountStatuses = ['NOT_STARTED', 'INCOMPLETE', 'RESTRICTED', 'ACTIVE'] as const;
export const PayoutAccountStatusSchema = z.enum(PayoutAccountStatuses);
export type PayoutAccountStatus = z.infer<typeof PayoutAccountStatusSchema>;

export const PayoutAccountOutputSchema = z.object({
  status: PayoutAccountStatusSchema,
  stripeAccountId: z.string().nullable(),
  chargesEnabled: z.boolean(),
  payoutsEnabled: z.boolean(),
  detailsSubmitted: z.boolean(),
  /** Stripe's requirements.currently_due, verbatim (e.g. "external_account"). */
  currentlyDue: z.array(z.string()),
  disabledReason: z.string().nullable(),
  /** The platform fee on this specialist's sales, in basis points. */
  feeBps: BasisPointsSchema,
  /** Whether an admin set feeBps for this specialist (otherwise it is PLATFORM_FEE_BPS). */
  feeOverridden: z.boolean(),
});
export type PayoutAccountOutput = z.infer<typeof PayoutAccountOutputSchema>;

export const OnboardingLinkOutputSchema = z.object({
  /** Stripe's hosted onboarding page; single use, expires after a few minutes. */
  url: z.url(),
});
export type OnboardingLinkOutput = z.infer<typeof OnboardingLinkOutputSchema>;

export const PayoutBalanceOutputSchema = z.object({
  /** One row per currency, as Stripe reports the connected account's balance. */
  balances: z.array(
    z.object({
      currency: CurrencySchema,
      /** Can go below zero after a refund the balance could not cover. */
      available: signedMinorUnitsField('available'),
      pending: signedMinorUnitsField('pending'),
    }),
  ),
});
export type PayoutBalanceOutput = z.infer<typeof PayoutBalanceOutputSchema>;

export const PayoutStatuses = ['PENDING', 'IN_TRANSIT', 'PAID', 'FAILED', 'CANCELED'] as const;
export const PayoutStatusSchema = z.enum(PayoutStatuses);
export type PayoutStatus = z.infer<typeof PayoutStatusSchema>;

export const PayoutListInputSchema = inputObject('payouts.list', {
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
}).prefault({});
export type PayoutListInput = z.infer<typeof PayoutListInputSchema>;

export const PayoutSummarySchema = z.object({
  id: idField('id'),
  stripePayoutId: z.string(),
  amount: AmountSchema,
  currency: CurrencySchema,
  status: PayoutStatusSchema,
  arrivalDate: dateTimeField('arrivalDate'),
  failureMessage: z.string().nullable(),
  createdAt: dateTimeField('createdAt'),
});
export type PayoutSummary = z.infer<typeof PayoutSummarySchema>;
export const PayoutListOutputSchema = CursorPageSchema(PayoutSummarySchema);
export type PayoutListOutput = z.infer<typeof PayoutListOutputSchema>;

export const PayoutPaymentsInputSchema = inputObject('payouts.payments', {
  payoutId: idField('payoutId'),
});
export const PayoutPaymentsOutputSchema = z.object({
  /** The charges this payout paid out, as Stripe lists them (balance_transactions?payout=). */
  items: z.array(
    z.object({
      paymentId: idField('paymentId').nullable(),
      description: z.string().nullable(),
      amount: signedMinorUnitsField('amount'),
      fee: minorUnitsField('fee'),
      net: signedMinorUnitsField('net'),
      currency: CurrencySchema,
      type: z.string(),
    }),
  ),
});
export type PayoutPaymentsOutput = z.infer<typeof PayoutPaymentsOutputSchema>;

export const ConnectedAccountsOutputSchema = z.object({
  items: z.array(
    z.object({
      userId: idField('userId'),
      name: z.string(),
      email: z.string(),
      stripeAccountId: z.string(),
      status: PayoutAccountStatusSchema,
      currentlyDue: z.array(z.string()),
      disabledReason: z.string().nullable(),
      feeBpsOverride: BasisPointsSchema.nullable(),
      payoutCount: countField('payoutCount'),
    }),
  ),
  defaultFeeBps: BasisPointsSchema,
});
export type ConnectedAccountsOutput = z.infer<typeof ConnectedAccountsOutputSchema>;

export const SetFeeOverrideInputSchema = inputObject('admin.setFeeOverride', {
  userId: idField('userId'),
  /** null clears the override (back to PLATFORM_FEE_BPS). */
  feeBps: BasisPointsSchema.nullable(),
});
export const SetFeeOverrideOutputSchema = z.object({ ok: booleanField('ok') });
