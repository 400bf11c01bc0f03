import { describe, expect, it } from 'vitest';
import { decideRefund, type RefundFacts } from './refund-rules.js';

const now = new Date('2025-03-15T12:00:00Z');
const base: RefundFacts = {
  status: 'SUCCEEDED',
  amountReceived: 5000,
  currency: 'usd',
  succeededAt: new Date('2025-03-10T12:00:00Z'),
  disputedAt: null,
  disputeStatus: null,
  refundWindowDays: 14,
  reserved: 0,
};

describe('decideRefund', () => {
  const cases: [string, 'LEARNER' | 'SPECIALIST' | 'ADMIN', Partial<RefundFacts>, string | null, number][] = [
    ['learner, inside the window', 'LEARNER', {}, null, 5000],
    [
      'learner, on the last moment of the window',
      'LEARNER',
      { succeededAt: new Date('2025-03-01T12:00:00Z') },
      null,
      5000,
    ],
    [
      'learner, a millisecond late',
      'LEARNER',
      { succeededAt: new Date('2025-03-01T11:59:59.999Z') },
      'WINDOW_PASSED',
      0,
    ],
    ['learner, no self-service window', 'LEARNER', { refundWindowDays: 0 }, 'NOT_ALLOWED', 0],
    [
      'learner, partly refunded already',
      'LEARNER',
      { reserved: 1000, status: 'PARTIALLY_REFUNDED' },
      'ALREADY_REFUNDED',
      0,
    ],
    [
      'learner, a dispute was ever opened',
      'LEARNER',
      { disputedAt: now, disputeStatus: 'won' },
      'DISPUTED',
      0,
    ],
    ['learner, not succeeded', 'LEARNER', { status: 'FAILED', succeededAt: null }, 'NOT_SUCCEEDED', 0],
    [
      'specialist, after the window',
      'SPECIALIST',
      { succeededAt: new Date('2024-01-01T00:00:00Z') },
      null,
      5000,
    ],
    [
      'specialist, the rest of a partial refund',
      'SPECIALIST',
      { reserved: 1500, status: 'PARTIALLY_REFUNDED' },
      null,
      3500,
    ],
    ['admin, fully refunded', 'ADMIN', { reserved: 5000, status: 'REFUNDED' }, 'ALREADY_REFUNDED', 0],
    [
      'admin, open dispute',
      'ADMIN',
      { status: 'DISPUTED', disputedAt: now, disputeStatus: 'needs_response' },
      'DISPUTED',
      0,
    ],
    ['admin, dispute won', 'ADMIN', { disputedAt: now, disputeStatus: 'won' }, null, 5000],
    [
      'specialist, pending payment',
      'SPECIALIST',
      { status: 'PROCESSING', succeededAt: null },
      'NOT_SUCCEEDED',
      0,
    ],
  ];
  for (const [name, role, facts, reason, max] of cases) {
    it(name, () => {
      const d = decideRefund(role, { ...base, ...facts }, now);
      expect({ reason: d.reason, maxAmount: d.maxAmount, refundable: d.refundable }).toEqual({
        reason,
        maxAmount: max,
        refundable: reason === null,
      });
      expect(d.fullOnly).toBe(role === 'LEARNER');
      // Only learners have a window, and only once the payment succeeded.
      const succeededAt = 'succeededAt' in facts ? facts.succeededAt : base.succeededAt;
      expect(d.windowEndsAt !== null).toBe(role === 'LEARNER' && succeededAt !== null);
    });
  }
});
