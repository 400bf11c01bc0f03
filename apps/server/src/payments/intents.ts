import { randomUUID } from 'node:crypto';
import {
  type ConfirmPaymentOutput,
  type CreatePaymentIntentInput,
  type CreatePaymentIntentOutput,
  CurrencySchema,
} from '@enrollpay/schemas';
import type Stripe from 'stripe';
import { audit } from '../audit.js';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import { destinationFor } from '../payouts/service.js';
import { withIdempotency } from './idempotency.js';
import {
  CANCELABLE_PAYMENT_STATUSES,
  LIVE_ENROLLMENT_STATUSES,
  OPEN_PAYMENT_STATUSES,
  type PaymentStatus,
} from './status.js';
import { notifyPaymentStatus } from './status-notify.js';
import { callStripe, classifyStripeError } from './stripe-errors.js';
import { syncPaymentIntent } from './sync.js';

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
): Promise<CreatePaymentIntentOutput> {
  let ran = false;
  const output = await withIdempotency(deps, {
    userId: learner.userId,
    key: input.idempotencyKey,
    procedure: 'payments.createIntent',
    request: { offeringId: input.offeringId },
    run: () => {
      ran = true;
      return openPayment(deps, learner, input.offeringId);
    },
  });
  if (ran) return output;
  // A replay (a refresh of the checkout) answers the same payment, with where it stands now.
  const now = await deps.db.payment.findUnique({
    where: { id: output.paymentId },
    select: { status: true, failureMessage: true },
  });
  if (!now) return output;
  return {
    ...output,
    status: now.status,
    failureMessage: now.status === 'FAILED' ? now.failureMessage : null,
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
}

/**
 * One round trip: the offering (and its specialist's name), the learner (and their cached Stripe
 * customer), the learner's live enrollment in the offering and its newest open payment.
 */
async function readCheckout(deps: AppDeps, learnerId: string, offeringId: string): Promise<CheckoutFacts> {
  const [facts] = await deps.db.$queryRaw<CheckoutFacts[]>`
    SELECT o."id" AS "offeringId", o."title", o."active", o."priceAmount", o."currency", o."refundWindowDays",
      o."specialistId", s."name" AS "specialistName", u."email", u."name" AS "learnerName", u."stripeCustomerId",
      e."id" AS "liveEnrollmentId", e."status"::text AS "liveEnrollmentStatus",
      p."id" AS "paymentId", p."enrollmentId" AS "paymentEnrollmentId", p."amount", p."currency" AS "paymentCurrency",
      p."status"::text AS "paymentStatus", p."stripePaymentIntentId", p."stripeStatus", p."failureMessage"
    FROM "User" u
    LEFT JOIN "Offering" o ON o."id" = ${offeringId}
    LEFT JOIN "User" s ON s."id" = o."specialistId"
    LEFT JOIN LATERAL (
      SELECT "id", "status" FROM "Enrollment"
      WHERE "learnerId" = u."id" AND "offeringId" = o."id" AND "status"::text = ANY(${[...LIVE_ENROLLMENT_STATUSES]}::text[])
      LIMIT 1
    ) e ON true
    LEFT JOIN LATERAL (
      SELECT * FROM "Payment"
      WHERE "enrollmentId" = e."id" AND "status"::text = ANY(${[...OPEN_PAYMENT_STATUSES]}::text[])
      ORDER BY "createdAt" DESC LIMIT 1
    ) p ON true
    WHERE u."id" = ${learnerId}`;
  if (!facts?.offeringId) throw new NotFoundError('Offering');
  return facts;
}

type KnownPayment = OpenPayment & { stripeStatus: string | null; failureMessage: string | null };

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
  };
}

/**
 * The checkout itself. A returning learner's new purchase is 5 statements (idempotency claim, this
 * read, the payment + enrollment insert, the PaymentIntent id + audit write, the idempotency answer);
 * a first purchase adds none (its new Stripe customer is cached on the user by the payment insert). A fresh PaymentIntent is not synced: it is `requires_payment_method`, which the
 * write records, so a sync transaction would change nothing.
 */
async function openPayment(
  deps: AppDeps,
  learner: Principal,
  offeringId: string,
): Promise<CreatePaymentIntentOutput> {
  const { db } = deps;
  let facts = await readCheckout(deps, learner.userId, offeringId);
  if (!facts.active) throw new BadRequestError(`"${facts.title}" is no longer available`);
  if (facts.specialistId === learner.userId) throw new BadRequestError('You cannot buy your own offering');

  const user = { id: learner.userId, email: facts.email, name: facts.learnerName };
  // The customer first, so the statement that writes the payment also caches it on the user.
  const customerId = facts.stripeCustomerId ?? (await createCustomer(deps, user));
  let payment = await findOrCreatePayment(deps, learner.userId, facts, customerId);
  // An open payment keeps the price it was opened at; once the offering's price differs, its
  // PaymentIntent is canceled and the learner gets a new payment at today's price.
  if (payment.amount !== facts.priceAmount || payment.currency !== facts.currency) {
    const canceled = await cancelOpenPayment(deps, payment, 'repriced', learner);
    if (canceled) {
      facts = await readCheckout(deps, learner.userId, offeringId);
      payment = await findOrCreatePayment(deps, learner.userId, facts, customerId);
    }
  }
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
    // A destination charge to the specialist's Stripe account with the platform fee, or (not onboarded
    // yet) the platform holds the funds and transfers them at onboarding: payouts/service.ts.
    const destination = await destinationFor(deps, offering.specialistId, payment.amount);
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
          },
        },
        { idempotencyKey: `payment-intent:${payment.id}` },
      ),
    );
    // One statement: the PaymentIntent on the payment (with Stripe's status, as the sync would write it,
    // and a destination charge's account and platform fee), the customer cached on the user (first
    // purchase), and the audit entry.
    const details = JSON.stringify({ paymentIntentId: intent.id, offeringId: offering.id });
    await db.$executeRaw`
      WITH p AS (
        UPDATE "Payment" SET "stripePaymentIntentId" = ${intent.id}, "stripeCustomerId" = ${customerId},
          "stripeStatus" = ${intent.status},
          "destinationAccountId" = ${destination?.destination ?? null},
          "applicationFeeAmount" = ${destination?.applicationFeeAmount ?? 0},
          "version" = "version" + 1, "updatedAt" = now()
        WHERE "id" = ${payment.id} AND "stripePaymentIntentId" IS NULL
        RETURNING "id"
      ), u AS (
        UPDATE "User" SET "stripeCustomerId" = ${customerId}, "updatedAt" = now()
        WHERE "id" = ${learner.userId} AND "stripeCustomerId" IS NULL
        RETURNING "id"
      )
      INSERT INTO "AuditLog" ("id", "actorId", "actorRole", "action", "paymentId", "amount", "currency", "details")
      VALUES (${randomUUID()}, ${learner.userId}, ${learner.role}::"Role", 'payment.intent_created', ${payment.id},
        ${payment.amount}, ${payment.currency}, ${details}::jsonb)`;
    // Anything but a fresh intent (Stripe answered a replayed create with one already further on):
    // apply it through the sync function like any other news from Stripe.
    if (intent.status !== 'requires_payment_method') {
      await syncPaymentIntent(deps, intent, { kind: 'api' });
      known = await db.payment.findUniqueOrThrow({
        where: { id: payment.id },
        select: { status: true, failureMessage: true },
      });
    }
  }
  if (!intent.client_secret) throw new Error(`PaymentIntent ${intent.id} has no client_secret`);
  return {
    paymentId: payment.id,
    clientSecret: intent.client_secret,
    amount: payment.amount,
    currency: CurrencySchema.parse(payment.currency),
    publishableKey: deps.env.STRIPE_PUBLISHABLE_KEY,
    status: known.status,
    failureMessage: known.status === 'FAILED' ? known.failureMessage : null,
  };
}

interface OpenPayment {
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
  reason: 'repriced' | 'archived',
  actor: Principal,
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
    });
  }
  await audit(deps.db, {
    actorId: actor.userId,
    actorRole: actor.role,
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
  customerId: string,
): Promise<KnownPayment> {
  let facts = initial;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) facts = await readCheckout(deps, learnerId, initial.offeringId ?? '');
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
    try {
      // One statement, so atomic: the Stripe customer cached on the user, the enrollment (new, or the
      // live one reset to a pending payment) and the payment with its metadata.
      const inserted = await deps.db.$executeRaw`
        WITH cached AS (
          UPDATE "User" SET "stripeCustomerId" = ${customerId}, "updatedAt" = now()
          WHERE "id" = ${learnerId} AND "stripeCustomerId" IS NULL
          RETURNING "id"
        ), created AS (
          INSERT INTO "Enrollment" ("id", "learnerId", "offeringId", "status", "paymentStatus", "createdAt", "updatedAt")
          SELECT ${enrollmentId}, ${learnerId}, ${offeringId}, 'PENDING_PAYMENT', 'PENDING', ${now}, now()
          WHERE ${facts.liveEnrollmentId}::text IS NULL
          RETURNING "id"
        ), reset AS (
          UPDATE "Enrollment" SET "paymentStatus" = 'PENDING', "paymentId" = NULL, "paymentDate" = NULL,
            "webhookVerified" = false, "updatedAt" = now()
          WHERE "id" = ${facts.liveEnrollmentId}::text AND "status" = 'PENDING_PAYMENT'
          RETURNING "id"
        )
        INSERT INTO "Payment" ("id", "learnerId", "specialistId", "offeringId", "enrollmentId", "amount", "currency",
          "refundWindowDays", "status", "description", "metadata", "createdAt", "updatedAt")
        SELECT ${paymentId}, ${learnerId}, ${facts.specialistId}, ${offeringId}, e."id", ${facts.priceAmount},
          ${facts.currency}, ${facts.refundWindowDays}, 'PENDING', ${facts.title}, ${metadata}::jsonb, ${now}, now()
        FROM (SELECT "id" FROM created UNION ALL SELECT "id" FROM reset) e`;
      // The live enrollment stopped waiting for a payment meanwhile (another payment succeeded): read again.
      if (inserted !== 1) continue;
      return {
        id: paymentId,
        enrollmentId,
        amount: facts.priceAmount,
        currency: facts.currency,
        status: 'PENDING',
        stripePaymentIntentId: null,
        stripeStatus: null,
        failureMessage: null,
      };
    } catch (error) {
      // Another request created the live enrollment first (the partial unique index refused ours):
      // loop and reuse what it created.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
  }
  throw new ConflictError('Another checkout for this offering is starting; please retry');
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

function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = 'code' in error ? error.code : undefined;
  return code === 'P2002' || String((error as Error).message ?? '').includes('23505');
}
