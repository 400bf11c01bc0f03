import { randomUUID } from 'node:crypto';
import { applicationFeeFor } from '@enrollpay/schemas';
import { audit } from '../audit.js';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { BadRequestError, ConflictError } from '../errors.js';
import { destinationFor } from '../payouts/service.js';
import { releaseReservation } from '../promotions/redemptions.js';
import { usedByLearnerMessage, usedUpMessage } from '../promotions/rules.js';
import type { KnownPayment, Pricing } from './intents.js';
import type { PaymentStatus } from './status.js';
import { callStripe, classifyStripeError } from './stripe-errors.js';

/** Open payments whose PaymentIntent amount Stripe still lets us change (not while it is processing). */
const REPRICEABLE: readonly PaymentStatus[] = ['PENDING', 'REQUIRES_ACTION', 'FAILED'];

/**
 * A promotion code applied to, changed on or removed from an open payment (same learner and offering):
 * the payment keeps its PaymentIntent, whose amount (and platform fee) Stripe updates; no second
 * PaymentIntent is made.
 *
 * One transaction holds the payment's row lock throughout, so the sync function (webhooks, confirm) waits
 * and never sees the PaymentIntent's new amount next to the payment's old one: the new code's use is
 * reserved (conditional UPDATE, as at checkout), the old one released, the payment rewritten, and then
 * Stripe is asked to change the amount. Stripe refusing (or being down) rolls all of it back. The
 * idempotency key is derived from our ids, the payment's version (so A → none → A is three changes, not a
 * replay of the first) and the new amount and code.
 */
export async function changePaymentPromotion(
  deps: AppDeps,
  learner: Principal,
  payment: KnownPayment,
  pricing: Pricing,
): Promise<KnownPayment> {
  const code = pricing.code;
  return deps.db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<
        {
          status: PaymentStatus;
          promotionCodeId: string | null;
          version: number;
          destinationAccountId: string | null;
          specialistId: string;
        }[]
      >`
        SELECT "status"::text AS "status", "promotionCodeId", "version", "destinationAccountId", "specialistId"
        FROM "Payment" WHERE "id" = ${payment.id} FOR UPDATE`;
      if (!row || row.promotionCodeId !== payment.promotionCodeId) {
        throw new ConflictError('This checkout changed meanwhile; please try again');
      }
      if (!REPRICEABLE.includes(row.status)) {
        throw new BadRequestError(
          'promotionCode: this payment is already being processed, so its code can no longer be changed',
          { field: 'promotionCode', reason: 'processing' },
        );
      }
      if (code) {
        const reserved = await tx.$executeRaw`
          UPDATE "PromotionCode" SET "heldCount" = "heldCount" + 1, "updatedAt" = now()
          WHERE "id" = ${code.id} AND ("maxRedemptions" IS NULL OR "heldCount" < "maxRedemptions")`;
        if (reserved !== 1) {
          throw new BadRequestError(usedUpMessage(code.code), { field: 'promotionCode', reason: 'used_up' });
        }
      }
      await releaseReservation(tx, payment.id);
      if (code) {
        const inserted = await tx.$executeRaw`
          INSERT INTO "PromotionRedemption" ("id", "promotionCodeId", "paymentId", "learnerId", "onceLearnerId",
            "discountAmount", "currency", "status", "createdAt")
          VALUES (${randomUUID()}, ${code.id}, ${payment.id}, ${learner.userId},
            ${code.oncePerLearner ? learner.userId : null}, ${pricing.discountAmount}, ${payment.currency},
            'RESERVED', ${deps.clock.now()})
          ON CONFLICT ("promotionCodeId", "onceLearnerId") DO NOTHING`;
        if (inserted !== 1) {
          throw new BadRequestError(usedByLearnerMessage(code.code), {
            field: 'promotionCode',
            reason: 'used_by_learner',
          });
        }
      }
      // The platform fee follows the amount (a destination charge's fee is on what is charged). Should the
      // account have lost its charges capability since, the fee is still recomputed (the default rate), so
      // it never exceeds the new amount.
      const destination = row.destinationAccountId
        ? ((await destinationFor(deps, row.specialistId, pricing.amount)) ?? {
            destination: row.destinationAccountId,
            applicationFeeAmount: applicationFeeFor(pricing.amount, deps.env.PLATFORM_FEE_BPS),
          })
        : null;
      await tx.payment.update({
        where: { id: payment.id },
        data: {
          amount: pricing.amount,
          discountAmount: pricing.discountAmount,
          promotionCode: code?.code ?? null,
          promotionCodeId: code?.id ?? null,
          ...(destination ? { applicationFeeAmount: destination.applicationFeeAmount } : {}),
          version: { increment: 1 },
        },
      });
      if (payment.stripePaymentIntentId) {
        const intentId = payment.stripePaymentIntentId;
        const key = `payment-intent-amount:${payment.id}:v${row.version}:${pricing.amount}:${code?.id ?? 'none'}`;
        try {
          await callStripe(() =>
            deps.stripe.paymentIntents.update(
              intentId,
              {
                amount: pricing.amount,
                ...(destination ? { application_fee_amount: destination.applicationFeeAmount } : {}),
                metadata: {
                  promotionCode: code?.code ?? '',
                  discountAmount: pricing.discountAmount ? String(pricing.discountAmount) : '',
                },
              },
              { idempotencyKey: key },
            ),
          );
        } catch (error) {
          if (classifyStripeError(error).kind === 'refused') {
            throw new BadRequestError(
              'promotionCode: Stripe no longer lets this payment change (it is being processed); refresh the page',
              { field: 'promotionCode', reason: 'processing' },
            );
          }
          throw error;
        }
      }
      await audit(tx, {
        actorId: learner.userId,
        actorRole: learner.role,
        action: 'payment.promotion_changed',
        paymentId: payment.id,
        amount: pricing.amount,
        currency: payment.currency,
        details: {
          from: payment.promotionCode,
          to: code?.code ?? null,
          previousAmount: payment.amount,
          discountAmount: pricing.discountAmount,
        },
      });
      return {
        ...payment,
        amount: pricing.amount,
        discountAmount: pricing.discountAmount,
        promotionCode: code?.code ?? null,
        promotionCodeId: code?.id ?? null,
      };
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}
