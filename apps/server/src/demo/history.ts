import { CreatePromotionCodeInputSchema, isHandledWebhookEventType } from '@enrollpay/schemas';
import Stripe from 'stripe';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { confirmPayment, createPaymentIntent } from '../payments/intents.js';
import { refundPayment } from '../payments/refunds.js';
import { createOnboardingLink } from '../payouts/service.js';
import { createPromotionCode } from '../promotions/service.js';
import { processWebhookEvent } from '../webhooks/apply-event.js';
import { recordEvent } from '../webhooks/store.js';
import type { DemoHistoryPlan, PlannedAttempt, PlannedCheckout, PlannedRefund, Weekday } from './plan.js';

/**
 * Acts out a demo history plan (plan.ts) through the real payment code: `payments.createIntent`, the
 * card confirmed at Stripe as Stripe.js would, every Stripe event stored and applied by the webhook
 * pipeline, `payments.confirm`, `payments.refund`. Only time is special: before each step the
 * emulator's clock and ours are set to that moment, so objects, events and our rows carry past dates.
 * Our rows and the rollup are therefore what the live system would have written, and agree with
 * Stripe's objects by construction.
 */

/** The emulator's test-mode time travel and the parts of Stripe no API call of ours plays (see ./seed.ts). */
export interface DemoTimeMachine {
  /**
   * Sets the emulator's clock and the app's clock to `at`; whatever fell due on the way happens, in
   * order: a dispute opening, every 00:00 UTC payout run (payouts created, arrived, paid).
   */
  moveTo(at: Date): void;
  /** Stripe events created since the last call, oldest first, as a webhook would carry them. */
  takeEvents(): Stripe.Event[];
  /** The specialist presses "Complete onboarding" on Stripe's hosted onboarding page. */
  completeOnboarding(stripeAccountId: string): void;
  /** The bank returns a payout (`payout.failed`; Stripe pauses payouts until a new bank account). */
  failPayout(payoutId: string, failureCode: string): void;
}

export interface DemoHistorySummary {
  checkouts: number;
  succeeded: number;
  declined: number;
  refunds: number;
  disputes: number;
  /** Payouts to the onboarded specialist's bank, and how many of them the bank returned. */
  payouts: number;
  failedPayouts: number;
  events: number;
  currencies: string[];
}

type Step =
  | { at: Date; kind: 'attempt'; checkout: PlannedCheckout; attempt: PlannedAttempt }
  | { at: Date; kind: 'refund'; checkout: PlannedCheckout; refund: PlannedRefund }
  | { at: Date; kind: 'onboard'; email: string; weeklyAnchor: Weekday }
  | { at: Date; kind: 'leave-onboarding'; email: string }
  | { at: Date; kind: 'bank-returns-payouts'; email: string }
  | { at: Date; kind: 'new-bank-account'; email: string };

export async function actOutDemoHistory(
  deps: AppDeps,
  time: DemoTimeMachine,
  plan: DemoHistoryPlan,
): Promise<DemoHistorySummary> {
  const { db } = deps;
  time.moveTo(plan.start);

  // The history's learners: no password, so nobody signs in as them.
  await db.user.createMany({
    data: plan.learners.map((l) => ({ email: l.email, name: l.name, role: 'LEARNER' as const })),
    skipDuplicates: true,
  });
  const users = await db.user.findMany({ select: { id: true, email: true, role: true } });
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const offerings = await db.offering.findMany({ select: { id: true, title: true, specialistId: true } });
  const offeringByTitle = new Map(offerings.map((o) => [o.title, o]));
  const principalOf = (email: string): Principal => {
    const user = userByEmail.get(email);
    if (!user) throw new Error(`demo history: no user ${email}`);
    return { userId: user.id, role: user.role };
  };

  // The specialists' promotion codes, made through the real service (and its input schema) at the start.
  for (const planned of plan.promotionCodes) {
    const { specialistEmail, offeringTitles, ...fields } = planned;
    const offeringIds = offeringTitles.map((title) => {
      const offering = offeringByTitle.get(title);
      if (!offering) throw new Error(`demo history: no offering "${title}"`);
      return offering.id;
    });
    await createPromotionCode(
      deps,
      principalOf(specialistEmail),
      CreatePromotionCodeInputSchema.parse({ ...fields, offeringIds }),
    );
  }

  const steps: Step[] = [];
  for (const checkout of plan.checkouts) {
    for (const attempt of checkout.attempts)
      steps.push({ at: attempt.at, kind: 'attempt', checkout, attempt });
    if (checkout.refund)
      steps.push({ at: checkout.refund.at, kind: 'refund', checkout, refund: checkout.refund });
  }
  const { connect } = plan;
  steps.push({
    at: connect.onboarded.at,
    kind: 'onboard',
    email: connect.onboarded.email,
    weeklyAnchor: connect.onboarded.weeklyAnchor,
  });
  steps.push({ at: connect.incomplete.at, kind: 'leave-onboarding', email: connect.incomplete.email });
  if (connect.failedPayouts) {
    const { email } = connect.onboarded;
    steps.push({ at: connect.failedPayouts.at, kind: 'bank-returns-payouts', email });
    steps.push({ at: connect.failedPayouts.newBankAccountAt, kind: 'new-bank-account', email });
  }
  // Stable: a Connect step at the same moment as a checkout keeps its place after it.
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());

  const summary: DemoHistorySummary = {
    checkouts: plan.checkouts.length,
    succeeded: 0,
    declined: 0,
    refunds: 0,
    disputes: 0,
    payouts: 0,
    failedPayouts: 0,
    events: 0,
    currencies: [],
  };
  const paymentOf = new Map<PlannedCheckout, string>();

  /** What the webhook route does with each delivery: store it, then apply it. */
  const deliverEvents = async () => {
    for (const event of time.takeEvents()) {
      summary.events++;
      const handled = isHandledWebhookEventType(event.type);
      await recordEvent(deps, event, JSON.stringify(event), handled ? 'RECEIVED' : 'IGNORED');
      if (!handled) continue;
      if (event.type === 'charge.dispute.created') summary.disputes++;
      const outcome = await processWebhookEvent(deps, event.id, { scheduleRetry: false });
      if (outcome !== 'processed' && outcome !== 'unchanged') {
        const row = await db.webhookEvent.findUnique({
          where: { id: event.id },
          select: { lastError: true },
        });
        throw new Error(`demo history: ${event.type} ${event.id} was ${outcome}: ${row?.lastError ?? ''}`);
      }
    }
  };

  /** The specialist's Express account, as `payouts.onboardingLink` created it. */
  const accountOf = async (email: string) => {
    const row = await db.connectedAccount.findUniqueOrThrow({
      where: { userId: principalOf(email).userId },
      select: { stripeAccountId: true },
    });
    return row.stripeAccountId;
  };

  for (const step of steps) {
    time.moveTo(step.at);
    await deliverEvents(); // what fell due on the way (a dispute opening, payout runs)
    if (step.kind === 'onboard' || step.kind === 'leave-onboarding') {
      // The specialist clicks "Start onboarding" on the Get paid page: the Express account and its link.
      await createOnboardingLink(deps, principalOf(step.email));
      const stripeAccount = await accountOf(step.email);
      if (step.kind === 'onboard') {
        time.completeOnboarding(stripeAccount);
        // Weekly payouts, chosen on the Express dashboard (Stripe's side, not our API).
        await deps.stripe.accounts.update(
          stripeAccount,
          { settings: { payouts: { schedule: { interval: 'weekly', weekly_anchor: step.weeklyAnchor } } } },
          { idempotencyKey: `demo-payout-schedule:${stripeAccount}` },
        );
      }
      await deliverEvents();
      continue;
    }
    if (step.kind === 'bank-returns-payouts') {
      const stripeAccount = await accountOf(step.email);
      const pending = await deps.stripe.payouts.list({ status: 'pending', limit: 10 }, { stripeAccount });
      for (const payout of pending.data) time.failPayout(payout.id, 'account_closed');
      await deliverEvents();
      continue;
    }
    if (step.kind === 'new-bank-account') {
      // The specialist adds a new bank account on the Express dashboard; payouts resume.
      const stripeAccount = await accountOf(step.email);
      await deps.stripe.accounts.update(
        stripeAccount,
        { external_account: 'btok_us_verified' },
        { idempotencyKey: `demo-new-bank-account:${stripeAccount}` },
      );
      await deliverEvents();
      continue;
    }
    const learner = principalOf(step.checkout.learnerEmail);
    if (step.kind === 'attempt') {
      const offering = offeringByTitle.get(step.checkout.offeringTitle);
      if (!offering) throw new Error(`demo history: no offering "${step.checkout.offeringTitle}"`);
      // The learner opens checkout (a retry after a decline reuses the same payment and PaymentIntent).
      const intent = await createPaymentIntent(
        deps,
        learner,
        {
          offeringId: offering.id,
          idempotencyKey: `demo-history:${learner.userId}:${offering.id}:${step.at.getTime()}`,
          ...(step.checkout.promotionCode ? { promotionCode: step.checkout.promotionCode } : {}),
        },
        null,
      );
      paymentOf.set(step.checkout, intent.paymentId);
      const { stripePaymentIntentId: paymentIntentId } = await db.payment.findUniqueOrThrow({
        where: { id: intent.paymentId },
        select: { stripePaymentIntentId: true },
      });
      if (!paymentIntentId) throw new Error(`demo history: payment ${intent.paymentId} has no PaymentIntent`);
      // Stripe.js confirms the card at Stripe; a decline is Stripe's 402.
      const declined = await deps.stripe.paymentIntents
        .confirm(paymentIntentId, { payment_method: step.attempt.card })
        .then(
          () => false,
          (error: unknown) => {
            if (isCardError(error)) return true;
            throw error;
          },
        );
      await deliverEvents();
      // The web app then asks our server where the payment stands.
      const confirmed = await confirmPayment(deps, learner, intent.paymentId);
      if (declined) summary.declined++;
      else if (confirmed.status === 'SUCCEEDED') {
        summary.succeeded++;
        if (!summary.currencies.includes(intent.currency)) summary.currencies.push(intent.currency);
      }
    } else {
      const paymentId = paymentOf.get(step.checkout);
      if (!paymentId) throw new Error('demo history: a refund before its payment');
      // A full refund is the learner's own (within the refund window); a partial one is the specialist's.
      const actor =
        step.refund.amount === 'full'
          ? learner
          : principalOf(
              users.find((u) => u.id === offeringByTitle.get(step.checkout.offeringTitle)?.specialistId)
                ?.email ?? '',
            );
      await refundPayment(deps, actor, {
        paymentId,
        reason: step.refund.reason,
        ...(step.refund.amount === 'full' ? {} : { amount: step.refund.amount }),
      });
      await deliverEvents();
      summary.refunds++;
    }
  }
  time.moveTo(plan.end);
  await deliverEvents();
  summary.currencies.sort();
  summary.payouts = await db.payout.count();
  summary.failedPayouts = await db.payout.count({ where: { status: 'FAILED' } });
  return summary;
}

function isCardError(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeCardError;
}
