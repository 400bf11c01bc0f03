import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LockedPayments, type PaymentKeys, type PaymentRow, paymentMatches } from './transition.js';

// A webhook batch finds each event's payment among the payments it locked (applyPlans). LockedPayments
// does it through indexes; the rule is paymentMatches, the first match in lock order, on the rows as
// the batch's transitions left them. Any disagreement would apply an event to the wrong payment.

/** Ids from a small pool, so that keys collide, miss and move between payments. */
const id = (prefix: string) => fc.constantFrom(...[0, 1, 2, 3].map((n) => `${prefix}${n}`));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const rowFields = fc.record({ intent: maybe(id('pi_')), charge: maybe(id('ch_')) });

/** A pending payment; only its id and Stripe ids matter to the rule. */
const PENDING: PaymentRow = {
  id: 'pay_0',
  learnerId: 'learner',
  specialistId: 'specialist',
  offeringId: 'offering',
  enrollmentId: 'enrollment',
  stripePaymentIntentId: null,
  stripeChargeId: null,
  amount: 4900,
  amountReceived: 0,
  amountRefunded: 0,
  currency: 'usd',
  status: 'PENDING',
  stripeStatus: null,
  failureCode: null,
  declineCode: null,
  failureMessage: null,
  paymentMethodType: null,
  cardBrand: null,
  cardLast4: null,
  receiptUrl: null,
  succeededAt: null,
  failedAt: null,
  canceledAt: null,
  refundedAt: null,
  disputedAt: null,
  disputeStatus: null,
  amountLostToDisputes: 0,
  disputeLostAt: null,
  applicationFeeAmount: 0,
  webhookVerified: false,
  lastStripeEventId: null,
  lastStripeEventAt: null,
  discountAmount: 0,
  promotionCode: null,
  promotionCodeId: null,
  free: false,
};

function paymentRow(
  n: number,
  { intent, charge }: { intent: string | null; charge: string | null },
): PaymentRow {
  return { ...PENDING, id: `pay_${n}`, stripePaymentIntentId: intent, stripeChargeId: charge };
}

const keysArb: fc.Arbitrary<PaymentKeys> = fc.record({
  paymentIntentId: maybe(id('pi_')),
  chargeId: maybe(id('ch_')),
  metadataPaymentId: maybe(id('pay_')),
});

const step = fc.oneof(
  fc.record({ kind: fc.constant('find' as const), keys: keysArb }),
  fc.record({ kind: fc.constant('update' as const), n: fc.nat(5), fields: rowFields }),
);

describe('LockedPayments', () => {
  it('finds what paymentMatches finds (the first match in lock order), however the rows change', () => {
    fc.assert(
      fc.property(
        fc.array(rowFields, { maxLength: 6 }),
        fc.array(step, { maxLength: 30 }),
        (fields, steps) => {
          // Lock order is id order: pay_0, pay_1, ...
          const reference: PaymentRow[] = fields.map((f, n) => paymentRow(n, f));
          const locked = new LockedPayments(reference);
          for (const s of steps) {
            if (s.kind === 'find') {
              const expected = reference.find((p) => paymentMatches(p, s.keys));
              expect(locked.find(s.keys)).toBe(expected);
            } else if (s.n < reference.length) {
              const row = paymentRow(s.n, s.fields);
              reference[s.n] = row;
              locked.update(row);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a row it did not lock', () => {
    const locked = new LockedPayments([paymentRow(0, { intent: 'pi_0', charge: null })]);
    expect(() => locked.update(paymentRow(1, { intent: 'pi_1', charge: null }))).toThrow(/not locked/);
  });
});
