import { DEMO_OFFERINGS } from '@enrollpay/db';

/**
 * What happened in the demo data's past: a deterministic timeline (a seeded PRNG, so every fresh seed
 * and every test sees the same story) of checkouts, declines, refunds and one dispute over the last
 * `days` days. Pure: `history.ts` acts it out through the real payment code and the Stripe emulator.
 */

/** Test payment methods, as Stripe.js would send them for the test card numbers. */
export type DemoCard =
  | 'pm_card_visa' // 4242 4242 4242 4242
  | 'pm_card_mastercard' // 5555 5555 5555 4444
  | 'pm_card_visa_chargeDeclined' // 4000 0000 0000 0002
  | 'pm_card_visa_chargeDeclinedInsufficientFunds' // 4000 0000 0000 9995
  | 'pm_card_createDispute'; // 4000 0000 0000 0259

export interface PlannedAttempt {
  at: Date;
  card: DemoCard;
}

export interface PlannedRefund {
  at: Date;
  /** Minor units; the whole payment unless a partial refund. */
  amount: 'full' | number;
  reason: 'REQUESTED_BY_CUSTOMER' | 'DUPLICATE' | 'OTHER';
}

export interface PlannedCheckout {
  /** A demo login's email or a history learner's email. */
  learnerEmail: string;
  offeringTitle: string;
  /** One or more card attempts on the same payment (a decline, then maybe a retry that succeeds). */
  attempts: PlannedAttempt[];
  refund?: PlannedRefund;
  /** A promotion code the learner applies at checkout (one of the plan's `promotionCodes`). */
  promotionCode?: string;
}

/** A specialist's promotion code, made through `promotionCodes.create` when the history starts. */
export interface PlannedPromotionCode {
  specialistEmail: string;
  code: string;
  kind: 'PERCENT' | 'FIXED';
  percentOff?: number;
  amountOff?: number;
  currency?: 'eur' | 'usd';
  /** Empty: every offering of the specialist. */
  offeringTitles: string[];
  maxRedemptions?: number;
  oncePerLearner: boolean;
}

export interface HistoryLearner {
  email: string;
  name: string;
}

export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
const WEEKDAYS: readonly Weekday[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

/**
 * The specialists' Stripe Connect story (issue 14): one gets paid, one has not finished onboarding.
 */
export interface PlannedConnect {
  /**
   * Onboards (Express account, "Complete onboarding") before the first sale, so every sale of theirs is a
   * destination charge with the platform fee, and moves to weekly payouts on `weeklyAnchor` (as a
   * specialist does on Stripe's Express dashboard).
   */
  onboarded: { email: string; at: Date; weeklyAnchor: Weekday };
  /**
   * A payout day whose payouts the bank returns (account closed): `payout.failed`, an email, payouts
   * paused until the specialist adds a new bank account at `newBankAccountAt`; the money goes out again
   * on the next payout day. Left out of histories too short to show it.
   */
  failedPayouts?: { at: Date; newBankAccountAt: Date };
  /** Opens onboarding and leaves it incomplete: the platform holds their sales' funds. */
  incomplete: { email: string; at: Date };
}

export interface DemoHistoryPlan {
  start: Date;
  end: Date;
  learners: HistoryLearner[];
  promotionCodes: PlannedPromotionCode[];
  checkouts: PlannedCheckout[];
  connect: PlannedConnect;
}

/**
 * The demo's promotion codes, so the Promotion codes page is not empty on the first start: one per
 * specialist, each used once by a demo login's past checkout (below).
 */
export const DEMO_PROMOTION_CODES: readonly PlannedPromotionCode[] = [
  {
    specialistEmail: 'specialist@demo.test',
    code: 'WELCOME10',
    kind: 'PERCENT',
    percentOff: 10,
    offeringTitles: [],
    maxRedemptions: 100,
    oncePerLearner: true,
  },
  {
    specialistEmail: 'specialist2@demo.test',
    code: 'SQL-5',
    kind: 'FIXED',
    amountOff: 500,
    currency: 'eur',
    offeringTitles: ['Data Analysis with SQL'],
    maxRedemptions: 25,
    oncePerLearner: false,
  },
];

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const FIRST_NAMES = [
  'Maya',
  'Jonas',
  'Aiko',
  'Lucas',
  'Zoë',
  'Omar',
  'Priya',
  'Mateo',
  'Ingrid',
  'Kwame',
  'Chloé',
  'Hiroshi',
  'Amara',
  'Felix',
  'Sofía',
  'Noah',
  'Leila',
  'Björn',
  'Yuki',
  'Dara',
];
const LAST_NAMES = ['Patel', 'Müller', 'Tanaka', 'Okafor', 'García', "O'Brien", 'Nguyen', 'Kowalski'];

/** Forty learners who bought in the past; they have no password, so nobody signs in as them. */
export function historyLearners(): HistoryLearner[] {
  const learners: HistoryLearner[] = [];
  for (let i = 0; i < 40; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Alex';
    const last = LAST_NAMES[(i * 3 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length] ?? 'Smith';
    learners.push({
      email: `history-learner-${String(i + 1).padStart(2, '0')}@demo.test`,
      name: `${first} ${last}`,
    });
  }
  return learners;
}

/** mulberry32: a small, well-known seeded PRNG (uniform in [0, 1)). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface PlanOptions {
  /** The end of the history (normally now); nothing is planned after it. */
  now: Date;
  /** How far back it starts. Default 90. */
  days?: number;
  /** PRNG seed. Default 15. */
  seed?: number;
}

/** Checkouts per day and specialist, growing over the period (a business that is picking up). */
const DAILY_RATE = { specialist: [0.5, 1.3], specialist2: [0.3, 0.8] } as const;

export function planDemoHistory({ now, days = 90, seed = 15 }: PlanOptions): DemoHistoryPlan {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const end = new Date(now.getTime() - HOUR_MS);
  const start = new Date(now.getTime() - days * DAY_MS);
  const learners = historyLearners();
  const offerings = DEMO_OFFERINGS.filter((o) => o.active !== false);
  const checkouts: PlannedCheckout[] = [];
  /**
   * learner|offering pairs already used. The database allows one live enrollment per pair; a refund
   * ends it, but a pair is never used twice here, so no checkout can meet an enrollment that is still
   * live at its moment (the plan is drawn day by day, while refunds lie in the future).
   */
  const used = new Set<string>();
  const take = (email: string, title: string) => used.add(`${email}|${title}`);
  const isFree = (email: string, title: string) => !used.has(`${email}|${title}`);

  // The demo logins' own past, so their pages are not empty either. Their remaining offerings stay
  // open to buy, and none of them is left with a payment waiting.
  const at = (daysAgo: number, hour: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour, 17));
  const own: PlannedCheckout[] = [
    {
      learnerEmail: 'learner@demo.test',
      offeringTitle: 'One-hour code review',
      attempts: [{ at: at(62, 10), card: 'pm_card_visa' }],
      promotionCode: 'WELCOME10', // $75.00 − 10 % = $67.50
    },
    {
      learnerEmail: 'learner@demo.test',
      offeringTitle: 'TypeScript from Zero',
      attempts: [{ at: at(34, 19), card: 'pm_card_visa' }],
      refund: { at: at(30, 9), amount: 'full', reason: 'REQUESTED_BY_CUSTOMER' },
    },
    {
      learnerEmail: 'learner@demo.test',
      offeringTitle: 'Career mentoring session',
      attempts: [
        { at: at(12, 20), card: 'pm_card_visa_chargeDeclinedInsufficientFunds' },
        { at: at(12, 21), card: 'pm_card_mastercard' },
      ],
    },
    {
      learnerEmail: 'learner2@demo.test',
      offeringTitle: 'Data Analysis with SQL',
      attempts: [{ at: at(47, 8), card: 'pm_card_visa' }],
      promotionCode: 'SQL-5', // €39.00 − €5.00 = €34.00
    },
    {
      learnerEmail: 'learner2@demo.test',
      offeringTitle: 'Statistics for product teams',
      attempts: [{ at: at(20, 14), card: 'pm_card_visa' }],
      // A partial refund: a session that did not take place.
      refund: { at: at(18, 11), amount: 4000, reason: 'OTHER' },
    },
    // The one open dispute: paid four days ago, disputed two days later (7 days to respond).
    {
      learnerEmail: learners[0]?.email ?? '',
      offeringTitle: 'TypeScript from Zero',
      attempts: [{ at: at(4, 16), card: 'pm_card_createDispute' }],
    },
  ];
  for (const c of own) {
    // A shorter history (`--days`) keeps only what falls inside it.
    if ((c.attempts[0]?.at ?? start) < start) continue;
    take(c.learnerEmail, c.offeringTitle);
    checkouts.push(c);
  }

  for (let day = 0; day < days; day++) {
    const dayStart = start.getTime() + day * DAY_MS;
    const progress = day / days;
    for (const specialist of ['specialist', 'specialist2'] as const) {
      const [low, high] = DAILY_RATE[specialist];
      const rate = low + (high - low) * progress;
      // Poisson-ish: whole part plus a chance of one more.
      const count = Math.floor(rate) + (random() < rate - Math.floor(rate) ? 1 : 0);
      const mine = offerings.filter((o) => o.specialist === specialist);
      for (let n = 0; n < count; n++) {
        const when = new Date(dayStart + Math.floor((7 + random() * 15) * HOUR_MS));
        if (when >= end) continue;
        const offering = pick(mine);
        const free = learners.filter((l) => isFree(l.email, offering.title));
        if (!free.length) continue;
        const learner = pick(free);
        const roll = random();
        const attempts: PlannedAttempt[] = [];
        let refund: PlannedRefund | undefined;
        if (roll < 0.1) {
          // Declined; half of them pay with another card a little later, the rest give up.
          attempts.push({
            at: when,
            card:
              random() < 0.5 ? 'pm_card_visa_chargeDeclined' : 'pm_card_visa_chargeDeclinedInsufficientFunds',
          });
          if (random() < 0.5)
            attempts.push({ at: new Date(when.getTime() + 20 * 60_000), card: 'pm_card_visa' });
        } else {
          attempts.push({ at: when, card: random() < 0.7 ? 'pm_card_visa' : 'pm_card_mastercard' });
        }
        const paid =
          attempts.at(-1)?.card === 'pm_card_visa' || attempts.at(-1)?.card === 'pm_card_mastercard';
        if (paid && offering.refundWindowDays > 0 && random() < 0.06) {
          const refundAt = new Date(
            when.getTime() + Math.ceil(random() * offering.refundWindowDays * 0.8) * DAY_MS,
          );
          if (refundAt < end) refund = { at: refundAt, amount: 'full', reason: 'REQUESTED_BY_CUSTOMER' };
        }
        take(learner.email, offering.title);
        checkouts.push({
          learnerEmail: learner.email,
          offeringTitle: offering.title,
          attempts,
          ...(refund ? { refund } : {}),
        });
      }
    }
  }
  return {
    start,
    end: now,
    learners,
    promotionCodes: [...DEMO_PROMOTION_CODES],
    checkouts,
    connect: planConnect(start, now, days),
  };
}

/**
 * Sofia (`specialist@demo.test`) is paid weekly. The anchor is the weekday three days before `now`, so
 * the last payout ran three days ago and has arrived: at the end her balance has both available funds (the
 * sales that became available since) and pending ones (the last two days' sales), whatever day it is.
 * Her payouts of the payout day nearest the middle of the history fail. Sam (`specialist2@demo.test`)
 * opened onboarding two thirds of the way through and left it.
 */
function planConnect(start: Date, now: Date, days: number): PlannedConnect {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const lastPayoutDay = today - 3 * DAY_MS;
  const weeklyAnchor = WEEKDAYS[new Date(lastPayoutDay).getUTCDay()] ?? 'monday';
  const middle = start.getTime() + (days / 2) * DAY_MS;
  // Whole weeks back from the last payout day: the payout day nearest the middle.
  const failedDay = lastPayoutDay - Math.round((lastPayoutDay - middle) / (7 * DAY_MS)) * 7 * DAY_MS;
  const connect: PlannedConnect = {
    onboarded: { email: 'specialist@demo.test', at: new Date(start.getTime() + 60_000), weeklyAnchor },
    incomplete: {
      email: 'specialist2@demo.test',
      at: new Date(start.getTime() + Math.floor((days * 2) / 3) * DAY_MS + 2 * HOUR_MS),
    },
  };
  // The bank returns the payouts that morning; a new bank account follows the next day. Only when there
  // were payouts before it (a week of sales) and it is over before the last payout day.
  if (failedDay >= start.getTime() + 7 * DAY_MS && failedDay < lastPayoutDay) {
    connect.failedPayouts = {
      at: new Date(failedDay + 6 * HOUR_MS),
      newBankAccountAt: new Date(failedDay + DAY_MS + 10 * HOUR_MS),
    };
  }
  return connect;
}
