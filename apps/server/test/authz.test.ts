import { randomUUID } from 'node:crypto';
import type { DemoAccountKey } from '@enrollpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/trpc/router.js';
import { type Client, eventually, startTestStack, type TestStack } from './harness.js';
import { codeOf, newOffering, pay } from './pay.js';

/**
 * The authorization matrix: every role × every procedure, against data owned by `learner` (buyer) and
 * `specialist` (seller). For learner2 and specialist2 the same data is someone else's. OK means the call
 * succeeded; anything else is the tRPC error code the caller sees.
 */
type Role = 'anonymous' | DemoAccountKey;
const ROLES: Role[] = ['anonymous', 'learner', 'learner2', 'specialist', 'specialist2', 'admin'];

interface Fixture {
  offeringId: string;
  archiveOfferingId: string;
  buyOfferingId: string;
  paymentId: string;
  /** Refunds really happen, so each role that may refund gets its own payment of `learner`'s. */
  refundPayment: Record<Role, string>;
  specialistId: string;
  /** Our id of the dispute on a payment of `learner` to `specialist`. */
  disputeId: string;
  /** A promotion code of `specialist`'s. */
  promotionCodeId: string;
}

type Expect = 'OK' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';
//                         anonymous        learner  learner2     specialist   specialist2  admin
type Row = [
  string,
  (c: Client, f: Fixture, role: Role) => Promise<unknown>,
  [Expect, Expect, Expect, Expect, Expect, Expect],
];

const U = 'UNAUTHORIZED';
const F = 'FORBIDDEN';
const N = 'NOT_FOUND';
const range = { from: '2026-01-01T00:00:00Z', to: '2027-06-01T00:00:00Z', granularity: 'month' as const };

const MATRIX: Row[] = [
  ['system.config', (c) => c.system.config.query(), ['OK', 'OK', 'OK', 'OK', 'OK', 'OK']],
  [
    'auth.signIn',
    (c) => c.auth.signIn.mutate({ email: 'learner@demo.test', password: 'enrollpay-demo' }),
    ['OK', 'OK', 'OK', 'OK', 'OK', 'OK'],
  ],
  ['auth.me', (c) => c.auth.me.query(), [U, 'OK', 'OK', 'OK', 'OK', 'OK']],
  ['catalog.list', (c) => c.catalog.list.query({}), ['OK', 'OK', 'OK', 'OK', 'OK', 'OK']],
  [
    'catalog.get',
    (c, f) => c.catalog.get.query({ offeringId: f.offeringId }),
    ['OK', 'OK', 'OK', 'OK', 'OK', 'OK'],
  ],
  [
    'offerings.create',
    (c) =>
      c.offerings.create.mutate({
        title: 'Matrix',
        description: '',
        kind: 'SERVICE',
        amount: 500,
        currency: 'jpy',
      }),
    [U, F, F, 'OK', 'OK', F],
  ],
  [
    'offerings.update',
    (c, f) => c.offerings.update.mutate({ offeringId: f.offeringId, description: 'updated by the matrix' }),
    [U, F, F, 'OK', N, F],
  ],
  [
    'offerings.archive',
    (c, f) => c.offerings.archive.mutate({ offeringId: f.archiveOfferingId }),
    [U, F, F, 'OK', N, F],
  ],
  ['offerings.mine', (c) => c.offerings.mine.query(), [U, F, F, 'OK', 'OK', F]],
  [
    'payments.createIntent',
    (c, f) => c.payments.createIntent.mutate({ offeringId: f.buyOfferingId, idempotencyKey: randomUUID() }),
    [U, 'OK', 'OK', F, F, F],
  ],
  [
    'payments.confirm',
    (c, f) => c.payments.confirm.mutate({ paymentId: f.paymentId }),
    [U, 'OK', N, F, F, F],
  ],
  ['payments.get', (c, f) => c.payments.get.query({ paymentId: f.paymentId }), [U, 'OK', N, 'OK', N, 'OK']],
  [
    'payments.onStatus',
    // Over Server-Sent Events: the first event (the payment as it stands) or the refusal.
    (c, f) =>
      new Promise((resolve, reject) => {
        const subscription = c.payments.onStatus.subscribe(
          { paymentId: f.paymentId },
          {
            onData: (event) => {
              subscription.unsubscribe();
              resolve(event);
            },
            onError: reject,
          },
        );
      }),
    [U, 'OK', N, F, F, F],
  ],
  ['payments.history', (c) => c.payments.history.query({}), [U, 'OK', 'OK', F, F, F]],
  ['payments.forSpecialist', (c) => c.payments.forSpecialist.query({}), [U, F, F, 'OK', 'OK', F]],
  [
    'payments.refundability',
    (c, f) => c.payments.refundability.query({ paymentId: f.paymentId }),
    [U, 'OK', N, 'OK', N, 'OK'],
  ],
  [
    'payments.refund',
    (c, f, role) =>
      c.payments.refund.mutate({ paymentId: f.refundPayment[role], reason: 'REQUESTED_BY_CUSTOMER' }),
    [U, 'OK', N, 'OK', N, 'OK'],
  ],
  [
    'stats.specialist',
    (c, f) => c.stats.specialist.query({ ...range, specialistId: f.specialistId }),
    [U, F, F, 'OK', 'OK', 'OK'],
  ],
  [
    'stats.specialist (one offering)',
    (c, f) => c.stats.specialist.query({ ...range, specialistId: f.specialistId, offeringId: f.offeringId }),
    [U, F, F, 'OK', N, 'OK'],
  ],
  [
    'stats.platformFees',
    (c) => c.stats.platformFees.query({ from: range.from, to: range.to, granularity: 'month' }),
    [U, F, F, F, F, 'OK'],
  ],
  ['disputes.list', (c) => c.disputes.list.query({}), [U, F, F, 'OK', 'OK', 'OK']],
  ['disputes.get', (c, f) => c.disputes.get.query({ disputeId: f.disputeId }), [U, F, F, 'OK', N, 'OK']],
  [
    'disputes.saveEvidence',
    (c, f, role) =>
      c.disputes.saveEvidence.mutate({
        disputeId: f.disputeId,
        evidence: { uncategorized_text: `draft by ${role}` },
      }),
    [U, F, F, 'OK', N, 'OK'],
  ],
  ['admin.webhookEvents', (c) => c.admin.webhookEvents.query({}), [U, F, F, F, F, 'OK']],
  ['admin.outbox', (c) => c.admin.outbox.query({}), [U, F, F, F, F, 'OK']],
  ['admin.metricsSummary', (c) => c.admin.metricsSummary.query(), [U, F, F, F, F, 'OK']],
  ['admin.reconcile', (c) => c.admin.reconcile.mutate({ sinceHours: 1 }), [U, F, F, F, F, 'OK']],
  // Stripe Connect: each specialist has their own account, balance and payouts.
  ['payouts.onboardingLink', (c) => c.payouts.onboardingLink.mutate(), [U, F, F, 'OK', 'OK', F]],
  ['payouts.account', (c) => c.payouts.account.query(), [U, F, F, 'OK', 'OK', F]],
  ['payouts.balance', (c) => c.payouts.balance.query(), [U, F, F, 'OK', 'OK', F]],
  ['payouts.list', (c) => c.payouts.list.query({}), [U, F, F, 'OK', 'OK', F]],
  [
    'payouts.payments',
    (c) => c.payouts.payments.query({ payoutId: 'cm0000000000000000000none' }),
    [U, F, F, N, N, F],
  ],
  ['admin.connectedAccounts', (c) => c.admin.connectedAccounts.query(), [U, F, F, F, F, 'OK']],
  // Promotion codes: specialists make their own; specialists and admins list and deactivate (their own /
  // all).
  [
    'promotionCodes.create',
    (c, _f, role) =>
      c.promotionCodes.create.mutate({ code: `AUTHZ-${role}`, kind: 'PERCENT', percentOff: 10 }),
    [U, F, F, 'OK', 'OK', F],
  ],
  ['promotionCodes.list', (c) => c.promotionCodes.list.query({}), [U, F, F, 'OK', 'OK', 'OK']],
  [
    'promotionCodes.deactivate',
    (c, f) => c.promotionCodes.deactivate.mutate({ promotionCodeId: f.promotionCodeId }),
    [U, F, F, 'OK', N, 'OK'],
  ],
  [
    'admin.setFeeOverride',
    (c, f) => c.admin.setFeeOverride.mutate({ userId: f.specialistId, feeBps: null }),
    [U, F, F, F, F, 'OK'],
  ],
];

let stack: TestStack;
let fixture: Fixture;
const clients = {} as Record<Role, Client>;

beforeAll(async () => {
  stack = await startTestStack();
  const specialist = stack.users.specialist;
  const offering = await newOffering(stack, specialist, { amount: 5000, currency: 'usd' });
  const archive = await newOffering(stack, specialist);
  const buy = await newOffering(stack, specialist, { amount: 800, currency: 'jpy' });
  const refundOfferings = await Promise.all(
    [0, 1, 2].map(() => newOffering(stack, specialist, { amount: 1000 })),
  );
  const paymentId = await pay(stack, stack.users.learner, offering.id);
  const disputedOffering = await newOffering(stack, specialist, { amount: 2000 });
  const disputedPaymentId = await pay(
    stack,
    stack.users.learner,
    disputedOffering.id,
    'pm_card_createDispute',
  );
  const dispute = await eventually(() =>
    stack.db.dispute.findFirst({ where: { paymentId: disputedPaymentId } }),
  );
  const promotionCode = await stack
    .clientFor(specialist)
    .promotionCodes.create.mutate({ code: 'AUTHZ-FIXTURE', kind: 'PERCENT', percentOff: 15 });
  const [forLearner, forSpecialist, forAdmin] = await Promise.all(
    refundOfferings.map((o) => pay(stack, stack.users.learner, o.id)),
  );
  fixture = {
    offeringId: offering.id,
    archiveOfferingId: archive.id,
    buyOfferingId: buy.id,
    paymentId,
    refundPayment: {
      anonymous: forLearner!,
      learner: forLearner!,
      learner2: forLearner!,
      specialist: forSpecialist!,
      specialist2: forSpecialist!,
      admin: forAdmin!,
    },
    specialistId: specialist.id,
    disputeId: dispute.id,
    promotionCodeId: promotionCode.id,
  };
  for (const role of ROLES) clients[role] = stack.clientFor(role === 'anonymous' ? null : stack.users[role]);
});
afterAll(async () => {
  await stack?.close();
});

describe('authorization matrix', () => {
  it('has a row for every procedure of the app router', () => {
    const covered = new Set(MATRIX.map(([name]) => name.split(' ')[0]));
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.length).toBeGreaterThan(15);
    expect(procedures.filter((p) => !covered.has(p))).toEqual([]);
  });

  for (const [name, call, expected] of MATRIX) {
    it(name, async () => {
      const actual: Record<string, string> = {};
      for (const role of ROLES) actual[role] = await codeOf(call(clients[role], fixture, role));
      expect(actual).toEqual(Object.fromEntries(ROLES.map((role, i) => [role, expected[i]])));
    });
  }

  it('nothing that was refused changed data', async () => {
    const offering = await stack.db.offering.findUniqueOrThrow({ where: { id: fixture.offeringId } });
    expect(offering.description).toBe('updated by the matrix');
    // One refund per role that may refund; the refused roles wrote no rows.
    const refunds = await stack.db.refund.findMany({
      where: { paymentId: { in: Object.values(fixture.refundPayment) } },
      select: { requestedById: true },
    });
    expect(refunds.map((r) => r.requestedById).sort()).toEqual(
      [stack.users.learner.id, stack.users.specialist.id, stack.users.admin.id].sort(),
    );
    const created = await stack.db.offering.findMany({
      where: { title: 'Matrix' },
      select: { specialistId: true },
    });
    expect(created.map((o) => o.specialistId).sort()).toEqual(
      [stack.users.specialist.id, stack.users.specialist2.id].sort(),
    );
    // Evidence drafts: the specialist's and the admin's reached Stripe; the refused roles' did not.
    const evidenceAudits = await stack.db.auditLog.findMany({
      where: { action: 'dispute.evidence_saved' },
      select: { actorId: true },
    });
    expect(evidenceAudits.map((a) => a.actorId).sort()).toEqual(
      [stack.users.specialist.id, stack.users.admin.id].sort(),
    );
  });
});
