import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CatalogListInputSchema,
  ConfirmPaymentOutputSchema,
  ConnectDriftSchema,
  CreateOfferingInputSchema,
  CreatePaymentIntentInputSchema,
  CreatePromotionCodeInputSchema,
  CursorPageSchema,
  IdempotencyKeySchema,
  IdSchema,
  isHandledWebhookEventType,
  MetricsSummaryOutputSchema,
  normalizePromotionCode,
  OfferingSummarySchema,
  PaymentDetailsSchema,
  PaymentHistoryInputSchema,
  ProcedureContracts,
  paymentOutcomeKnown,
  ReconcileInputSchema,
  ReconcileReportSchema,
  RefundabilityOutputSchema,
  RefundPaymentInputSchema,
  SignInInputSchema,
  SpecialistPaymentsInputSchema,
  SpecialistStatsInputSchema,
  SpecialistStatsOutputSchema,
  StripePaymentIntentIdSchema,
  UpdateOfferingInputSchema,
  WebhookEventsInputSchema,
  WebhookEventTypes,
} from './index.js';

function issuesOf(schema: z.ZodType, value: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(value);
  return (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const NOW = '2025-03-01T10:00:00.000Z';

describe('ids and keys', () => {
  it('accepts cuid-like ids and explains bad ones', () => {
    expect(IdSchema.parse('cm7x1y2z30000abcd1234efgh')).toBe('cm7x1y2z30000abcd1234efgh');
    expect(issuesOf(IdSchema, '')).toEqual([{ path: '', message: 'id must not be empty' }]);
    expect(issuesOf(IdSchema, 'a'.repeat(65))).toEqual([
      { path: '', message: 'id must be at most 64 characters' },
    ]);
    expect(issuesOf(IdSchema, "1' OR 1=1")).toEqual([
      { path: '', message: 'id may contain only letters, digits, "_" and "-"' },
    ]);
  });

  it('checks Stripe id prefixes', () => {
    expect(StripePaymentIntentIdSchema.parse('pi_3Abc123')).toBe('pi_3Abc123');
    expect(issuesOf(StripePaymentIntentIdSchema, 'ch_3Abc123')).toEqual([
      { path: '', message: 'paymentIntentId must be a Stripe id starting with "pi_"' },
    ]);
  });

  it('takes 8–255 printable ASCII characters as an idempotency key', () => {
    expect(IdempotencyKeySchema.parse('3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b')).toHaveLength(36);
    expect(IdempotencyKeySchema.parse('with spaces ~!')).toBe('with spaces ~!');
    expect(issuesOf(IdempotencyKeySchema, 'short')[0]?.message).toBe(
      'idempotencyKey must be at least 8 characters (a UUID is a good choice)',
    );
    expect(issuesOf(IdempotencyKeySchema, 'x'.repeat(256))[0]?.message).toBe(
      'idempotencyKey must be at most 255 characters',
    );
    expect(issuesOf(IdempotencyKeySchema, 'käse-key-1')[0]?.message).toMatch(/only printable ASCII/);
    expect(issuesOf(IdempotencyKeySchema, 'tab\there!')[0]?.message).toMatch(/only printable ASCII/);
  });
});

describe('auth.signIn', () => {
  it('normalises the email and requires a password', () => {
    expect(SignInInputSchema.parse({ email: '  Learner@Demo.TEST ', password: 'enrollpay-demo' })).toEqual({
      email: 'learner@demo.test',
      password: 'enrollpay-demo',
    });
    expect(issuesOf(SignInInputSchema, { email: 'nope', password: '' })).toEqual([
      { path: 'email', message: 'email must be a valid email address, like name@example.com' },
      { path: 'password', message: 'password must not be empty' },
    ]);
  });
});

describe('payments.createIntent', () => {
  it('accepts an offering and a key, and nothing about the price', () => {
    expect(
      CreatePaymentIntentInputSchema.parse({ offeringId: 'off_1', idempotencyKey: 'key-12345' }),
    ).toEqual({
      offeringId: 'off_1',
      idempotencyKey: 'key-12345',
    });
    expect(
      issuesOf(CreatePaymentIntentInputSchema, {
        offeringId: 'off_1',
        idempotencyKey: 'key-12345',
        amount: 1,
      }),
    ).toEqual([{ path: '', message: 'payments.createIntent has unknown field(s): amount' }]);
  });

  it('says which fields are missing', () => {
    expect(issuesOf(CreatePaymentIntentInputSchema, {})).toEqual([
      { path: 'offeringId', message: 'offeringId is required' },
      { path: 'idempotencyKey', message: 'idempotencyKey is required' },
    ]);
    expect(issuesOf(CreatePaymentIntentInputSchema, undefined)).toEqual([
      { path: '', message: 'payments.createIntent input must be an object' },
    ]);
  });
});

describe('paymentOutcomeKnown (where payments.onStatus ends and a polling client stops)', () => {
  it.each([
    ['PENDING', false, false],
    ['PENDING', true, false],
    ['PROCESSING', true, false],
    ['REQUIRES_ACTION', false, false],
    ['SUCCEEDED', false, false],
    ['SUCCEEDED', true, true],
    ['FAILED', false, true],
    ['CANCELED', false, true],
    ['REFUNDED', true, true],
    ['DISPUTED', false, false],
  ] as const)('%s, webhookVerified %s → %s', (status, webhookVerified, known) => {
    expect(paymentOutcomeKnown({ status, webhookVerified })).toBe(known);
  });
});

describe('payments.refund', () => {
  it('treats a missing amount as a full refund and takes a partial one in minor units', () => {
    expect(RefundPaymentInputSchema.parse({ paymentId: 'p1', reason: 'REQUESTED_BY_CUSTOMER' })).toEqual({
      paymentId: 'p1',
      reason: 'REQUESTED_BY_CUSTOMER',
    });
    expect(
      RefundPaymentInputSchema.parse({ paymentId: 'p1', amount: 500, reason: 'OTHER', note: 'late' }).amount,
    ).toBe(500);
  });

  it('rejects fractional, zero and misspelled amounts instead of refunding everything', () => {
    expect(issuesOf(RefundPaymentInputSchema, { paymentId: 'p1', amount: 5.5, reason: 'OTHER' })).toEqual([
      { path: 'amount', message: 'amount must be a whole number of minor units (e.g. cents)' },
    ]);
    expect(issuesOf(RefundPaymentInputSchema, { paymentId: 'p1', amount: 0, reason: 'OTHER' })).toEqual([
      { path: 'amount', message: 'amount must be a positive whole number of minor units' },
    ]);
    expect(issuesOf(RefundPaymentInputSchema, { paymentId: 'p1', amout: 500, reason: 'OTHER' })).toEqual([
      { path: '', message: 'payments.refund has unknown field(s): amout' },
    ]);
    expect(issuesOf(RefundPaymentInputSchema, { paymentId: 'p1', reason: 'because' })).toEqual([
      {
        path: 'reason',
        message: 'reason must be one of REQUESTED_BY_CUSTOMER, DUPLICATE, FRAUDULENT, OTHER',
      },
    ]);
  });
});

describe('lists', () => {
  it('defaults limit to 20 and bounds it to 1–100', () => {
    expect(PaymentHistoryInputSchema.parse({})).toEqual({ limit: 20 });
    expect(CatalogListInputSchema.parse({ kind: 'COURSE', limit: 100 })).toEqual({
      kind: 'COURSE',
      limit: 100,
    });
    expect(issuesOf(PaymentHistoryInputSchema, { limit: 101 })).toEqual([
      { path: 'limit', message: 'limit must be at most 100' },
    ]);
    expect(issuesOf(SpecialistPaymentsInputSchema, { limit: 0, status: 'paid', cursor: '' })).toEqual([
      { path: 'cursor', message: 'cursor must not be empty (omit it to start from the first page)' },
      { path: 'limit', message: 'limit must be at least 1' },
      {
        path: 'status',
        message:
          'status must be one of PENDING, REQUIRES_ACTION, PROCESSING, SUCCEEDED, FAILED, CANCELED, PARTIALLY_REFUNDED, REFUNDED, DISPUTED',
      },
    ]);
    expect(WebhookEventsInputSchema.parse({ type: 'customer.created' })).toEqual({
      type: 'customer.created',
      limit: 20,
    });
  });

  it('builds cursor pages around any item schema', () => {
    const page = CursorPageSchema(OfferingSummarySchema);
    expect(page.parse({ items: [], nextCursor: null })).toEqual({ items: [], nextCursor: null });
    expect(issuesOf(page, { items: [{}] }).map((i) => i.path)).toContain('items.0.title');
  });
});

describe('offerings', () => {
  const base = {
    title: 'Intro to Rust',
    description: 'Ten lessons',
    kind: 'COURSE',
    amount: 4900,
    currency: 'usd',
  };

  it('defaults the refund window to 14 days', () => {
    expect(CreateOfferingInputSchema.parse(base).refundWindowDays).toBe(14);
    expect(CreateOfferingInputSchema.parse({ ...base, amount: 3000, currency: 'jpy' }).amount).toBe(3000);
  });

  it("enforces Stripe's minimum charge per currency and a non-empty title", () => {
    expect(issuesOf(CreateOfferingInputSchema, { ...base, title: '   ', amount: 49 })).toEqual([
      { path: 'title', message: 'title must not be empty' },
      { path: 'amount', message: "amount must be at least 50 minor units for usd (Stripe's minimum charge)" },
    ]);
    expect(issuesOf(CreateOfferingInputSchema, { ...base, refundWindowDays: 1.5 })).toEqual([
      { path: 'refundWindowDays', message: 'refundWindowDays must be a whole number of days' },
    ]);
  });

  it('needs something to change and a new amount with a new currency', () => {
    expect(UpdateOfferingInputSchema.parse({ offeringId: 'o1', active: false })).toEqual({
      offeringId: 'o1',
      active: false,
    });
    expect(issuesOf(UpdateOfferingInputSchema, { offeringId: 'o1' })).toEqual([
      { path: '', message: 'offerings.update needs at least one field to change' },
    ]);
    expect(issuesOf(UpdateOfferingInputSchema, { offeringId: 'o1', currency: 'jpy' })[0]?.path).toBe(
      'amount',
    );
  });
});

describe('stats.specialist', () => {
  const input = { from: '2025-01-01T00:00:00Z', to: '2025-04-01T00:00:00Z', granularity: 'week' };

  it('defaults the time zone to UTC and accepts IANA names', () => {
    expect(SpecialistStatsInputSchema.parse(input).timezone).toBe('UTC');
    expect(SpecialistStatsInputSchema.parse({ ...input, timezone: 'Asia/Tokyo' }).timezone).toBe(
      'Asia/Tokyo',
    );
  });

  it('rejects reversed, over-long and malformed ranges with field paths', () => {
    expect(issuesOf(SpecialistStatsInputSchema, { ...input, to: input.from })).toEqual([
      { path: 'to', message: 'to must be later than from' },
    ]);
    expect(issuesOf(SpecialistStatsInputSchema, { ...input, from: '2020-01-01T00:00:00Z' })).toEqual([
      { path: 'to', message: 'the range from–to must be at most 1098 days (about three years)' },
    ]);
    expect(
      issuesOf(SpecialistStatsInputSchema, { ...input, from: '01/01/2025', timezone: 'Mars/Olympus' }),
    ).toEqual([
      { path: 'from', message: 'from must be an ISO 8601 date-time string, e.g. 2025-01-31T12:00:00Z' },
      {
        path: 'timezone',
        message: 'timezone must be an IANA time zone name such as "UTC" or "Europe/Berlin"',
      },
    ]);
  });

  it('keeps currencies apart in the output and allows a negative net', () => {
    const output = {
      from: input.from,
      to: input.to,
      granularity: 'month',
      timezone: 'UTC',
      currencies: [
        {
          currency: 'usd',
          gross: 9800,
          refunded: 4900,
          net: 4900,
          platformFees: 980,
          netToSpecialist: 3920,
          succeededCount: 2,
          failedCount: 1,
          refundedCount: 1,
          disputedCount: 0,
          successRate: 2 / 3,
          refundRate: 0.5,
          averageTransactionValue: 4900,
          discountsGiven: 0,
          byOffering: [{ offeringId: 'o1', title: 'Intro', gross: 9800, net: 4900, count: 2 }],
          series: [{ bucketStart: '2025-02-01T00:00:00Z', gross: 0, refunded: 4900, net: -4900, count: 0 }],
        },
        {
          currency: 'jpy',
          gross: 3000,
          refunded: 0,
          net: 3000,
          platformFees: 0,
          netToSpecialist: 3000,
          succeededCount: 1,
          failedCount: 0,
          refundedCount: 0,
          disputedCount: 0,
          successRate: 1,
          refundRate: 0,
          averageTransactionValue: 3000,
          discountsGiven: 500,
          byOffering: [],
          series: [],
        },
      ],
    };
    expect(SpecialistStatsOutputSchema.parse(output).currencies.map((c) => c.currency)).toEqual([
      'usd',
      'jpy',
    ]);
  });
});

describe('admin', () => {
  it('takes exactly one of since or sinceHours for reconcile', () => {
    expect(ReconcileInputSchema.parse({ sinceHours: 24 })).toEqual({ sinceHours: 24 });
    expect(ReconcileInputSchema.parse({ since: NOW })).toEqual({ since: NOW });
    const message = 'give exactly one of since (an ISO date-time) or sinceHours';
    expect(issuesOf(ReconcileInputSchema, {})).toEqual([{ path: 'since', message }]);
    expect(issuesOf(ReconcileInputSchema, { since: NOW, sinceHours: 1 })).toEqual([
      { path: 'since', message },
    ]);
  });

  it('lists the thirteen webhook event types we handle', () => {
    expect(WebhookEventTypes).toHaveLength(22);
    expect(isHandledWebhookEventType('charge.dispute.closed')).toBe(true);
    expect(isHandledWebhookEventType('customer.created')).toBe(false);
  });

  it('describes a reconcile report and the metrics summary', () => {
    const report = {
      since: NOW,
      startedAt: NOW,
      finishedAt: NOW,
      checked: { paymentIntents: 3, refunds: 1, disputes: 0 },
      repaired: [
        {
          kind: 'PAYMENT',
          stripeId: 'pi_1',
          paymentId: 'p1',
          field: 'status',
          before: 'PENDING',
          after: 'SUCCEEDED',
        },
      ],
      errors: [],
      connect: {
        checked: { transfers: 2, applicationFees: 2, payouts: 1, accounts: 1 },
        drift: [
          {
            kind: 'PAYOUT',
            stripeId: 'po_1',
            paymentId: null,
            stripeAccountId: 'acct_1',
            field: 'status',
            before: 'PENDING',
            after: 'PAID',
            repaired: true,
          },
        ],
      },
    };
    expect(ReconcileReportSchema.parse(report)).toEqual(report);
    // A drift names its kind from the list.
    const drift = { ...report.connect.drift[0], kind: 'REFUND' };
    expect(ConnectDriftSchema.safeParse(drift).success).toBe(false);
    const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0]));
    const metrics = {
      generatedAt: NOW,
      paymentsByStatus: zeros(PaymentDetailsSchema.shape.status.options),
      webhookEventsByStatus: zeros(['RECEIVED', 'PROCESSED', 'FAILED', 'ORPHANED', 'IGNORED']),
      oldestUnprocessedEventAgeSeconds: null,
      outbox: { pending: 0, failed: 0 },
      queueDepth: 0,
      refunds: { pending: 0, failed: 0 },
      openDisputes: 0,
    };
    expect(MetricsSummaryOutputSchema.parse(metrics)).toEqual(metrics);
  });
});

describe('outputs are plain JSON', () => {
  const details = {
    id: 'p1',
    status: 'SUCCEEDED',
    amount: 4900,
    amountReceived: 4900,
    amountRefunded: 0,
    currency: 'usd',
    description: 'Intro to Rust',
    offering: { id: 'o1', title: 'Intro to Rust', kind: 'COURSE' },
    learner: { id: 'u1', name: 'Lea Learner' },
    specialist: { id: 'u2', name: 'Sam Specialist' },
    enrollment: { id: 'e1', status: 'ACTIVE' },
    stripePaymentIntentId: 'pi_123',
    paymentMethodType: 'card',
    cardBrand: 'visa',
    cardLast4: '4242',
    receiptUrl: 'https://pay.stripe.com/receipts/x',
    failureCode: null,
    declineCode: null,
    failureMessage: null,
    refunds: [],
    disputeStatus: null,
    webhookVerified: true,
    createdAt: NOW,
    updatedAt: NOW,
    succeededAt: NOW,
    failedAt: null,
    canceledAt: null,
    refundedAt: null,
    disputedAt: null,
    discountAmount: 980,
    promotionCode: 'LAUNCH20',
    free: false,
  };

  it('round-trips payment details through JSON unchanged', () => {
    expect(PaymentDetailsSchema.parse(JSON.parse(JSON.stringify(details)))).toEqual(details);
  });

  it('refuses Date objects, so a server cannot send something superjson-less clients cannot read', () => {
    expect(issuesOf(PaymentDetailsSchema, { ...details, createdAt: new Date(NOW) })).toEqual([
      {
        path: 'createdAt',
        message: 'createdAt must be an ISO 8601 date-time string, e.g. 2025-01-31T12:00:00Z',
      },
    ]);
  });

  it('describes refundability and confirm results', () => {
    expect(
      RefundabilityOutputSchema.parse({
        refundable: false,
        reason: 'WINDOW_PASSED',
        message: 'The 14-day refund window ended on 15 March 2025.',
        maxAmount: 0,
        currency: 'jpy',
        windowEndsAt: '2025-03-15T10:00:00Z',
      }).reason,
    ).toBe('WINDOW_PASSED');
    expect(
      ConfirmPaymentOutputSchema.parse({
        paymentId: 'p1',
        status: 'FAILED',
        failureMessage: 'Your card was declined.',
        enrollmentStatus: 'PENDING_PAYMENT',
      }).status,
    ).toBe('FAILED');
  });
});

describe('ProcedureContracts', () => {
  it('covers every procedure of the API with zod schemas', () => {
    expect(Object.keys(ProcedureContracts).sort()).toEqual(
      [
        'admin.connectedAccounts',
        'admin.metricsSummary',
        'admin.outbox',
        'admin.reconcile',
        'admin.webhookEvents',
        'auth.me',
        'auth.signIn',
        'catalog.get',
        'catalog.list',
        'disputes.get',
        'disputes.list',
        'disputes.saveEvidence',
        'offerings.archive',
        'offerings.create',
        'offerings.mine',
        'offerings.update',
        'payments.confirm',
        'payments.createIntent',
        'payments.forSpecialist',
        'payments.get',
        'payments.history',
        'payments.onStatus',
        'payments.refund',
        'payments.refundability',
        'payouts.account',
        'payouts.balance',
        'payouts.list',
        'payouts.onboardingLink',
        'payouts.payments',
        'promotionCodes.create',
        'promotionCodes.deactivate',
        'promotionCodes.list',
        'admin.setFeeOverride',
        'stats.platformFees',
        'stats.specialist',
        'system.config',
      ].sort(),
    );
  });
});

describe('procedures whose input fields are all optional', () => {
  it('accept no input at all, the way tRPC clients call them', () => {
    const allOptional = Object.entries(ProcedureContracts).filter(
      ([, c]) => c.input?.safeParse({}).success === true,
    );
    expect(allOptional.map(([path]) => path).sort()).toEqual([
      'admin.outbox',
      'admin.webhookEvents',
      'catalog.list',
      'disputes.list',
      'payments.forSpecialist',
      'payments.history',
      'payouts.list',
      'promotionCodes.list',
    ]);
    for (const [path, contract] of allOptional) {
      expect({ path, issues: issuesOf(contract.input as z.ZodType, undefined) }).toEqual({
        path,
        issues: [],
      });
      expect(contract.input?.parse(undefined)).toEqual(contract.input?.parse({}));
    }
  });
});

describe('promotion codes', () => {
  const valid = { code: 'LAUNCH20', kind: 'PERCENT', percentOff: 20 };
  it('normalises codes case-insensitively and defaults to every offering, unlimited, reusable', () => {
    expect(normalizePromotionCode('  launch-20 ')).toBe('LAUNCH-20');
    expect(CreatePromotionCodeInputSchema.parse({ ...valid, code: ' Launch20 ' })).toEqual({
      ...valid,
      code: 'Launch20',
      offeringIds: [],
      oncePerLearner: false,
    });
  });

  it.each([
    [{ ...valid, percentOff: undefined }, 'percentOff', 'percentOff is required for a PERCENT code'],
    [{ ...valid, percentOff: 0 }, 'percentOff', 'percentOff must be at least 1'],
    [{ ...valid, amountOff: 500 }, 'amountOff', 'amountOff is only for a FIXED code'],
    [
      { code: 'FIX', kind: 'FIXED', amountOff: 500 },
      'currency',
      'currency is required for a FIXED code (it applies only to offerings in that currency)',
    ],
    [{ code: 'FIX', kind: 'FIXED', currency: 'usd' }, 'amountOff', 'amountOff is required for a FIXED code'],
    [
      { ...valid, code: 'no spaces' },
      'code',
      'code may contain only letters, digits, "-" and "_" (e.g. LAUNCH20)',
    ],
    [{ ...valid, offeringIds: ['o1', 'o1'] }, 'offeringIds', 'offeringIds must not repeat an offering'],
    [
      { ...valid, startsAt: '2027-01-01T00:00:00Z', endsAt: '2027-01-01T00:00:00Z' },
      'endsAt',
      'endsAt must be after startsAt',
    ],
  ])('refuses %o naming %s', (input, path, message) => {
    expect(issuesOf(CreatePromotionCodeInputSchema, input)).toContainEqual({ path, message });
  });

  it('payments.createIntent takes an optional promotionCode with a clear message', () => {
    const base = { offeringId: 'o1', idempotencyKey: 'key-00000001' };
    expect(CreatePaymentIntentInputSchema.parse(base)).toEqual(base);
    expect(issuesOf(CreatePaymentIntentInputSchema, { ...base, promotionCode: 'x' })).toEqual([
      { path: 'promotionCode', message: 'promotionCode must be at least 3 characters' },
    ]);
  });
});
