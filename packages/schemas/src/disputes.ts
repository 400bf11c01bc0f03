import { z } from 'zod';
import { DisputeStatusSchema, OfferingKindSchema } from './enums.js';
import { booleanField, dateTimeField, idField, inputObject, textField } from './fields.js';
import { PaymentIdSchema } from './ids.js';
import { AmountSchema, CurrencySchema } from './money.js';

/**
 * Dispute evidence. The fields are Stripe's text evidence fields (`disputes.update({ evidence })`);
 * file fields (receipts, signed documents) are not offered. Stripe has no text field for customer
 * communication, so that text goes to `uncategorized_text`, which Stripe forwards with the rest.
 */
export const DISPUTE_EVIDENCE_FIELDS = [
  'product_description',
  'service_date',
  'customer_name',
  'customer_email_address',
  'access_activity_log',
  'refund_policy_disclosure',
  'refund_refusal_explanation',
  'uncategorized_text',
] as const;
export type DisputeEvidenceField = (typeof DISPUTE_EVIDENCE_FIELDS)[number];

/** Stripe's limit on all evidence text together. */
export const MAX_EVIDENCE_CHARACTERS = 150_000;
const MAX_FIELD_CHARACTERS = 20_000;

const evidenceText = (field: string, description: string) =>
  textField(`evidence.${field}`, { max: MAX_FIELD_CHARACTERS }).nullable().meta({ description });

const evidenceShape = {
  product_description: evidenceText(
    'product_description',
    'What the learner bought: the offering, what it includes, how it is delivered.',
  ),
  service_date: evidenceText('service_date', 'When the service was provided or access began (YYYY-MM-DD).'),
  customer_name: evidenceText('customer_name', "The learner's name."),
  customer_email_address: evidenceText('customer_email_address', "The learner's email address."),
  access_activity_log: evidenceText(
    'access_activity_log',
    "The learner's access and activity: enrollment, payment and access dates.",
  ),
  refund_policy_disclosure: evidenceText(
    'refund_policy_disclosure',
    'The refund policy and how it was shown to the learner before paying.',
  ),
  refund_refusal_explanation: evidenceText(
    'refund_refusal_explanation',
    'Why the learner is not entitled to a refund.',
  ),
  uncategorized_text: evidenceText(
    'uncategorized_text',
    'Customer communication (messages with the learner, pasted as text) and anything else.',
  ),
};

/** Every evidence field, each a string or null (null = not given). */
export const DisputeEvidenceSchema = z.object(evidenceShape);

export type DisputeEvidence = z.infer<typeof DisputeEvidenceSchema>;

/** What a client sends: any subset of the fields; null or an empty string clears one. */
export const DisputeEvidenceInputSchema = inputObject('evidence', {
  product_description: evidenceShape.product_description.optional(),
  service_date: evidenceShape.service_date.optional(),
  customer_name: evidenceShape.customer_name.optional(),
  customer_email_address: evidenceShape.customer_email_address.optional(),
  access_activity_log: evidenceShape.access_activity_log.optional(),
  refund_policy_disclosure: evidenceShape.refund_policy_disclosure.optional(),
  refund_refusal_explanation: evidenceShape.refund_refusal_explanation.optional(),
  uncategorized_text: evidenceShape.uncategorized_text.optional(),
}).refine(
  (evidence) =>
    Object.values(evidence).reduce((n, v) => n + (typeof v === 'string' ? v.length : 0), 0) <=
    MAX_EVIDENCE_CHARACTERS,
  { error: `evidence must be at most ${MAX_EVIDENCE_CHARACTERS} characters in all (Stripe's limit)` },
);
export type DisputeEvidenceInput = z.infer<typeof DisputeEvidenceInputSchema>;

export const DisputeIdSchema = idField('disputeId');

/** A dispute as listed for the specialist whose payment it is, or an admin. */
export const DisputeSummarySchema = z.object({
  id: idField('id'),
  stripeDisputeId: z.string(),
  paymentId: PaymentIdSchema,
  status: DisputeStatusSchema,
  reason: z
    .string()
    .nullable()
    .meta({ description: "Stripe's reason, e.g. fraudulent, product_not_received." }),
  amount: AmountSchema,
  currency: CurrencySchema,
  dueBy: dateTimeField('dueBy')
    .nullable()
    .meta({ description: "Stripe's evidence_details.due_by: evidence must be submitted before this time." }),
  submissionCount: z.int().min(0),
  /** True while evidence can still be saved or submitted (needs_response or warning_needs_response). */
  needsResponse: z.boolean(),
  learner: z.object({ id: idField('id'), name: z.string() }),
  offering: z.object({ id: idField('id'), title: z.string(), kind: OfferingKindSchema }),
  specialist: z.object({ id: idField('id'), name: z.string() }),
  evidenceSavedAt: dateTimeField('evidenceSavedAt').nullable(),
  submittedAt: dateTimeField('submittedAt').nullable(),
  createdAt: dateTimeField('createdAt'),
});
export type DisputeSummary = z.infer<typeof DisputeSummarySchema>;

/** disputes.list — open disputes (needing a response or under review) by default, nearest due date first. */
export const DisputeListInputSchema = inputObject('disputes.list', {
  state: z
    .enum(['open', 'closed', 'all'], { error: 'state must be one of open, closed, all' })
    .default('open')
    .meta({ description: 'open = needs a response or under review; closed = won, lost, warning_closed.' }),
}).prefault({});
export type DisputeListInput = z.infer<typeof DisputeListInputSchema>;

export const DisputeListOutputSchema = z.object({
  items: z.array(DisputeSummarySchema),
  /** True when more disputes matched than the 100 returned. */
  truncated: z.boolean(),
});
export type DisputeListOutput = z.infer<typeof DisputeListOutputSchema>;

/** disputes.get */
export const DisputeGetInputSchema = inputObject('disputes.get', { disputeId: DisputeIdSchema });
export type DisputeGetInput = z.infer<typeof DisputeGetInputSchema>;

/** One dispute with the evidence saved at Stripe and what we can prefill from our own records. */
export const DisputeDetailsSchema = z.object({
  dispute: DisputeSummarySchema,
  /** The evidence as Stripe last returned it (the saved draft or what was submitted). */
  saved: DisputeEvidenceSchema,
  /** Suggested answers from our records (offering, enrollment, refund policy, learner). */
  prefill: DisputeEvidenceSchema,
});
export type DisputeDetails = z.infer<typeof DisputeDetailsSchema>;

/** disputes.saveEvidence — without `submit` a draft (Stripe keeps it); with `submit: true` it goes to the bank. */
export const SaveDisputeEvidenceInputSchema = inputObject('disputes.saveEvidence', {
  disputeId: DisputeIdSchema,
  evidence: DisputeEvidenceInputSchema,
  submit: booleanField('submit')
    .default(false)
    .meta({ description: 'true submits the evidence: it can then no longer be changed.' }),
});
export type SaveDisputeEvidenceInput = z.infer<typeof SaveDisputeEvidenceInputSchema>;

export const SaveDisputeEvidenceOutputSchema = DisputeDetailsSchema;
export type SaveDisputeEvidenceOutput = z.infer<typeof SaveDisputeEvidenceOutputSchema>;
