import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../src/trpc/router.js';
import { eventually, type TestStack, type TestUser } from './harness.js';

/** A new learner with an email of its own (`label-xxxxxxxx@demo.test`) and a session token. */
export async function newLearner(stack: TestStack, label: string): Promise<TestUser> {
  const email = `${label}-${randomUUID().slice(0, 8)}@demo.test`;
  const user = await stack.db.user.create({ data: { email, name: `Learner ${email}`, role: 'LEARNER' } });
  const { token } = await stack.deps.tokens.issue({ userId: user.id, role: 'LEARNER' });
  return { id: user.id, email, role: 'LEARNER', token };
}

/** Buys `offeringId` as `learner` through the real API and the emulator; returns the payment id. */
export async function pay(
  stack: TestStack,
  learner: TestUser,
  offeringId: string,
  paymentMethod = 'pm_card_visa',
): Promise<string> {
  const client = stack.clientFor(learner);
  const { paymentId, clientSecret } = await client.payments.createIntent.mutate({
    offeringId,
    idempotencyKey: randomUUID(),
  });
  const intentId = (clientSecret ?? '').split('_secret_')[0]!;
  await stack.deps.stripe.paymentIntents
    .confirm(intentId, { payment_method: paymentMethod })
    .catch(() => undefined);
  await client.payments.confirm.mutate({ paymentId });
  return paymentId;
}

/** The tRPC error code a call ends with, or 'OK'. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCClientError) return String(error.data?.code);
    throw error;
  }
}

/** The error a call throws (fails the test when it succeeds). */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A new offering of `specialist` (so a test can buy it without colliding with other tests). */
export async function newOffering(
  stack: TestStack,
  specialist: TestUser,
  fields: {
    amount?: number;
    currency?: 'usd' | 'jpy' | 'eur' | 'gbp';
    refundWindowDays?: number;
    title?: string;
  } = {},
) {
  return stack.clientFor(specialist).offerings.create.mutate({
    title: fields.title ?? `Offering ${randomUUID().slice(0, 8)}`,
    description: 'made by a test',
    kind: 'COURSE',
    amount: fields.amount ?? 5000,
    currency: fields.currency ?? 'usd',
    refundWindowDays: fields.refundWindowDays ?? 14,
  });
}

/** Posts `event` to the app's webhook endpoint, signed with its secret, as Stripe would. */
export function deliverSigned(stack: TestStack, event: Record<string, unknown>) {
  const payload = JSON.stringify(event);
  const secret = stack.deps.env.STRIPE_WEBHOOK_SECRET[0] ?? '';
  return stack.app.inject({
    method: 'POST',
    url: '/api/webhooks/stripe',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': stack.deps.stripe.webhooks.generateTestHeaderString({ payload, secret }),
    },
    payload,
  });
}

/**
 * Onboards `specialist` on Stripe Connect: `payouts.onboardingLink` through the API, then the emulator's
 * "Complete onboarding" button (optionally with a test bank account number); waits for `account.updated`
 * on the Connect endpoint (the stack needs `connect: true`). Returns the Express account's id.
 */
export async function onboard(
  stack: TestStack,
  specialist: TestUser,
  bankAccountNumber?: string,
): Promise<string> {
  const client = stack.clientFor(specialist);
  await client.payouts.onboardingLink.mutate();
  const { stripeAccountId } = await client.payouts.account.query();
  if (!stripeAccountId) throw new Error('no account after onboardingLink');
  stack.emulator.controls.completeOnboarding(stripeAccountId, bankAccountNumber);
  await eventually(async () => (await client.payouts.account.query()).status === 'ACTIVE');
  return stripeAccountId;
}
