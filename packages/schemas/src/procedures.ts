// The procedure catalogue: the single source of truth for which procedures the enrollpay API has, their
// kind, who may call them, their input and output schemas and the errors they answer with. The server's
// router is checked against it (apps/server/test/contract.test.ts), the API reference is generated from it
// (scripts/docs.ts) and the typed `AppRouter` of `@enrollpay/schemas/trpc` is derived from it.
import type { z } from 'zod';
import {
  MetricsSummaryOutputSchema,
  OutboxInputSchema,
  OutboxOutputSchema,
  ReconcileInputSchema,
  ReconcileReportSchema,
  WebhookEventsInputSchema,
  WebhookEventsOutputSchema,
} from './admin.js';
import { MeOutputSchema, SignInInputSchema, SignInOutputSchema } from './auth.js';
import {
  ArchiveOfferingInputSchema,
  CatalogGetInputSchema,
  CatalogListInputSchema,
  CatalogListOutputSchema,
  CreateOfferingInputSchema,
  MyOfferingsOutputSchema,
  OfferingSchema,
  UpdateOfferingInputSchema,
} from './catalog.js';
import {
  DisputeDetailsSchema,
  DisputeGetInputSchema,
  DisputeListInputSchema,
  DisputeListOutputSchema,
  SaveDisputeEvidenceInputSchema,
  SaveDisputeEvidenceOutputSchema,
} from './disputes.js';
import type { Role } from './enums.js';
import type { ApiErrorCode } from './errors.js';
import {
  ConfirmPaymentInputSchema,
  ConfirmPaymentOutputSchema,
  CreatePaymentIntentInputSchema,
  CreatePaymentIntentOutputSchema,
  GetPaymentInputSchema,
  PaymentDetailsSchema,
  PaymentHistoryInputSchema,
  PaymentHistoryOutputSchema,
  PaymentStatusInputSchema,
  SpecialistPaymentsInputSchema,
  SpecialistPaymentsOutputSchema,
} from './payments.js';
import {
  ConnectedAccountsOutputSchema,
  OnboardingLinkOutputSchema,
  PayoutAccountOutputSchema,
  PayoutBalanceOutputSchema,
  PayoutListInputSchema,
  PayoutListOutputSchema,
  PayoutPaymentsInputSchema,
  PayoutPaymentsOutputSchema,
  SetFeeOverrideInputSchema,
  SetFeeOverrideOutputSchema,
} from './payouts.js';
import {
  CreatePromotionCodeInputSchema,
  DeactivatePromotionCodeInputSchema,
  ListPromotionCodesInputSchema,
  ListPromotionCodesOutputSchema,
  PromotionCodeSchema,
} from './promotions.js';
import {
  RefundabilityInputSchema,
  RefundabilityOutputSchema,
  RefundPaymentInputSchema,
  RefundPaymentOutputSchema,
} from './refunds.js';
import {
  PlatformFeesInputSchema,
  PlatformFeesOutputSchema,
  SpecialistStatsInputSchema,
  SpecialistStatsOutputSchema,
} from './stats.js';
import { PublicConfigOutputSchema } from './system.js';

export type ProcedureKind = 'query' | 'mutation' | 'subscription';

/** An error a procedure answers with, beyond the ones every procedure of its kind has (see `procedureErrors`). */
export interface ProcedureError {
  code: ApiErrorCode;
  when: string;
}

export interface ProcedureDefinition {
  kind: ProcedureKind;
  /** 'public': anyone, signed in or not; otherwise the roles whose signed-in users may call it. */
  access: 'public' | readonly [Role, ...Role[]];
  /** Whose data a caller may reach, when the role alone does not say it. */
  accessNote?: string;
  summary: string;
  input: z.ZodType | null;
  output: z.ZodType;
  /** Counts against the money-moving rate limit (per user and per IP). */
  rateLimited?: boolean;
  errors: readonly ProcedureError[];
  /** A valid input for the reference's example call (checked against `input` by the tests). */
  example?: unknown;
}

function defineCatalog<const T extends Record<string, ProcedureDefinition>>(catalog: T): T {
  return catalog;
}

const ALL_ROLES = ['LEARNER', 'SPECIALIST', 'ADMIN'] as const;
const PROVIDER_DOWN: ProcedureError = {
  code: 'SERVICE_UNAVAILABLE',
  when: 'Stripe is unreachable after retries; try again shortly',
};
const BAD_CURSOR: ProcedureError = {
  code: 'BAD_REQUEST',
  when: '`cursor` is not a `nextCursor` this list returned',
};

export const ProcedureCatalog = defineCatalog({
  'system.config': {
    kind: 'query',
    access: 'public',
    summary:
      'What a client needs before anything else: the Stripe publishable key and where Stripe.js comes from.',
    input: null,
    output: PublicConfigOutputSchema,
    errors: [],
  },
  'auth.signIn': {
    kind: 'mutation',
    access: 'public',
    summary:
      'Exchanges email and password for an access token (a JWT) to send as `Authorization: Bearer <token>`.',
    input: SignInInputSchema,
    output: SignInOutputSchema,
    errors: [
      { code: 'UNAUTHORIZED', when: 'the email or the password is wrong (the answer does not say which)' },
    ],
    example: { email: 'learner@demo.test', password: 'enrollpay-demo' },
  },
  'auth.me': {
    kind: 'query',
    access: ALL_ROLES,
    summary: 'The signed-in user.',
    input: null,
    output: MeOutputSchema,
    errors: [],
  },
  'catalog.list': {
    kind: 'query',
    access: 'public',
    summary: 'Active offerings, newest first, a page at a time; filter by kind or specialist.',
    input: CatalogListInputSchema,
    output: CatalogListOutputSchema,
    errors: [BAD_CURSOR],
    example: { kind: 'COURSE', limit: 10 },
  },
  'catalog.get': {
    kind: 'query',
    access: 'public',
    summary: 'One offering in full.',
    input: CatalogGetInputSchema,
    output: OfferingSchema,
    errors: [{ code: 'NOT_FOUND', when: 'no offering has this id' }],
    example: { offeringId: 'cm7x1y2z30000' },
  },
  'offerings.create': {
    kind: 'mutation',
    access: ['SPECIALIST'],
    summary: 'Creates an offering sold by the calling specialist.',
    input: CreateOfferingInputSchema,
    output: OfferingSchema,
    errors: [],
    example: {
      title: 'Intro to pottery',
      description: 'Four evenings at the wheel.',
      kind: 'COURSE',
      amount: 4900,
      currency: 'usd',
      refundWindowDays: 14,
    },
  },
  'offerings.update': {
    kind: 'mutation',
    access: ['SPECIALIST'],
    accessNote: "Only the specialist's own offerings; another's is NOT_FOUND.",
    summary: 'Changes any subset of an offering’s fields. A new price never changes existing payments.',
    input: UpdateOfferingInputSchema,
    output: OfferingSchema,
    errors: [{ code: 'NOT_FOUND', when: "no offering has this id, or it is another specialist's" }],
    example: { offeringId: 'cm7x1y2z30000', amount: 5900, currency: 'usd' },
  },
  'offerings.archive': {
    kind: 'mutation',
    access: ['SPECIALIST'],
    accessNote: "Only the specialist's own offerings; another's is NOT_FOUND.",
    summary: 'Hides an offering from the catalog; its enrollments and payments stay.',
    input: ArchiveOfferingInputSchema,
    output: OfferingSchema,
    errors: [{ code: 'NOT_FOUND', when: "no offering has this id, or it is another specialist's" }],
    example: { offeringId: 'cm7x1y2z30000' },
  },
  'offerings.mine': {
    kind: 'query',
    access: ['SPECIALIST'],
    summary: "The calling specialist's offerings, archived ones included.",
    input: null,
    output: MyOfferingsOutputSchema,
    errors: [],
  },
  'payments.createIntent': {
    kind: 'mutation',
    access: ['LEARNER'],
    summary:
      'Starts a checkout: the price comes from the offering, never from the client. Returns the client secret to confirm the card with Stripe.js. The same idempotency key returns the same answer.',
    input: CreatePaymentIntentInputSchema,
    output: CreatePaymentIntentOutputSchema,
    rateLimited: true,
    errors: [
      { code: 'NOT_FOUND', when: 'no offering has this id' },
      { code: 'BAD_REQUEST', when: 'the offering is archived, or it is your own' },
      {
        code: 'BAD_REQUEST',
        when: '`promotionCode` is unknown, inactive, not started, expired, not for this offering, used up, already used by you, or leaves less than Stripe’s minimum charge',
      },
      { code: 'CONFLICT', when: 'you are already enrolled (`details.enrollmentId`)' },
      {
        code: 'CONFLICT',
        when: 'the idempotency key was used with other input, or a request with it is still running (retry)',
      },
      PROVIDER_DOWN,
    ],
    example: {
      offeringId: 'cm7x1y2z30000',
      idempotencyKey: '5f0c6f9e-2b1d-4c2e-9a57-0d3c1b2a4e6f',
      promotionCode: 'LAUNCH20',
    },
  },
  'payments.confirm': {
    kind: 'mutation',
    access: ['LEARNER'],
    accessNote: "Only the learner's own payments; another's is NOT_FOUND.",
    summary:
      'After Stripe.js confirmed the card: reads the PaymentIntent from Stripe, updates the payment and enrollment, and says where it stands.',
    input: ConfirmPaymentInputSchema,
    output: ConfirmPaymentOutputSchema,
    errors: [{ code: 'NOT_FOUND', when: "no payment has this id, or it is someone else's" }, PROVIDER_DOWN],
    example: { paymentId: 'cm7x1y2z30001' },
  },
  'payments.get': {
    kind: 'query',
    access: ALL_ROLES,
    accessNote: 'Learners see their own payments, specialists the payments they received, admins all.',
    summary: 'Everything about one payment: status, amounts, card, refunds, dispute, timeline.',
    input: GetPaymentInputSchema,
    output: PaymentDetailsSchema,
    errors: [{ code: 'NOT_FOUND', when: 'no payment has this id, or the caller may not see it' }],
    example: { paymentId: 'cm7x1y2z30001' },
  },
  'payments.onStatus': {
    kind: 'subscription',
    access: ['LEARNER'],
    accessNote: "Learners subscribe to their own payments only (another learner's id is NOT_FOUND).",
    summary:
      'Server-Sent Events: the payment’s details at once, then each change (pushed when a webhook or ' +
      '`payments.confirm` applies it, on any server instance), ending once the outcome is known ' +
      '(`paymentOutcomeKnown`). Each event is the `payments.get` shape. Send the token as ' +
      '`Authorization: Bearer`; a stream lasts at most 2 minutes (reconnect for more).',
    input: PaymentStatusInputSchema,
    output: PaymentDetailsSchema,
    errors: [
      { code: 'NOT_FOUND', when: "no payment has this id, or it is someone else's" },
      {
        code: 'TOO_MANY_REQUESTS',
        when: 'the learner already has the most open status streams (5); close one or poll `payments.get`',
      },
      {
        code: 'SERVICE_UNAVAILABLE',
        when: 'the server has as many open streams as it takes, or cannot listen right now; poll `payments.get`',
      },
    ],
    example: { paymentId: 'cm7x1y2z30001' },
  },
  'payments.history': {
    kind: 'query',
    access: ['LEARNER'],
    summary: "The calling learner's payments, newest first.",
    input: PaymentHistoryInputSchema,
    output: PaymentHistoryOutputSchema,
    errors: [BAD_CURSOR],
    example: { limit: 20, status: 'SUCCEEDED' },
  },
  'payments.forSpecialist': {
    kind: 'query',
    access: ['SPECIALIST'],
    summary: 'Payments the calling specialist received, newest first.',
    input: SpecialistPaymentsInputSchema,
    output: SpecialistPaymentsOutputSchema,
    errors: [BAD_CURSOR],
    example: { limit: 20 },
  },
  'payments.refund': {
    kind: 'mutation',
    access: ALL_ROLES,
    accessNote:
      "Learners refund their own payments within the offering's refund window (in full); the specialist refunds payments they received; admins any. Someone else's payment is NOT_FOUND.",
    summary:
      'Refunds a payment in full or in part. The refund row is written before Stripe is asked, so it happens once.',
    input: RefundPaymentInputSchema,
    output: RefundPaymentOutputSchema,
    rateLimited: true,
    errors: [
      { code: 'NOT_FOUND', when: 'no payment has this id, or the caller may not see it' },
      {
        code: 'BAD_REQUEST',
        when: 'the payment cannot be refunded now (`details.reason`, one of `RefundBlockReason`), the amount is more than is left, a learner asks for part of it or gives reason FRAUDULENT, or Stripe refused',
      },
      PROVIDER_DOWN,
    ],
    example: { paymentId: 'cm7x1y2z30001', amount: 1000, reason: 'REQUESTED_BY_CUSTOMER' },
  },
  'payments.refundability': {
    kind: 'query',
    access: ALL_ROLES,
    accessNote: 'The same rules as payments.refund.',
    summary: 'Whether the caller may refund a payment now, how much, and if not, why.',
    input: RefundabilityInputSchema,
    output: RefundabilityOutputSchema,
    errors: [{ code: 'NOT_FOUND', when: 'no payment has this id, or the caller may not see it' }],
    example: { paymentId: 'cm7x1y2z30001' },
  },
  'stats.specialist': {
    kind: 'query',
    access: ['SPECIALIST', 'ADMIN'],
    accessNote: 'A specialist sees their own figures; an admin passes `specialistId`.',
    summary: 'Revenue, refunds and success rates per currency, in day, week or month buckets.',
    input: SpecialistStatsInputSchema,
    output: SpecialistStatsOutputSchema,
    errors: [
      { code: 'BAD_REQUEST', when: 'an admin gives no `specialistId`, or `timezone` is not "UTC"' },
      { code: 'NOT_FOUND', when: "`offeringId` is not one of the specialist's offerings" },
    ],
    example: { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z', granularity: 'month' },
  },
  'stats.platformFees': {
    kind: 'query',
    access: ['ADMIN'],
    summary:
      'Platform fee revenue across all specialists per currency, in day, week or month buckets: gross, fees, fee refunds, net.',
    input: PlatformFeesInputSchema,
    output: PlatformFeesOutputSchema,
    errors: [],
    example: { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z', granularity: 'month' },
  },
  'disputes.list': {
    kind: 'query',
    access: ['SPECIALIST', 'ADMIN'],
    accessNote: 'A specialist sees disputes on their own payments; an admin sees all.',
    summary: 'Disputes with reason, amount and evidence due date, nearest due date first (at most 100).',
    input: DisputeListInputSchema,
    output: DisputeListOutputSchema,
    errors: [],
    example: { state: 'open' },
  },
  'disputes.get': {
    kind: 'query',
    access: ['SPECIALIST', 'ADMIN'],
    accessNote: "Another specialist's dispute is NOT_FOUND.",
    summary: 'One dispute: the evidence saved at Stripe and the answers we can prefill from our records.',
    input: DisputeGetInputSchema,
    output: DisputeDetailsSchema,
    errors: [{ code: 'NOT_FOUND', when: 'no dispute has this id, or the caller may not see it' }],
    example: { disputeId: 'cm7x1y2z30001' },
  },
  'disputes.saveEvidence': {
    kind: 'mutation',
    access: ['SPECIALIST', 'ADMIN'],
    accessNote: "Another specialist's dispute is NOT_FOUND.",
    summary:
      'Saves dispute evidence at Stripe as a draft, or submits it with `submit: true` (then it can no longer change).',
    input: SaveDisputeEvidenceInputSchema,
    output: SaveDisputeEvidenceOutputSchema,
    rateLimited: true,
    errors: [
      { code: 'NOT_FOUND', when: 'no dispute has this id, or the caller may not see it' },
      {
        code: 'CONFLICT',
        when: 'the evidence was already submitted or the dispute is closed, another save of the same revision won, or Stripe refused the evidence',
      },
      PROVIDER_DOWN,
    ],
    example: { disputeId: 'cm7x1y2z30001', evidence: { product_description: 'A six-week course' } },
  },
  'payouts.onboardingLink': {
    kind: 'mutation',
    access: ['SPECIALIST'],
    summary:
      "Creates the specialist's Stripe Express account (once) and returns a fresh, single-use onboarding link to it.",
    input: null,
    output: OnboardingLinkOutputSchema,
    rateLimited: true,
    errors: [PROVIDER_DOWN],
  },
  'payouts.account': {
    kind: 'query',
    access: ['SPECIALIST'],
    summary:
      'Where the specialist stands with Stripe: charges and payouts enabled, what is still due, the fee.',
    input: null,
    output: PayoutAccountOutputSchema,
    errors: [],
  },
  'payouts.balance': {
    kind: 'query',
    access: ['SPECIALIST'],
    summary: "The specialist's Stripe balance, pending and available, per currency.",
    input: null,
    output: PayoutBalanceOutputSchema,
    rateLimited: true,
    errors: [PROVIDER_DOWN],
  },
  'payouts.list': {
    kind: 'query',
    access: ['SPECIALIST'],
    summary: "The specialist's payouts, newest arrival first, with status and arrival date.",
    input: PayoutListInputSchema,
    output: PayoutListOutputSchema,
    errors: [BAD_CURSOR],
    example: { limit: 20 },
  },
  'payouts.payments': {
    kind: 'query',
    access: ['SPECIALIST'],
    summary: 'What one payout paid out: the payments in it, with the platform fee and the net of each.',
    input: PayoutPaymentsInputSchema,
    output: PayoutPaymentsOutputSchema,
    rateLimited: true,
    errors: [{ code: 'NOT_FOUND', when: "no payout has this id, or it is not the caller's" }, PROVIDER_DOWN],
    example: { payoutId: 'cm7x1y2z30001' },
  },
  'promotionCodes.create': {
    kind: 'mutation',
    rateLimited: true,
    access: ['SPECIALIST'],
    accessNote: "Only for the specialist's own offerings; another's offering is NOT_FOUND.",
    summary:
      'Creates a promotion code (percent off, or a fixed amount off offerings in its currency) for one, several or all of your offerings.',
    input: CreatePromotionCodeInputSchema,
    output: PromotionCodeSchema,
    errors: [
      { code: 'NOT_FOUND', when: "an offering in `offeringIds` does not exist or is another specialist's" },
      { code: 'CONFLICT', when: 'you already have a code with this name (codes are case-insensitive)' },
      { code: 'BAD_REQUEST', when: 'a FIXED code lists an offering priced in another currency' },
    ],
    example: { code: 'LAUNCH20', kind: 'PERCENT', percentOff: 20, maxRedemptions: 100, oncePerLearner: true },
  },
  'promotionCodes.list': {
    kind: 'query',
    access: ['SPECIALIST', 'ADMIN'],
    accessNote:
      "Specialists see their own codes; admins everyone's (or one specialist's with `specialistId`).",
    summary: 'Promotion codes, newest first, with how often each was used and how many uses are left.',
    input: ListPromotionCodesInputSchema,
    output: ListPromotionCodesOutputSchema,
    errors: [],
    example: { includeInactive: false },
  },
  'promotionCodes.deactivate': {
    kind: 'mutation',
    rateLimited: true,
    access: ['SPECIALIST', 'ADMIN'],
    accessNote: "Specialists only their own codes (another's is NOT_FOUND); admins any.",
    summary:
      'Stops a promotion code from applying to new checkouts. Uses already counted stay; open checkouts keep their price.',
    input: DeactivatePromotionCodeInputSchema,
    output: PromotionCodeSchema,
    errors: [{ code: 'NOT_FOUND', when: 'no code has this id, or it is not yours' }],
    example: { promotionCodeId: 'cm7x1y2z30002' },
  },
  'admin.connectedAccounts': {
    kind: 'query',
    access: ['ADMIN'],
    summary: "Every specialist's Stripe connected account: status, what is due, the fee override.",
    input: null,
    output: ConnectedAccountsOutputSchema,
    errors: [],
  },
  'admin.setFeeOverride': {
    kind: 'mutation',
    access: ['ADMIN'],
    summary:
      "Sets (or with null clears) a specialist's platform fee in basis points, for their future sales.",
    input: SetFeeOverrideInputSchema,
    output: SetFeeOverrideOutputSchema,
    errors: [{ code: 'BAD_REQUEST', when: 'the specialist has no connected account yet' }],
    example: { userId: 'cm7x1y2z30001', feeBps: 800 },
  },
  'admin.webhookEvents': {
    kind: 'query',
    access: ['ADMIN'],
    summary: 'Stored Stripe events, newest first; failed and orphaned ones carry their last error.',
    input: WebhookEventsInputSchema,
    output: WebhookEventsOutputSchema,
    errors: [BAD_CURSOR],
    example: { status: 'FAILED', limit: 50 },
  },
  'admin.outbox': {
    kind: 'query',
    access: ['ADMIN'],
    summary: 'Queued, sent and failed emails, newest first.',
    input: OutboxInputSchema,
    output: OutboxOutputSchema,
    errors: [BAD_CURSOR],
    example: { status: 'PENDING' },
  },
  'admin.reconcile': {
    kind: 'mutation',
    access: ['ADMIN'],
    summary: 'Re-reads Stripe since a time and repairs what differs; the report lists every change.',
    input: ReconcileInputSchema,
    output: ReconcileReportSchema,
    errors: [],
    example: { sinceHours: 24 },
  },
  'admin.metricsSummary': {
    kind: 'query',
    access: ['ADMIN'],
    summary: 'The operations view’s key figures (the same numbers as the /metrics gauges).',
    input: null,
    output: MetricsSummaryOutputSchema,
    errors: [],
  },
});

export type ProcedureCatalogType = typeof ProcedureCatalog;
export type ProcedurePath = keyof ProcedureCatalogType;
export const PROCEDURE_PATHS = Object.keys(ProcedureCatalog) as ProcedurePath[];

/**
 * Every procedure's `{ input, output }` schemas, keyed by its path (`input` is null for procedures without
 * input). Derived from `ProcedureCatalog`.
 */
export const ProcedureContracts = Object.fromEntries(
  Object.entries(ProcedureCatalog).map(([path, p]) => [path, { input: p.input, output: p.output }]),
) as { readonly [P in ProcedurePath]: Pick<ProcedureCatalogType[P], 'input' | 'output'> };

/**
 * All errors a procedure may answer with: the ones every procedure of its kind has (invalid input, not
 * signed in, wrong role, rate limit, overload) followed by its own.
 */
export function procedureErrors(definition: ProcedureDefinition): ProcedureError[] {
  const errors: ProcedureError[] = [];
  if (definition.input) {
    errors.push({
      code: 'BAD_REQUEST',
      when: 'the input does not match the schema; `data.fieldErrors` names each wrong field',
    });
  }
  if (definition.access !== 'public') {
    errors.push({ code: 'UNAUTHORIZED', when: 'no valid `Authorization: Bearer` token' });
    if (definition.access.length < ALL_ROLES.length) {
      errors.push({
        code: 'FORBIDDEN',
        when: `the caller is signed in but not ${definition.access.map((r) => r.toLowerCase()).join(' or ')}`,
      });
    }
  }
  if (definition.rateLimited) {
    errors.push({
      code: 'TOO_MANY_REQUESTS',
      when: 'over the per-user or per-IP limit of money-moving calls; `data.retryAfterSeconds` says when to retry',
    });
  }
  return [...errors, ...definition.errors];
}
