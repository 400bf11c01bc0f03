import { z } from 'zod';
import {
  DisputeStatusSchema,
  EnrollmentStatusSchema,
  OfferingKindSchema,
  PaymentStatusSchema,
} from './enums.js';
import { booleanField, dateTimeField, idField, inputObject, textField } from './fields.js';
import {
  CursorPageSchema,
  CursorSchema,
  IdempotencyKeySchema,
  LimitSchema,
  OfferingIdSchema,
  PaymentIdSchema,
} from './ids.js';
import { AmountSchema, CurrencySchema } from './money.js';
import { PromotionCodeStringSchema } from './promotions.js';
import { RefundSummarySchema } from './refunds.js';

const nullableText = (description: string) => z.string().nullable().meta({ description });

/** payments.createIntent — amount and currency come from the offering, never from the client. */
export const CreatePaymentIntentInputSchema = inputObject('payments.createIntent', {
  offeringId: OfferingIdSchema,
  idempotencyKey: IdempotencyKeySchema,
  // Issue 15: a promotion code of the offering's specialist. On an open checkout, sending another code
  // (or none) changes that payment's amount; it never opens a second payment.
  promotionCode: PromotionCodeStringSchema.optional(),
});
export type CreatePaymentIntentInput = z.infer<typeof CreatePaymentIntentInputSchema>;

export const CreatePaymentIntentOutputSchema = z.object({
  paymentId: idField('paymentId'),
  clientSecret: z.string().min(1).nullable().meta({
    description:
      'PaymentIntent client secret for Stripe.js confirmPayment; null when a 100 % promotion code made the enrollment free (no PaymentIntent).',
  }),
  /** What the learner pays: listAmount − discountAmount. */
  amount: AmountSchema,
  currency: CurrencySchema,
  publishableKey: z
    .string()
    .regex(/^pk_/, { error: 'publishableKey must start with "pk_"' })
    .meta({ description: 'Stripe publishable key to load Stripe.js with.' }),
  // Where the payment stands as far as the server knows (issue 13): the checkout needs no
  // payments.confirm before Stripe.js answers.
  status: PaymentStatusSchema,
  failureMessage: nullableText(
    'Why the last attempt failed, a message the learner can act on; null unless it failed.',
  ),
  /** The offering's price before any promotion code. */
  listAmount: AmountSchema,
  /** What the promotion code takes off (0 without one). */
  discountAmount: AmountSchema,
  /** The code applied, as the specialist spelled it; null without one. */
  promotionCode: z.string().nullable(),
  /** The percentage of a PERCENT code, for showing "−20 %"; null otherwise. */
  percentOff: z.int().nullable(),
  /** True when a 100 % code made it free: the learner is enrolled, nothing to pay. */
  free: z.boolean(),
});
export type CreatePaymentIntentOutput = z.infer<typeof CreatePaymentIntentOutputSchema>;

/** payments.confirm — syncs the payment from Stripe and reports where it stands. */
export const ConfirmPaymentInputSchema = inputObject('payments.confirm', { paymentId: PaymentIdSchema });
export type ConfirmPaymentInput = z.infer<typeof ConfirmPaymentInputSchema>;

export const ConfirmPaymentOutputSchema = z.object({
  paymentId: idField('paymentId'),
  status: PaymentStatusSchema,
  failureMessage: nullableText('Decline or failure message a learner can act on; null unless it failed.'),
  enrollmentStatus: EnrollmentStatusSchema,
});
export type ConfirmPaymentOutput = z.infer<typeof ConfirmPaymentOutputSchema>;

const PersonRefSchema = z.object({ id: idField('id'), name: textField('name', { max: 200 }) });

/** payments.get */
export const GetPaymentInputSchema = inputObject('payments.get', { paymentId: PaymentIdSchema });
export type GetPaymentInput = z.infer<typeof GetPaymentInputSchema>;

/** Everything a learner, the specialist or an admin may see about one payment. */
export const PaymentDetailsSchema = z.object({
  id: idField('id'),
  status: PaymentStatusSchema,
  amount: AmountSchema,
  amountReceived: AmountSchema,
  amountRefunded: AmountSchema,
  currency: CurrencySchema,
  description: z.string().nullable(),
  offering: z.object({ id: idField('id'), title: z.string(), kind: OfferingKindSchema }),
  learner: PersonRefSchema,
  specialist: PersonRefSchema,
  enrollment: z.object({ id: idField('id'), status: EnrollmentStatusSchema }).nullable(),
  stripePaymentIntentId: z.string().nullable(),
  paymentMethodType: nullableText('e.g. "card".'),
  cardBrand: nullableText('e.g. "visa".'),
  cardLast4: z
    .string()
    .regex(/^\d{4}$/, { error: 'cardLast4 must be exactly 4 digits' })
    .nullable(),
  receiptUrl: nullableText("Stripe's hosted receipt."),
  failureCode: nullableText('Stripe error code, e.g. "card_declined".'),
  declineCode: nullableText('Issuer decline code, e.g. "insufficient_funds".'),
  failureMessage: nullableText('Message a learner can act on.'),
  refunds: z.array(RefundSummarySchema),
  disputeStatus: DisputeStatusSchema.nullable(),
  webhookVerified: booleanField('webhookVerified').meta({
    description: "True once Stripe's signed webhook confirmed the outcome.",
  }),
  createdAt: dateTimeField('createdAt'),
  updatedAt: dateTimeField('updatedAt'),
  succeededAt: dateTimeField('succeededAt').nullable(),
  failedAt: dateTimeField('failedAt').nullable(),
  canceledAt: dateTimeField('canceledAt').nullable(),
  refundedAt: dateTimeField('refundedAt').nullable(),
  disputedAt: dateTimeField('disputedAt').nullable(),
  /** What a promotion code took off the price (0 without one); the price was amount + discountAmount. */
  discountAmount: AmountSchema,
  promotionCode: z.string().nullable(),
  /** A 100 % code made it free: no PaymentIntent, nothing charged. */
  free: z.boolean(),
});
export type PaymentDetails = z.infer<typeof PaymentDetailsSchema>;
export const GetPaymentOutputSchema = PaymentDetailsSchema;
export type GetPaymentOutput = PaymentDetails;

/**
 * payments.onStatus — a subscription (Server-Sent Events): the payment's details at once, then again
 * each time they change, ending once the outcome is known (`paymentOutcomeKnown`). Each event is a
 * `PaymentDetailsSchema`.
 */
export const PaymentStatusInputSchema = inputObject('payments.onStatus', { paymentId: PaymentIdSchema });
export type PaymentStatusInput = z.infer<typeof PaymentStatusInputSchema>;

/**
 * Whether a payment's outcome is known for good from a checkout's point of view: it failed or was
 * canceled, or it went through and Stripe's signed webhook confirmed it. Until then a result screen keeps
 * listening (payments.onStatus ends its stream here; a polling client stops here).
 */
export function paymentOutcomeKnown(p: Pick<PaymentDetails, 'status' | 'webhookVerified'>): boolean {
  if (p.status === 'PENDING' || p.status === 'PROCESSING') return false;
  return p.status === 'FAILED' || p.status === 'CANCELED' || p.webhookVerified;
}

/** One row of a payment list (history, specialist's payments). */
export const PaymentSummarySchema = z.object({
  id: idField('id'),
  status: PaymentStatusSchema,
  amount: AmountSchema,
  amountRefunded: AmountSchema,
  currency: CurrencySchema,
  offeringId: idField('offeringId'),
  offeringTitle: z.string(),
  learnerName: z.string(),
  specialistName: z.string(),
  cardBrand: z.string().nullable(),
  cardLast4: z.string().nullable(),
  webhookVerified: z.boolean(),
  createdAt: dateTimeField('createdAt'),
  succeededAt: dateTimeField('succeededAt').nullable(),
  /** The platform fee taken from this payment (Stripe Connect), in minor units; 0 while funds are held. */
  applicationFeeAmount: AmountSchema,
  /** What a promotion code took off the price (0 without one). */
  discountAmount: AmountSchema,
  promotionCode: z.string().nullable(),
});
export type PaymentSummary = z.infer<typeof PaymentSummarySchema>;

/** payments.history — the calling learner's payments, newest first. */
export const PaymentHistoryInputSchema = inputObject('payments.history', {
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
  status: PaymentStatusSchema.optional(),
  // Every field is optional: a call with no input at all is `{}`, as tRPC clients send it.
}).prefault({});
export type PaymentHistoryInput = z.infer<typeof PaymentHistoryInputSchema>;
export const PaymentHistoryOutputSchema = CursorPageSchema(PaymentSummarySchema);
export type PaymentHistoryOutput = z.infer<typeof PaymentHistoryOutputSchema>;

/** payments.forSpecialist — payments the calling specialist received, newest first. */
export const SpecialistPaymentsInputSchema = inputObject('payments.forSpecialist', {
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
  status: PaymentStatusSchema.optional(),
  offeringId: OfferingIdSchema.optional(),
  // Every field is optional: a call with no input at all is `{}`, as tRPC clients send it.
}).prefault({});
export type SpecialistPaymentsInput = z.infer<typeof SpecialistPaymentsInputSchema>;
export const SpecialistPaymentsOutputSchema = CursorPageSchema(PaymentSummarySchema);
export type SpecialistPaymentsOutput = z.infer<typeof SpecialistPaymentsOutputSchema>;
