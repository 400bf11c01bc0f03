import { randomUUID } from 'node:crypto';
import {
  type ConfirmPaymentOutput,
  type CreatePaymentIntentInput,
  type CreatePaymentIntentOutput,
  CurrencySchema,
  normalizePromotionCode,
} from '@enrollpay/schemas';
import type Stripe from 'stripe';
import { audit } from '../audit.js';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import { isUniqueViolation } from '../lib/db-errors.js';
import { type HotStatement, hotRows, toIso } from '../lib/hot-sql.js';
import { destinationOf } from '../payouts/service.js';
import { releaseReservation } from '../promotions/redemptions.js';
import {
  evaluatePromotion,
  unknownCodeMessage,
  usedByLearnerMessage,
  usedUpMessage,
} from '../promotions/rules.js';
import { type AnswerSlot, answerCte, withIdempotency } from './idempotency.js';
import { changePaymentPromotion } from './promotion-change.js';
import {
  CANCELABLE_PAYMENT_STATUSES,
  LIVE_ENROLLMENT_STATUSES,
  OPEN_PAYMENT_STATUSES,
  type PaymentStatus,
} from './status.js';
import { notifyPaymentStatus } from './status-notify.js';
import { callStripe, classifyStripeError } from './stripe-errors.js';
import { settleFreePayment, syncPaymentIntent } from './sync.js';

/**
 * payments.createIntent. The amount and currency come from the offering in our database. The Payment
 * row and its pending Enrollment are committed first, then the PaymentIntent is created with an
 * idempotency key derived from the payment id, so a crash or retry at any point converges on one
 * PaymentIntent per payment.
 */
export async function createPaymentIntent(
  deps: AppDeps,
  learner: Principal,
  input: CreatePaymentIntentInput,
  /** The caller's address for the money rate limit; null: not a client's request (the demo history). */
  client: { ip: string } | null,
): Promise<CreatePaymentIntentOutput> {
  let ran = false;
  const promotionCode = input.promotionCode ? normalizePromotionCode(input.promotionCode) : null;
  const output = await withIdempotency<CreatePaymentIntentOutput, CheckoutFacts>(deps, {
    userId: learner.userId,
    key: input.idempotencyKey,
    procedure: 'payments.createIntent',
    // Without a code the request is what it always was, so keys stored before codes existed still match.
    request: promotionCode
      ? { offeringId: input.offeringId, promotionCode }
      : { offeringId: input.offeringId },
    // The money rate limit, the key's claim and the checkout's read: one round trip.
    ...(client ? { gate: deps.rateLimiter.gate({ ip: client.ip, userId: learner.userId }) } : {}),
    read: {
      statement: READ_CHECKOUT,
      values: readCheckoutValues(learner.userId, input.offeringId, promotionCode),
    },
    run: (facts, answerSlot) => {
      ran = true;
      return openPayment(deps, learner, input.offeringId, promotionCode, checkoutFacts(facts), answerSlot);
    },
  });
  if (ran) return output;
  // A replay (a refresh of the checkout) answers the same payment, with where it stands now.
  // Its amount too: a promotion code may have been applied or removed since (with another key).
  const now = await deps.db.payment.findUnique({
    where: { id: output.paymentId },
    select: {
      status: true,
      failureMessage: true,
      amount: true,
      discountAmount: true,
      promotionCode: true,
      free: true,
    },
  });
  if (!now) return output;
  return {
    ...output,
    status: now.status,
    failureMessage: now.status === 'FAILED' ? now.failureMessage : null,
    amount: now.amount,
    listAmount: now.amount + now.discountAmount,
    discountAmount: now.discountAmount,
    promotionCode: now.promotionCode,
    percentOff: now.promotionCode === output.promotionCode ? output.percentOff : null,
    free: now.free,
  };
}

/** What createIntent reads about the offering, the learner and their live checkout, in one statement. */
interface CheckoutFacts {
  offeringId: string | null;
  title: string;
  active: boolean;
  priceAmount: number;
  currency: string;
  refundWindowDays: number;
  specialistId: string;
  specialistName: string;
  email: string;
  learnerName: string;
  stripeCustomerId: string | null;
  liveEnrollmentId: string | null;
  liveEnrollmentStatus: string | null;
  paymentId: string | null;
  paymentEnrollmentId: string | null;
  amount: number | null;
  paymentCurrency: string | null;
  paymentStatus: PaymentStatus | null;
  stripePaymentIntentId: string | null;
  stripeStatus: string | null;
  failureMessage: string | null;
  /** The open payment's promotion code and discount (the list price it was opened at is amount + discount). */
  paymentDiscountAmount: number | null;
  paymentPromotionCodeId: string | null;
  paymentPromotionCode: string | null;
  /** The promotion code asked for (by its normalised form, among the specialist's codes), if any. */
  codeId: string | null;
  code: string | null;
  codeKind: 'PERCENT' | 'FIXED' | null;
  codePercentOff: number | null;
  codeAmountOff: number | null;
  codeCurrency: string | null;
  codeOfferingIds: string[] | null;
  codeStartsAt: Date | null;
  codeEndsAt: Date | null;
  codeMaxRedemptions: number | null;
  codeActive: boolean | null;
  codeHeldCount: number | null;
  codeOncePerLearner: boolean | null;
  /** The learner holds or redeemed a use of that code on another payment. */
  codeUsedByLearner: boolean | null;
  /** The specialist's Connect account (null: none yet), for a destination charge (payouts/service.ts). */
  accountStripeId: string | null;
  accountChargesEnabled: boolean | null;
  accountFeeBpsOverride: number | null;
}

/**
 * readCheckout's statement (straight to the pg pool, prepared once per connection: lib/hot-sql.ts).
 * $1 offering, $2 live enrollment statuses, $3 open payment statuses, $4 normalised code, $5 learner.
 */
const READ_CHECKOUT: HotStatement = {
  name: 'create-intent-read-checkout',
  text: `
    SELECT o."id" AS "offeringId", o."title", o."active", o."priceAmount", o."currency", o."refundWindowDays",
      o."specialistId", s."name" AS "specialistName", u."email", u."name" AS "learnerName", u."stripeCustomerId",
      e."id" AS "liveEnrollmentId", e."status"::text AS "liveEnrollmentStatus",
      p."id" AS "paymentId", p."enrollmentId" AS "paymentEnrollmentId", p."amount", p."currency" AS "paymentCurrency",
      p."status"::text AS "paymentStatus", p."stripePaymentIntentId", p."stripeStatus", p."failureMessage",
      p."discountAmount" AS "paymentDiscountAmount", p."promotionCodeId" AS "paymentPromotionCodeId",
      p."promotionCode" AS "paymentPromotionCode",
      pc."id" AS "codeId", pc."code", pc."kind"::text AS "codeKind", pc."percentOff" AS "codePercentOff",
      pc."amountOff" AS "codeAmountOff", pc."currency" AS "codeCurrency", pc."offeringIds" AS "codeOfferingIds",
      pc."startsAt" AT TIME ZONE 'UTC' AS "codeStartsAt", pc."endsAt" AT TIME ZONE 'UTC' AS "codeEndsAt",
      pc."maxRedemptions" AS "codeMaxRedemptions",
      pc."active" AS "codeActive", pc."heldCount" AS "codeHeldCount", pc."oncePerLearner" AS "codeOncePerLearner",
      EXISTS (
        SELECT 1 FROM "PromotionRedemption" r
        WHERE r."promotionCodeId" = pc."id" AND r."learnerId" = u."id" AND r."paymentId" IS DISTINCT FROM p."id"
      ) AS "codeUsedByLearner",
      ca."stripeAccountId" AS "accountStripeId", ca."chargesEnabled" AS "accountChargesEnabled",
      ca."feeBpsOverride" AS "accountFeeBpsOverride"
    FROM "User" u
    LEFT JOIN "Offering" o ON o."id" = $1::text
    LEFT JOIN "User" s ON s."id" = o."specialistId"
    LEFT JOIN "ConnectedAccount" ca ON ca."userId" = o."specialistId"
    LEFT JOIN LATERAL (
      SELECT "id", "status" FROM "Enrollment"
      WHERE "learnerId" = u."id" AND "offeringId" = o."id" AND "status"::text = ANY($2::text[])
      LIMIT 1
    ) e ON true
    LEFT JOIN LATERAL (
      SELECT * FROM "Payment"
      WHERE "enrollmentId" = e."id" AND "status"::text = ANY($3::text[])
      ORDER BY "createdAt" DESC LIMIT 1
    ) p ON true
    LEFT JOIN "PromotionCode" pc ON pc."specialistId" = o."specialistId" AND pc."normalizedCode" = $4::text
    WHERE u."id" = $5::text`,
};

const readCheckoutValues = (learnerId: string, offeringId: string, promotionCode: string | null) => [
  offeringId,
  [...LIVE_ENROLLMENT_STATUSES],
  [...OPEN_PAYMENT_STATUSES],
  promotionCode,
  learnerId,
];

/** READ_CHECKOUT's row, or NOT_FOUND for an offering that does not exist. */
function checkoutFacts(row: CheckoutFacts | undefined): CheckoutFacts {
  if (!row?.offeringId) throw new NotFoundError('Offering');
  return row;
}

/**
 * One round trip: the offering (and its specialist's name and Connect account), the learner (and their
 * cached Stripe customer), the learner's live enrollment in the offering and its newest open payment, and
 * the promotion code asked for (a code adds no statement). The first read of a checkout travels with the
 * idempotency key's claim instead (createPaymentIntent); this one reads again after a race or a reprice.
 */
async function readCheckout(
  deps: AppDeps,
  learnerId: string,
  offeringId: string,
  promotionCode: string | null,
): Promise<CheckoutFacts> {
  const [row] = await hotRows<CheckoutFacts>(
    deps.db,
    READ_CHECKOUT,
    readCheckoutValues(learnerId, offeringId, promotionCode),
  );
  return checkoutFacts(row);
}

export type KnownPayment = OpenPayment & {
  stripeStatus: string | null;
  failureMessage: string | null;
  discountAmount: number;
  promotionCodeId: string | null;
  promotionCode: string | null;
};

function openPaymentOf(facts: CheckoutFacts): KnownPayment | null {
  if (!facts.paymentId || !facts.paymentEnrollmentId || facts.amount === null || !facts.paymentStatus)
    return null;
  return {
    id: facts.paymentId,
    enrollmentId: facts.paymentEnrollmentId,
    amount: facts.amount,
    currency: facts.paymentCurrency ?? facts.currency,
    status: facts.paymentStatus,
    stripePaymentIntentId: facts.stripePaymentIntentId,
    stripeStatus: facts.stripeStatus,
    failureMessage: facts.failureMessage,
    discountAmount: facts.paymentDiscountAmount ?? 0,
    promotionCodeId: facts.paymentPromotionCodeId,
    promotionCode: facts.paymentPromotionCode,
  };
}

/** What the learner pays: the offering's price, less the promotion code's discount. */
export interface Pricing {
  listAmount: number;
  amount: number;
  discountAmount: number;
  free: boolean;
  code: { id: string; code: string; oncePerLearner: boolean; percentOff: number | null } | null;
}

/**
 * The checkout's price with the code asked for, by the pure rules (promotions/rules.ts). A code the open
 * payment already holds (a refresh) is not checked for its limit, dates or `active` again.
 */
function priceCheckout(deps: AppDeps, facts: CheckoutFacts, promotionCode: string | null): Pricing {
  const listAmount = facts.priceAmount;
  if (!promotionCode) return { listAmount, amount: listAmount, discountAmount: 0, free: false, code: null };
  if (!facts.codeId || !facts.code || !facts.codeKind) {
    throw new BadRequestError(unknownCodeMessage(promotionCode), {
      field: 'promotionCode',
      reason: 'unknown',
    });
  }
  const open = openPaymentOf(facts);
  const alreadyHeld =
    open !== null &&
    open.promotionCodeId === facts.codeId &&
    open.amount + open.discountAmount === facts.priceAmount &&
    open.currency === facts.currency;
  const verdict = evaluatePromotion(
    {
      code: facts.code,
      kind: facts.codeKind,
      percentOff: facts.codePercentOff,
      amountOff: facts.codeAmountOff,
      currency: facts.codeCurrency,
      offeringIds: facts.codeOfferingIds ?? [],
      startsAt: facts.codeStartsAt,
      endsAt: facts.codeEndsAt,
      maxRedemptions: facts.codeMaxRedemptions,
      active: facts.codeActive ?? false,
      heldCount: facts.codeHeldCount ?? 0,
      oncePerLearner: facts.codeOncePerLearner ?? false,
    },
    {
      offeringId: facts.offeringId ?? '',
      price: facts.priceAmount,
      currency: facts.currency,
      now: deps.clock.now(),
      usedByLearner: facts.codeUsedByLearner ?? false,
      alreadyHeld,
    },
  );
  if (!verdict.ok) {
    throw new BadRequestError(verdict.message, { field: 'promotionCode', reason: verdict.reason });
  }
  return {
    listAmount,
    amount: verdict.amount,
    discountAmount: verdict.discountAmount,
    free: verdict.free,
    code: {
      id: facts.codeId,
      code: facts.code,
      oncePerLearner: facts.codeOncePerLearner ?? false,
      percentOff: facts.codeKind === 'PERCENT' ? facts.codePercentOff : null,
    },
  };
}

/**
 * The checkout itself. A returning learner's new purchase is 3 statements: the money rate limit, the
 * idempotency claim and the checkout's read (`read`: createPaymentIntent), the payment + enrollment
 * insert, and the PaymentIntent id + audit entry + idempotency answer; a first purchase adds none (its new Stripe
 * customer is cached on the user by that last write). A promotion code adds none either: the read reads
 * it and the payment insert reserves its use. A fresh PaymentIntent is not synced: it is
 * `requires_payment_method`, which the write records, so a sync transaction would change nothing.
 */
async function openPayment(
  deps: AppDeps,
  learner: Principal,
  offeringId: string,
  promotionCode: string | null,
  read: CheckoutFacts,
  answerSlot: AnswerSlot<CreatePaymentIntentOutput>,
): Promise<CreatePaymentIntentOutput> {
  const { db } = deps;
  let facts = read;
  if (!facts.active) throw new BadRequestError(`"${facts.title}" is no longer available`);
  if (facts.specialistId === learner.userId) throw new BadRequestError('You cannot buy your own offering');
  // The code is checked before anything is written or asked of Stripe.
  let pricing = priceCheckout(deps, facts, promotionCode);

  const user = { id: learner.userId, email: facts.email, name: facts.learnerName };
  // A first purchase that goes to Stripe needs the learner's Stripe customer, which does not depend on
  // the payment: it is asked for while the payment is written, so the two round trips overlap. Only when
  // the insert cannot refuse (no promotion code to reserve, not enrolled already); should it refuse
  // anyway (a race), the customer's idempotency key is the user's, so the next call gets the same one.
  // A failure is seen where it is awaited.
  const enrolledAlready = facts.liveEnrollmentId !== null && facts.liveEnrollmentStatus !== 'PENDING_PAYMENT';
  const earlyCustomer =
    !facts.stripeCustomerId && !pricing.free && !pricing.code && !enrolledAlready
      ? createCustomer(deps, user)
      : null;
  earlyCustomer?.catch(() => undefined);
  let payment = await findOrCreatePayment(deps, learner.userId, facts, facts.stripeCustomerId, pricing);
  // An open payment keeps the price it was opened at; once the offering's price differs, its
  // PaymentIntent is canceled and the learner gets a new payment at today's price. So does an open
  // payment that a 100 % code now makes free (a free enrollment has no PaymentIntent).
  const listAmount = payment.amount + payment.discountAmount;
  if (
    listAmount !== facts.priceAmount ||
    payment.currency !== facts.currency ||
    (pricing.free && payment.amount > 0)
  ) {
    const canceled = await cancelOpenPayment(deps, payment, pricing.free ? 'free' : 'repriced', learner);
    if (canceled) {
      facts = await readCheckout(deps, learner.userId, offeringId, promotionCode);
      pricing = priceCheckout(deps, facts, promotionCode);
      payment = await findOrCreatePayment(deps, learner.userId, facts, facts.stripeCustomerId, pricing);
    }
  } else if (payment.promotionCodeId !== (pricing.code?.id ?? null)) {
    // A code applied to, changed on or removed from the open payment: the same PaymentIntent, a new amount.
    payment = await changePaymentPromotion(deps, learner, payment, pricing);
  }

  if (pricing.free && payment.amount === 0) {
    // Free: enrolled now, without a PaymentIntent or any Stripe call.
    await settleFreePayment(deps, payment.id);
    return answer(deps, payment, pricing, null, { status: 'SUCCEEDED', failureMessage: null });
  }

  // The customer is made only for a payment that goes to Stripe (so a free enrollment calls nothing); the
  // statement that records the PaymentIntent caches it on the user.
  const customerId = facts.stripeCustomerId ?? (await (earlyCustomer ?? createCustomer(deps, user)));
  const offering = { id: offeringId, title: facts.title, specialistId: facts.specialistId };

  let intent: Stripe.PaymentIntent;
  let known: { status: PaymentStatus; failureMessage: string | null } = payment;
  if (payment.stripePaymentIntentId) {
    intent = await callStripe(() => deps.stripe.paymentIntents.retrieve(payment.stripePaymentIntentId!));
    // Only when Stripe's status differs from the one we hold is there anything to apply.
    if (intent.status !== payment.stripeStatus) {
      await syncPaymentIntent(deps, intent, { kind: 'api' });
      known = await db.payment.findUniqueOrThrow({
        where: { id: payment.id },
        select: { status: true, failureMessage: true },
      });
    }
  } else {
    // A destination charge to the specialist's Stripe account with the platform fee (on the discounted
    // amount), or (not onboarded yet) the platform holds the funds and transfers them at onboarding:
    // payouts/service.ts.
    const destination = destinationOf(
      deps,
      facts.accountStripeId
        ? {
            stripeAccountId: facts.accountStripeId,
            chargesEnabled: facts.accountChargesEnabled === true,
            feeBpsOverride: facts.accountFeeBpsOverride,
          }
        : null,
      payment.amount,
    );
    intent = await callStripe(() =>
      deps.stripe.paymentIntents.create(
        {
          amount: payment.amount,
          currency: payment.currency,
          customer: customerId,
          allowed_payment_method_types: ['card'],
          description: `${offering.title} — ${facts.specialistName}`,
          receipt_email: user.email,
          ...(destination
            ? {
                transfer_data: { destination: destination.destination },
                application_fee_amount: destination.applicationFeeAmount,
              }
            : {}),
          metadata: {
            paymentId: payment.id,
            enrollmentId: payment.enrollmentId,
            learnerId: learner.userId,
            specialistId: offering.specialistId,
            offeringId: offering.id,
            ...(payment.promotionCode
              ? { promotionCode: payment.promotionCode, discountAmount: String(payment.discountAmount) }
              : {}),
          },
        },
        { idempotencyKey: `payment-intent:${payment.id}` },
      ),
    );
    // One statement: the PaymentIntent on the payment (with Stripe's status, as the sync would write it,
    // and a destination charge's account and platform fee), the customer cached on the user (first
    // purchase), the audit entry, and (a fresh intent: nothing further can change the answer) the
    // idempotency answer.
    if (!intent.client_secret) throw new Error(`PaymentIntent ${intent.id} has no client_secret`);
    const fresh = intent.status === 'requires_payment_method';
    const output = answer(deps, payment, pricing, intent.client_secret, known);
    const details = JSON.stringify({ paymentIntentId: intent.id, offeringId: offering.id });
    const [recorded] = await hotRows<{ answered: number }>(db, RECORD_INTENT, [
      intent.id,
      customerId,
      intent.status,
      destination?.destination ?? null,
      destination?.applicationFeeAmount ?? 0,
      payment.id,
      learner.userId,
      randomUUID(),
      learner.role,
      payment.amount,
      payment.currency,
      details,
      ...(fresh ? answerSlot.values(output) : [null, null, null]),
    ]);
    if (fresh) {
      answerSlot.stored(recorded?.answered ?? 0);
      return output;
    }
    // Anything but a fresh intent (Stripe answered a replayed create with one already further on):
    // apply it through the sync function like any other news from Stripe.
    await syncPaymentIntent(deps, intent, { kind: 'api' });
    known = await db.payment.findUniqueOrThrow({
      where: { id: payment.id },
      select: { status: true, failureMessage: true },
    });
  }
  if (!intent.client_secret) throw new Error(`PaymentIntent ${intent.id} has no client_secret`);
  return answer(deps, payment, pricing, intent.client_secret, known);
}

/**
 * The PaymentIntent on the payment, the customer cached on the user, the audit entry and the idempotency
 * answer: one statement. $1 intent, $2 customer, $3 Stripe's status, $4 destination account, $5 platform
 * fee, $6 payment, $7 learner, $8 audit id, $9 role, $10 amount, $11 currency, $12 details, $13–$15 the
 * answer (idempotency.ts `answerCte`; all null: stored later, `answered` 0).
 */
const RECORD_INTENT: HotStatement = {
  name: 'create-intent-record-intent',
  text: `
    WITH ${answerCte(13)}, p AS (
      UPDATE "Payment" SET "stripePaymentIntentId" = $1::text, "stripeCustomerId" = $2::text,
        "stripeStatus" = $3::text, "destinationAccountId" = $4::text, "applicationFeeAmount" = $5::int,
        "version" = "version" + 1, "updatedAt" = now()
      WHERE "id" = $6::text AND "stripePaymentIntentId" IS NULL
      RETURNING "id"
    ), u AS (
      UPDATE "User" SET "stripeCustomerId" = $2::text, "updatedAt" = now()
      WHERE "id" = $7::text AND "stripeCustomerId" IS NULL
      RETURNING "id"
    )
    INSERT INTO "AuditLog" ("id", "actorId", "actorRole", "action", "paymentId", "amount", "currency", "details")
    VALUES ($8::text, $7::text, $9::text::"Role", 'payment.intent_created', $6::text, $10::int, $11::text, $12::jsonb)
    RETURNING (SELECT count(*)::int FROM answer) AS "answered"`,
};

function answer(
  deps: AppDeps,
  payment: KnownPayment,
  pricing: Pricing,
  clientSecret: string | null,
  known: { status: PaymentStatus; failureMessage: string | null },
): CreatePaymentIntentOutput {
  return {
    paymentId: payment.id,
    clientSecret,
    amount: payment.amount,
    currency: CurrencySchema.parse(payment.currency),
    publishableKey: deps.env.STRIPE_PUBLISHABLE_KEY,
    status: known.status,
    failureMessage: known.status === 'FAILED' ? known.failureMessage : null,
    listAmount: payment.amount + payment.discountAmount,
    discountAmount: payment.discountAmount,
    promotionCode: payment.promotionCode,
    percentOff:
      payment.promotionCodeId && payment.promotionCodeId === pricing.code?.id
        ? pricing.code.percentOff
        : null,
    free: pricing.free && payment.amount === 0,
  };
}

export interface OpenPayment {
  id: string;
  enrollmentId: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  stripePaymentIntentId: string | null;
}

const OPEN_PAYMENT_SELECT = {
  id: true,
  enrollmentId: true,
  amount: true,
  currency: true,
  status: true,
  stripePaymentIntentId: true,
} as const;

/**
 * Cancels an open payment's PaymentIntent at Stripe (idempotency key from the payment id) and applies the
 * answer through the sync function, so the payment is CANCELED and its enrollment CANCELLED. A payment
 * Stripe is processing, or one that succeeded meanwhile, is left to Stripe: its state is synced instead.
 * Returns whether the payment is canceled now.
 */
export async function cancelOpenPayment(
  deps: AppDeps,
  payment: Pick<OpenPayment, 'id' | 'amount' | 'currency' | 'status' | 'stripePaymentIntentId'>,
  reason: 'repriced' | 'archived' | 'free' | 'abandoned',
  /** Who canceled it; null for the server's own jobs (the stale-hold job, src/promotions/expire-holds.ts). */
  actor: Principal | null,
): Promise<boolean> {
  const cancelable: readonly PaymentStatus[] = CANCELABLE_PAYMENT_STATUSES;
  if (!cancelable.includes(payment.status)) return false;
  const intentId = payment.stripePaymentIntentId;
  if (intentId) {
    let intent: Stripe.PaymentIntent;
    try {
      intent = await callStripe(() =>
        deps.stripe.paymentIntents.cancel(
          intentId,
          { cancellation_reason: 'abandoned' },
          { idempotencyKey: `payment-intent-cancel:${payment.id}` },
        ),
      );
    } catch (error) {
      // Stripe refused (it succeeded or is processing meanwhile): take its word for where it stands.
      if (classifyStripeError(error).kind !== 'refused') throw error;
      intent = await callStripe(() => deps.stripe.paymentIntents.retrieve(intentId));
    }
    await syncPaymentIntent(deps, intent, { kind: 'api' });
    if (intent.status !== 'canceled') return false;
  } else {
    // No PaymentIntent was made yet: nothing to cancel at Stripe.
    await deps.db.$transaction(async (tx) => {
      const row = await tx.payment.update({
        where: { id: payment.id },
        data: { status: 'CANCELED', canceledAt: deps.clock.now() },
        select: { enrollmentId: true },
      });
      await tx.enrollment.update({
        where: { id: row.enrollmentId },
        data: { status: 'CANCELLED', paymentStatus: 'CANCELED' },
      });
      await notifyPaymentStatus(tx, [payment.id]);
      // Its promotion code's use (if any) is free again (the sync function does this for the other branch).
      await releaseReservation(tx, payment.id);
    });
  }
  await audit(deps.db, {
    actorId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    action: 'payment.intent_canceled',
    paymentId: payment.id,
    amount: payment.amount,
    currency: payment.currency,
    details: { reason, paymentIntentId: intentId },
  });
  return true;
}

/**
 * The learner's open payment for the offering, or a new one (and a new pending enrollment when there is
 * no live one) written by one statement. Two racing requests: the partial unique index on live
 * enrollments refuses the second, which reads again and reuses what the first created.
 */
async function findOrCreatePayment(
  deps: AppDeps,
  learnerId: string,
  initial: CheckoutFacts,
  customerId: string | null,
  pricing: Pricing,
): Promise<KnownPayment> {
  let facts = initial;
  const code = pricing.code;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) {
      facts = await readCheckout(
        deps,
        learnerId,
        initial.offeringId ?? '',
        code ? normalizePromotionCode(code.code) : null,
      );
    }
    if (facts.liveEnrollmentId && facts.liveEnrollmentStatus !== 'PENDING_PAYMENT') {
      throw new ConflictError(`You are already enrolled in "${facts.title}"`, {
        enrollmentId: facts.liveEnrollmentId,
      });
    }
    const open = openPaymentOf(facts);
    if (open) return open;
    const paymentId = randomUUID();
    const enrollmentId = facts.liveEnrollmentId ?? randomUUID();
    const offeringId = facts.offeringId ?? '';
    // The service clock (real time in production; the demo history sets it to the past).
    const now = deps.clock.now();
    const metadata = JSON.stringify({
      paymentId,
      enrollmentId,
      learnerId,
      specialistId: facts.specialistId,
      offeringId,
    });
    const codeId = code?.id ?? null;
    try {
      // One statement, so atomic: the promotion code's use reserved (a conditional UPDATE: it passes only
      // while uses are left, and concurrent checkouts queue on the code's row, so the last use goes to
      // exactly one of them), the Stripe customer cached on the user, the enrollment (new, or the live one
      // reset to a pending payment), the payment with its metadata and discount, and the reservation row.
      // Without a use left nothing is written.
      const [result] = await hotRows<{ inserted: number; reserved: number }>(deps.db, CREATE_PAYMENT, [
        codeId,
        customerId,
        learnerId,
        enrollmentId,
        offeringId,
        toIso(now),
        facts.liveEnrollmentId,
        paymentId,
        facts.specialistId,
        pricing.amount,
        facts.currency,
        facts.refundWindowDays,
        facts.title,
        metadata,
        pricing.discountAmount,
        code?.code ?? null,
        pricing.free,
        randomUUID(),
        code?.oncePerLearner ? learnerId : null,
      ]);
      if (code && result?.reserved !== 1) {
        throw new BadRequestError(usedUpMessage(code.code), { field: 'promotionCode', reason: 'used_up' });
      }
      if (result?.inserted !== 1) {
        // The live enrollment stopped waiting for a payment meanwhile (another payment succeeded): give the
        // reserved use back and read again.
        if (codeId) await releaseHeldCount(deps, codeId);
        continue;
      }
      return {
        id: paymentId,
        enrollmentId,
        amount: pricing.amount,
        currency: facts.currency,
        status: 'PENDING',
        stripePaymentIntentId: null,
        stripeStatus: null,
        failureMessage: null,
        discountAmount: pricing.discountAmount,
        promotionCodeId: codeId,
        promotionCode: code?.code ?? null,
      };
    } catch (error) {
      // The once-per-learner index refused a second live use of the code by this learner (a race with
      // another checkout of theirs).
      if (code && isUniqueViolation(error) && String((error as Error).message).includes('onceLearnerId')) {
        throw new BadRequestError(usedByLearnerMessage(code.code), {
          field: 'promotionCode',
          reason: 'used_by_learner',
        });
      }
      // Another request created the live enrollment first (the partial unique index refused ours):
      // loop and reuse what it created.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
  }
  throw new ConflictError('Another checkout for this offering is starting; please retry');
}

/**
 * findOrCreatePayment's one statement. $1 code, $2 Stripe customer, $3 learner, $4 new enrollment id,
 * $5 offering, $6 now, $7 the live enrollment (null: none), $8 payment id, $9 specialist, $10 amount,
 * $11 currency, $12 refund window, $13 description, $14 metadata, $15 discount, $16 code as typed,
 * $17 free, $18 redemption id, $19 the learner when the code is once per learner.
 */
const CREATE_PAYMENT: HotStatement = {
  name: 'create-intent-create-payment',
  text: `
    WITH reserved AS (
      UPDATE "PromotionCode" SET "heldCount" = "heldCount" + 1, "updatedAt" = now()
      WHERE "id" = $1::text AND ("maxRedemptions" IS NULL OR "heldCount" < "maxRedemptions")
      RETURNING "id"
    ), go AS (
      SELECT 1 WHERE $1::text IS NULL OR EXISTS (SELECT 1 FROM reserved)
    ), cached AS (
      UPDATE "User" SET "stripeCustomerId" = $2::text, "updatedAt" = now()
      WHERE "id" = $3::text AND "stripeCustomerId" IS NULL AND $2::text IS NOT NULL
        AND EXISTS (SELECT 1 FROM go)
      RETURNING "id"
    ), created AS (
      INSERT INTO "Enrollment" ("id", "learnerId", "offeringId", "status", "paymentStatus", "createdAt", "updatedAt")
      SELECT $4::text, $3::text, $5::text, 'PENDING_PAYMENT', 'PENDING', $6::timestamp, now()
      WHERE $7::text IS NULL AND EXISTS (SELECT 1 FROM go)
      RETURNING "id"
    ), reset AS (
      UPDATE "Enrollment" SET "paymentStatus" = 'PENDING', "paymentId" = NULL, "paymentDate" = NULL,
        "webhookVerified" = false, "updatedAt" = now()
      WHERE "id" = $7::text AND "status" = 'PENDING_PAYMENT' AND EXISTS (SELECT 1 FROM go)
      RETURNING "id"
    ), pay AS (
      INSERT INTO "Payment" ("id", "learnerId", "specialistId", "offeringId", "enrollmentId", "amount", "currency",
        "refundWindowDays", "status", "description", "metadata", "discountAmount", "promotionCode",
        "promotionCodeId", "free", "createdAt", "updatedAt")
      SELECT $8::text, $3::text, $9::text, $5::text, e."id", $10::int,
        $11::text, $12::int, 'PENDING', $13::text, $14::jsonb,
        $15::int, $16::text, $1::text, $17::boolean, $6::timestamp, now()
      FROM (SELECT "id" FROM created UNION ALL SELECT "id" FROM reset) e
      RETURNING "id"
    ), held AS (
      INSERT INTO "PromotionRedemption" ("id", "promotionCodeId", "paymentId", "learnerId", "onceLearnerId",
        "discountAmount", "currency", "status", "createdAt")
      SELECT $18::text, $1::text, pay."id", $3::text, $19::text, $15::int, $11::text, 'RESERVED', $6::timestamp
      FROM pay WHERE $1::text IS NOT NULL
      RETURNING "id"
    )
    SELECT (SELECT count(*) FROM pay)::int AS "inserted", (SELECT count(*) FROM reserved)::int AS "reserved"`,
};

/** Gives back a use reserved by a payment insert that then wrote nothing. */
async function releaseHeldCount(deps: AppDeps, codeId: string): Promise<void> {
  await deps.db.$executeRaw`
    UPDATE "PromotionCode" SET "heldCount" = "heldCount" - 1, "updatedAt" = now() WHERE "id" = ${codeId}`;
}

/**
 * The learner's Stripe customer (idempotency key from the user id, so racing calls get the same one).
 * It is cached on the user by the statement that writes the payment (and, should an open payment be
 * reused instead, by the one that records its PaymentIntent).
 */
async function createCustomer(
  deps: AppDeps,
  user: { id: string; email: string; name: string },
): Promise<string> {
  const customer = await callStripe(() =>
    deps.stripe.customers.create(
      { email: user.email, name: user.name, metadata: { userId: user.id } },
      { idempotencyKey: `customer:${user.id}` },
    ),
  );
  return customer.id;
}

/** payments.confirm: ask Stripe where the payment stands and apply it through the one sync function. */
export async function confirmPayment(
  deps: AppDeps,
  learner: Principal,
  paymentId: string,
): Promise<ConfirmPaymentOutput> {
  const payment = await deps.db.payment.findFirst({
    where: { id: paymentId, learnerId: learner.userId },
    select: { stripePaymentIntentId: true },
  });
  if (!payment) throw new NotFoundError('Payment');
  if (payment.stripePaymentIntentId) {
    const intent = await callStripe(() =>
      deps.stripe.paymentIntents.retrieve(payment.stripePaymentIntentId!, { expand: ['latest_charge'] }),
    );
    await syncPaymentIntent(deps, intent, { kind: 'confirm' });
  }
  const after = await deps.db.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: { status: true, failureMessage: true, enrollment: { select: { status: true } } },
  });
  return {
    paymentId,
    status: after.status,
    failureMessage: after.status === 'FAILED' ? after.failureMessage : null,
    enrollmentStatus: after.enrollment.status,
  };
}

/**
 * Archiving an offering: cancels the PaymentIntents of its open payments, so nobody holding a client
 * secret can still pay for it. Pages through them by id; returns how many were canceled.
 */
export async function cancelOpenPaymentsOf(
  deps: AppDeps,
  offeringId: string,
  actor: Principal,
): Promise<number> {
  let canceled = 0;
  let after = '';
  for (;;) {
    const page = await deps.db.payment.findMany({
      where: { offeringId, status: { in: [...CANCELABLE_PAYMENT_STATUSES] }, id: { gt: after } },
      orderBy: { id: 'asc' },
      take: 50,
      select: OPEN_PAYMENT_SELECT,
    });
    for (const payment of page) {
      if (await cancelOpenPayment(deps, payment, 'archived', actor)) canceled++;
    }
    const last = page.at(-1);
    if (!last || page.length < 50) return canceled;
    after = last.id;
  }
}
