import { DEMO_OFFERINGS } from '@enrollpay/db';
import { describe, expect, it } from 'vitest';
import { planDemoHistory } from './plan.js';

const DAY = 86_400_000;

describe('planDemoHistory', () => {
  const cases = [7, 30, 90, 180].flatMap((days) =>
    ['2026-11-30T15:20:00Z', '2026-03-01T00:30:00Z', '2027-01-01T23:59:00Z'].map((now) => ({ days, now })),
  );

  it.each(cases)(
    '$days days before $now: inside the period, one purchase per learner and offering, one dispute',
    ({ days, now }) => {
      const end = new Date(now);
      const plan = planDemoHistory({ now: end, days });
      const start = end.getTime() - days * DAY;
      const active = new Set(DEMO_OFFERINGS.filter((o) => o.active !== false).map((o) => o.title));
      const pairs = new Set<string>();
      for (const c of plan.checkouts) {
        expect(active.has(c.offeringTitle)).toBe(true);
        const pair = `${c.learnerEmail}|${c.offeringTitle}`;
        expect(pairs.has(pair)).toBe(false);
        pairs.add(pair);
        expect(c.attempts.length).toBeGreaterThan(0);
        let previous = start;
        for (const a of c.attempts) {
          expect(a.at.getTime()).toBeGreaterThanOrEqual(previous);
          expect(a.at.getTime()).toBeLessThan(end.getTime());
          previous = a.at.getTime();
        }
        if (c.refund) {
          const paidAt = c.attempts.at(-1)?.at.getTime() ?? 0;
          expect(c.refund.at.getTime()).toBeGreaterThan(paidAt);
          expect(c.refund.at.getTime()).toBeLessThan(end.getTime());
          // Learners' own refunds fall inside the offering's refund window.
          const window = DEMO_OFFERINGS.find((o) => o.title === c.offeringTitle)?.refundWindowDays ?? 0;
          if (c.refund.amount === 'full')
            expect(c.refund.at.getTime() - paidAt).toBeLessThanOrEqual(window * DAY);
        }
      }
      const disputed = plan.checkouts.filter((c) =>
        c.attempts.some((a) => a.card === 'pm_card_createDispute'),
      );
      expect(disputed).toHaveLength(1);
      // The demo logins never keep a declined payment waiting.
      for (const c of plan.checkouts.filter((c) => c.learnerEmail.startsWith('learner'))) {
        expect(c.attempts.at(-1)?.card).toMatch(/^pm_card_(visa|mastercard)$/);
      }
    },
  );

  it('is the same story every time for the same moment', () => {
    const now = new Date('2026-11-30T15:20:00Z');
    expect(planDemoHistory({ now })).toEqual(planDemoHistory({ now }));
    const plan = planDemoHistory({ now });
    expect(plan.checkouts.length).toBeGreaterThan(100);
    expect(plan.checkouts.filter((c) => c.attempts[0]?.card.includes('Declined')).length).toBeGreaterThan(3);
    expect(plan.checkouts.filter((c) => c.refund).length).toBeGreaterThanOrEqual(3);
  });
});
