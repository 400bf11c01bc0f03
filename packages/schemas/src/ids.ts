import { z } from 'zod';
import { idField, stripeIdField, typeError } from './fields.js';

/** Our own ids (Prisma `cuid()`): 1–64 characters of letters, digits, "_" and "-". */
export const IdSchema = idField('id');
export type Id = z.infer<typeof IdSchema>;

export const UserIdSchema = idField('userId');
export const OfferingIdSchema = idField('offeringId');
export const PaymentIdSchema = idField('paymentId');
export const RefundIdSchema = idField('refundId');
export const EnrollmentIdSchema = idField('enrollmentId');

export const StripePaymentIntentIdSchema = stripeIdField('paymentIntentId', ['pi_']);
export const StripeChargeIdSchema = stripeIdField('chargeId', ['ch_', 'py_']);
export const StripeRefundIdSchema = stripeIdField('refundId', ['re_', 'pyr_']);
export const StripeDisputeIdSchema = stripeIdField('disputeId', ['dp_', 'du_']);
export const StripeEventIdSchema = stripeIdField('eventId', ['evt_']);
export const StripeCustomerIdSchema = stripeIdField('customerId', ['cus_']);
export type StripePaymentIntentId = z.infer<typeof StripePaymentIntentIdSchema>;

/** Our API's idempotency keys (like Stripe's): 8–255 printable ASCII characters, e.g. a UUID. */
export const IdempotencyKeySchema = z
  .string({ error: typeError('idempotencyKey', 'a string') })
  .min(8, { error: 'idempotencyKey must be at least 8 characters (a UUID is a good choice)' })
  .max(255, { error: 'idempotencyKey must be at most 255 characters' })
  .regex(/^[\x20-\x7e]*$/, {
    error: 'idempotencyKey may contain only printable ASCII characters (no control characters or emoji)',
  })
  .meta({ description: 'Client-chosen key; the same key with the same input returns the same response.' });
export type IdempotencyKey = z.infer<typeof IdempotencyKeySchema>;

/** Opaque pagination cursor returned as `nextCursor`; pass it back unchanged. */
export const CursorSchema = z
  .string({ error: typeError('cursor', 'the nextCursor string from the previous page') })
  .min(1, { error: 'cursor must not be empty (omit it to start from the first page)' })
  .max(512, { error: 'cursor must be at most 512 characters' });
export type Cursor = z.infer<typeof CursorSchema>;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const LimitSchema = z
  .int({ error: typeError('limit', 'a whole number') })
  .min(1, { error: 'limit must be at least 1' })
  .max(MAX_PAGE_SIZE, { error: `limit must be at most ${MAX_PAGE_SIZE}` })
  .default(DEFAULT_PAGE_SIZE);

/** A page of results: `nextCursor` is null on the last page. */
export function CursorPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: CursorSchema.nullable(),
  });
}
