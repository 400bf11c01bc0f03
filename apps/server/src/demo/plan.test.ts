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

  it.each(cases)(
    '$days days before $now: Sofia onboards first and is paid weekly, the last payout three days ago; Sam leaves onboarding',
    ({ days, now }) => {
      const end = new Date(now);
      const { connect, checkouts, start } = planDemoHistory({ now: end, days });
      const first = Math.min(...checkouts.flatMap((c) => c.attempts.map((a) => a.at.getTime())));
      expect(connect.onboarded.at.getTime()).toBeLessThan(first);
      expect(connect.onboarded.at.getTime()).toBeGreaterThanOrEqual(start.getTime());
      const today = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate());
      const weekday = new Date(today - 3 * DAY).toLocaleDateString('en-US', {
        weekday: 'long',
        timeZone: 'UTC',
      });
      expect(connect.onboarded.weeklyAnchor).toBe(weekday.toLowerCase());
      expect(connect.incomplete.at.getTime()).toBeGreaterThan(start.getTime());
      expect(connect.incomplete.at.getTime()).toBeLessThan(end.getTime());
      if (days >= 30) {
        const failed = connect.failedPayouts;
        if (!failed) throw new Error('expected a failed payout day');
        // On a payout day (same weekday as the anchor), before the last one; the new bank account the next day.
        const failedDay = Math.floor(failed.at.getTime() / DAY) * DAY;
        expect((today - 3 * DAY - failedDay) % (7 * DAY)).toBe(0);
        expect(failedDay).toBeLessThan(today - 3 * DAY);
        expect(failedDay).toBeGreaterThan(start.getTime() + 6 * DAY);
        expect(failed.newBankAccountAt.getTime() - failed.at.getTime()).toBeGreaterThan(0);
        expect(failed.newBankAccountAt.getTime() - failed.at.getTime()).toBeLessThan(2 * DAY);
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
