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
import { callStripe, classifyStripeError } from './stripe-errors.js';
import { syncPaymentIntent } from './sync.js';

/**
 * payments.createIntent. The amount and currency come from the offering in our database. The Payment
 * row and its pending Enrollment are committed first, then the PaymentIntent is created with an
 * idempotency key derived from the payment id, so a crash or retry at any point converges on one
 * PaymentIntent per payment.
 */
export function createPaymentIntent(
  deps: AppDeps,
  learner: Principal,
  input: CreatePaymentIntentInput,
): Promise<CreatePaymentIntentOutput> {
  return withIdempotency(deps, {
    userId: learner.userId,
    key: input.idempotencyKey,
    procedure: 'payments.createIntent',
    request: { offeringId: input.offeringId },
    run: () => openPayment(deps, learner, input.offeringId),
  });
}

async function openPayment(
  deps: AppDeps,
  learner: Principal,
  offeringId: string,
): Promise<CreatePaymentIntentOutput> {
  const { db } = deps;
  const offering = await db.offering.findUnique({
    where: { id: offeringId },
    select: {
      id: true,
      title: true,
      active: true,
      priceAmount: true,
      currency: true,
      refundWindowDays: true,
      specialistId: true,
      specialist: { select: { name: true } },
    },
  });
  if (!offering) throw new NotFoundError('Offering');
  if (!offering.active) throw new BadRequestError(`"${offering.title}" is no longer available`);
  if (offering.specialistId === learner.userId) throw new BadRequestError('You cannot buy your own offering');

  let payment = await findOrCreatePayment(deps, learner.userId, offering);
  // An open payment keeps the price it was opened at; once the offering's price differs, its
  // PaymentIntent is canceled and the learner gets a new payment at today's price.
  if (payment.amount !== offering.priceAmount || payment.currency !== offering.currency) {
    const canceled = await cancelOpenPayment(deps, payment, 'repriced', learner);
    if (canceled) payment = await findOrCreatePayment(deps, learner.userId, offering);
  }
  const user = await db.user.findUniqueOrThrow({
    where: { id: learner.userId },
    select: { id: true, email: true, name: true, stripeCustomerId: true },
  });
  const customerId = user.stripeCustomerId ?? (await createCustomer(deps, user));

  let intent: Stripe.PaymentIntent;
  if (payment.stripePaymentIntentId) {
    intent = await callStripe(() => deps.stripe.paymentIntents.retrieve(payment.stripePaymentIntentId!));
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
          description: `${offering.title} — ${offering.specialist.name}`,
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
    await db.payment.updateMany({
      where: { id: payment.id, stripePaymentIntentId: null },
      data: {
        stripePaymentIntentId: intent.id,
        stripeCustomerId: customerId,
        ...(destination
          ? {
              destinationAccountId: destination.destination,
              applicationFeeAmount: destination.applicationFeeAmount,
            }
          : {}),
      },
    });
    await audit(db, {
      actorId: learner.userId,
      actorRole: learner.role,
      action: 'payment.intent_created',
      paymentId: payment.id,
      amount: payment.amount,
      currency: payment.currency,
      details: { paymentIntentId: intent.id, offeringId: offering.id },
    });
  }
  await syncPaymentIntent(deps, intent, { kind: 'api' });
  if (!intent.client_secret) throw new Error(`PaymentIntent ${intent.id} has no client_secret`);
  return {
    paymentId: payment.id,
    clientSecret: intent.client_secret,
    amount: payment.amount,
    currency: CurrencySchema.parse(payment.currency),
    publishableKey: deps.env.STRIPE_PUBLISHABLE_KEY,
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

async function findOrCreatePayment(
  deps: AppDeps,
  learnerId: string,
  offering: {
    id: string;
    title: string;
    priceAmount: number;
    currency: string;
    refundWindowDays: number;
    specialistId: string;
  },
): Promise<OpenPayment> {
  const { db } = deps;
  for (let attempt = 0; attempt < 3; attempt++) {
    const live = await db.enrollment.findFirst({
      where: {
        learnerId,
        offeringId: offering.id,
        status: { in: [...LIVE_ENROLLMENT_STATUSES] },
      },
      select: {
        id: true,
        status: true,
        payments: {
          where: { status: { in: [...OPEN_PAYMENT_STATUSES] } },
          orderBy: { createdAt: 'desc' },
          take: 1,
          select: OPEN_PAYMENT_SELECT,
        },
      },
    });
    if (live && live.status !== 'PENDING_PAYMENT') {
      throw new ConflictError(`You are already enrolled in "${offering.title}"`, { enrollmentId: live.id });
    }
    const open = live?.payments[0];
    if (open) return open;
    try {
      return await db.$transaction(async (tx) => {
        const enrollment =
          live ??
          (await tx.enrollment.create({
            data: { learnerId, offeringId: offering.id, status: 'PENDING_PAYMENT' },
            select: { id: true },
          }));
        const payment = await tx.payment.create({
          data: {
            learnerId,
            specialistId: offering.specialistId,
            offeringId: offering.id,
            enrollmentId: enrollment.id,
            amount: offering.priceAmount,
            currency: offering.currency,
            refundWindowDays: offering.refundWindowDays,
            status: 'PENDING',
            description: offering.title,
          },
          select: OPEN_PAYMENT_SELECT,
        });
        await tx.payment.update({
          where: { id: payment.id },
          data: {
            metadata: {
              paymentId: payment.id,
              enrollmentId: enrollment.id,
              learnerId,
              specialistId: offering.specialistId,
              offeringId: offering.id,
            },
          },
        });
        await tx.enrollment.update({
          where: { id: enrollment.id },
          data: { paymentStatus: 'PENDING' },
        });
        return payment;
      });
    } catch (error) {
      // Another request created the live enrollment first (the partial unique index refused ours):
      // loop and reuse what it created.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
  }
  throw new ConflictError('Another checkout for this offering is starting; please retry');
}

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
  await deps.db.user.updateMany({
    where: { id: user.id, stripeCustomerId: null },
    data: { stripeCustomerId: customer.id },
  });
  const stored = await deps.db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { stripeCustomerId: true },
  });
  return stored.stripeCustomerId ?? customer.id;
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
