import { z } from 'zod';
import {
  PaymentStatusSchema,
  RefundBlockReasonSchema,
  RefundReasonSchema,
  RefundStatusSchema,
} from './enums.js';
import { booleanField, dateTimeField, idField, inputObject, minorUnitsField, textField } from './fields.js';
import { PaymentIdSchema } from './ids.js';
import { AmountSchema, CurrencySchema } from './money.js';

/** A refund as shown inside payment details. */
export const RefundSummarySchema = z.object({
  id: idField('id'),
  amount: AmountSchema,
  currency: CurrencySchema,
  status: RefundStatusSchema,
  reason: RefundReasonSchema,
  failureReason: z
    .string()
    .nullable()
    .meta({ description: "Stripe's failure_reason when the refund failed." }),
  createdAt: dateTimeField('createdAt'),
  updatedAt: dateTimeField('updatedAt'),
});
export type RefundSummary = z.infer<typeof RefundSummarySchema>;

/** payments.refund — omit amount for a full refund of what is not refunded yet. */
export const RefundPaymentInputSchema = inputObject('payments.refund', {
  paymentId: PaymentIdSchema,
  amount: minorUnitsField('amount', { min: 1 })
    .optional()
    .meta({ description: 'Minor units to refund; omitted = the full amount not yet refunded.' }),
  reason: RefundReasonSchema,
  note: textField('note', { max: 500 })
    .optional()
    .meta({ description: 'Free-text explanation, kept in the audit log.' }),
});
export type RefundPaymentInput = z.infer<typeof RefundPaymentInputSchema>;

export const RefundPaymentOutputSchema = z.object({
  refundId: idField('refundId'),
  status: RefundStatusSchema,
  amount: AmountSchema,
  currency: CurrencySchema,
  paymentStatus: PaymentStatusSchema,
});
export type RefundPaymentOutput = z.infer<typeof RefundPaymentOutputSchema>;

/** payments.refundability — whether the caller may refund now, and if not, why. */
export const RefundabilityInputSchema = inputObject('payments.refundability', { paymentId: PaymentIdSchema });
export type RefundabilityInput = z.infer<typeof RefundabilityInputSchema>;

export const RefundabilityOutputSchema = z.object({
  refundable: booleanField('refundable'),
  reason: RefundBlockReasonSchema.nullable(),
  message: z.string().meta({ description: 'A sentence the UI can show as is.' }),
  maxAmount: AmountSchema.meta({
    description: 'Most the caller may refund now, in minor units (0 when not refundable).',
  }),
  currency: CurrencySchema,
  windowEndsAt: dateTimeField('windowEndsAt')
    .nullable()
    .meta({ description: "End of the learner's self-service refund window; null when it does not apply." }),
});
export type RefundabilityOutput = z.infer<typeof RefundabilityOutputSchema>;
