import { z } from 'zod';
import { PaymentStatusSchema, RefundStatusSchema } from './enums.js';
import { enumField, inputObject, typeError } from './fields.js';
import { CurrencySchema } from './money.js';
import { PayoutStatuses } from './payouts.js';

/**
 * CSV exports (`GET /api/exports/payments.csv`, `GET /api/exports/refunds.csv`,
 * `GET /api/exports/payouts.csv`). The query string is validated with these schemas; every value arrives
 * as a string.
 */

function utcDateField(field: string) {
  return z.iso
    .date({ error: typeError(field, 'a UTC date in the form YYYY-MM-DD, e.g. 2026-01-31') })
    .meta({ description: `${field === 'from' ? 'First' : 'Last'} UTC day included (YYYY-MM-DD).` });
}

/** `bom=1` (or `true`) starts the file with a UTF-8 byte order mark, which Excel needs to read UTF-8. */
const BomFlagSchema = z
  .enum(['1', '0', 'true', 'false'], { error: typeError('bom', 'one of 1, 0, true, false') })
  .meta({ description: 'Start the file with a UTF-8 byte order mark (for Excel).' });

const exportShape = {
  from: utcDateField('from').optional(),
  to: utcDateField('to').optional(),
  currency: CurrencySchema.optional(),
  bom: BomFlagSchema.optional(),
};

function fromNotAfterTo(value: { from?: string | undefined; to?: string | undefined }): boolean {
  return value.from === undefined || value.to === undefined || value.from <= value.to;
}
const fromAfterTo = { error: 'from must be on or before to', path: ['from'] };

/** Query of `GET /api/exports/payments.csv`; `status` is our payment status. Dates filter on creation. */
export const PaymentsExportInputSchema = inputObject('payments export', {
  ...exportShape,
  status: PaymentStatusSchema.optional(),
}).refine(fromNotAfterTo, fromAfterTo);
export type PaymentsExportInput = z.infer<typeof PaymentsExportInputSchema>;

/** Query of `GET /api/exports/refunds.csv`; `status` is the refund's status. Dates filter on the refund's creation. */
export const RefundsExportInputSchema = inputObject('refunds export', {
  ...exportShape,
  status: RefundStatusSchema.optional(),
}).refine(fromNotAfterTo, fromAfterTo);
export type RefundsExportInput = z.infer<typeof RefundsExportInputSchema>;

/**
 * Query of `GET /api/exports/payouts.csv`; `status` is the payout's status. Dates filter on the payout's
 * arrival date (the day the money reaches the bank, as on the Get paid page and the bank statement).
 */
export const PayoutsExportInputSchema = inputObject('payouts export', {
  ...exportShape,
  status: enumField(PayoutStatuses, 'status').optional(),
}).refine(fromNotAfterTo, fromAfterTo);
export type PayoutsExportInput = z.infer<typeof PayoutsExportInputSchema>;

/**
 * The columns of each export, in order. Money is given twice: in major units as text (`12.50`, JPY
 * `5000`) for people and spreadsheets, and as integer minor units for programs, always next to the
 * currency. New columns (fee and net once a platform fee exists) are appended at the end, so a
 * consumer reading by header name or by position keeps working.
 */
export const PAYMENT_EXPORT_COLUMNS = [
  'payment_id',
  'created_at',
  'succeeded_at',
  'status',
  'currency',
  'amount',
  'amount_minor',
  'amount_received',
  'amount_received_minor',
  'amount_refunded',
  'amount_refunded_minor',
  'learner_id',
  'learner_name',
  'offering_id',
  'offering_title',
  'specialist_name',
  'card_brand',
  'card_last4',
  'stripe_payment_intent_id',
  'stripe_charge_id',
  // Issue 15: the promotion code and what it took off (list price = amount + discount).
  'promotion_code',
  'discount',
  'discount_minor',
  // Stripe Connect (issue 14): the platform fee on the sale and what the specialist keeps.
  'fee',
  'fee_minor',
  'net',
  'net_minor',
] as const;
export type PaymentExportColumn = (typeof PAYMENT_EXPORT_COLUMNS)[number];

export const REFUND_EXPORT_COLUMNS = [
  'refund_id',
  'created_at',
  'status',
  'reason',
  'currency',
  'amount',
  'amount_minor',
  'payment_id',
  'learner_name',
  'offering_title',
  'specialist_name',
  'failure_reason',
  'stripe_refund_id',
  'stripe_payment_intent_id',
  // Stripe Connect (issue 14): the platform fee this refund gave back, and what it took from the specialist.
  'fee',
  'fee_minor',
  'net',
  'net_minor',
] as const;
export type RefundExportColumn = (typeof REFUND_EXPORT_COLUMNS)[number];

/** The payouts export: a specialist's payouts from their Stripe balance to their bank. */
export const PAYOUT_EXPORT_COLUMNS = [
  'payout_id',
  'created_at',
  'arrival_date',
  'status',
  'currency',
  'amount',
  'amount_minor',
  'automatic',
  'failure_code',
  'failure_message',
  'specialist_name',
  'specialist_email',
  'stripe_account_id',
  'stripe_payout_id',
] as const;
export type PayoutExportColumn = (typeof PAYOUT_EXPORT_COLUMNS)[number];
