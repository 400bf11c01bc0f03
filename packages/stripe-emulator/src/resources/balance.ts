import type Stripe from 'stripe';
import { type Ctx, now, type Route } from '../context.js';
import { resourceMissing } from '../errors.js';
import { paginate } from '../list.js';
import { optString } from '../params.js';
import { createBalanceTransaction } from './charges.js';

export const DAY = 86_400;

/** 00:00 UTC of the day `seconds` falls in. */
export function startOfDay(seconds: number): number {
  return Math.floor(seconds / DAY) * DAY;
}

/** The account's payout delay in days (`settings.payouts.schedule.delay_days`); the platform's is 2. */
export function delayDays(ctx: Ctx, account: string | null): number {
  if (!account) return 2;
  return ctx.store.connect.accounts.get(account)?.settings?.payouts?.schedule.delay_days ?? 2;
}

/** When funds received now on `account` become available: 00:00 UTC, `delay_days` days after today. */
export function availableOnFor(ctx: Ctx, account: string | null): number {
  return startOfDay(now(ctx)) + delayDays(ctx, account) * DAY;
}

export interface LedgerEntry {
  /** Connected account the transaction belongs to; null for the platform. */
  account: string | null;
  amount: number;
  currency: string;
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  source: string;
  description: string | null;
  /** Unix seconds the funds become available; default now (a debit or an immediate credit). */
  availableOn?: number;
  /** An application fee taken from this amount (shown in `fee_details` as `application_fee`). */
  applicationFee?: { amount: number; application: string };
}

/** Records a balance transaction on the platform or on a connected account. */
export function recordBalanceTransaction(ctx: Ctx, entry: LedgerEntry): Stripe.BalanceTransaction {
  const fee = entry.applicationFee?.amount ?? 0;
  const txn = createBalanceTransaction(ctx, {
    amount: entry.amount,
    currency: entry.currency,
    fee,
    type: entry.type,
    reportingCategory: entry.reportingCategory,
    source: entry.source,
    description: entry.description,
  });
  txn.available_on = entry.availableOn ?? txn.created;
  txn.status = txn.available_on <= now(ctx) ? 'available' : 'pending';
  if (entry.applicationFee) {
    txn.fee_details = [
      {
        amount: fee,
        application: entry.applicationFee.application,
        currency: entry.currency,
        description: 'Application fee',
        type: 'application_fee',
      },
    ];
  }
  if (entry.account) ctx.store.connect.owner.set(txn.id, entry.account);
  return txn;
}

/** A charge whose funds skip the pending balance (test card 4000 0000 0000 0077). */
export function availableNow(ctx: Ctx, charge: Stripe.Charge): void {
  const txn = ctx.store.balanceTransactions.get(String(charge.balance_transaction));
  if (!txn) return;
  txn.available_on = txn.created;
  txn.status = 'available';
}

/** Pending transactions whose `available_on` has passed on the emulator clock become available. */
export function refreshBalanceStatuses(ctx: Ctx): void {
  const t = now(ctx);
  for (const txn of ctx.store.balanceTransactions.values()) {
    if (txn.status === 'pending' && txn.available_on <= t) txn.status = 'available';
  }
}

export function transactionsOf(ctx: Ctx, account: string | null): Stripe.BalanceTransaction[] {
  refreshBalanceStatuses(ctx);
  return [...ctx.store.balanceTransactions.values()].filter(
    (t) => ctx.store.connect.ownerOf(t.id) === account,
  );
}

export interface Funds {
  available: Map<string, number>;
  pending: Map<string, number>;
}

export function fundsOf(ctx: Ctx, account: string | null): Funds {
  const funds: Funds = { available: new Map(), pending: new Map() };
  for (const t of transactionsOf(ctx, account)) {
    const bucket = t.status === 'available' ? funds.available : funds.pending;
    bucket.set(t.currency, (bucket.get(t.currency) ?? 0) + t.net);
  }
  return funds;
}

export function balanceOf(ctx: Ctx, account: string | null): Stripe.Balance {
  const funds = fundsOf(ctx, account);
  const defaultCurrency = account
    ? (ctx.store.connect.accounts.get(account)?.default_currency ?? 'usd')
    : 'usd';
  const currencies = new Set([defaultCurrency, ...funds.available.keys(), ...funds.pending.keys()]);
  const list = (m: Map<string, number>) =>
    [...currencies].map((currency) => {
      const amount = m.get(currency) ?? 0;
      return { amount, currency, source_types: { card: amount } };
    });
  return {
    object: 'balance',
    available: list(funds.available),
    connect_reserved: [...currencies].map((currency) => ({ amount: 0, currency })),
    livemode: false,
    pending: list(funds.pending),
  };
}

export const balanceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/balance',
    connect: true,
    handler: (ctx, { account }) => balanceOf(ctx, account),
  },
  {
    method: 'GET',
    path: '/v1/balance_transactions/:id',
    connect: true,
    handler: (ctx, { path, account }) => {
      const id = path.id ?? '';
      refreshBalanceStatuses(ctx);
      const txn = ctx.store.balanceTransactions.get(id);
      if (!txn || ctx.store.connect.ownerOf(id) !== account) throw resourceMissing('balance_transaction', id);
      return txn;
    },
  },
  {
    method: 'GET',
    path: '/v1/balance_transactions',
    connect: true,
    handler: (ctx, { params, account }) => {
      const source = optString(params, 'source');
      const type = optString(params, 'type');
      const currency = optString(params, 'currency');
      const payoutId = optString(params, 'payout');
      const connect = ctx.store.connect;
      if (payoutId) {
        const payout = connect.payouts.get(payoutId);
        if (!payout || connect.ownerOf(payoutId) !== account)
          throw resourceMissing('payout', payoutId, 'payout');
      }
      return paginate(
        '/v1/balance_transactions',
        transactionsOf(ctx, account),
        params,
        (t) =>
          (!source || t.source === source) &&
          (!type || t.type === type) &&
          (!currency || t.currency === currency) &&
          (!payoutId || connect.paidOutBy.get(t.id) === payoutId || t.source === payoutId),
      );
    },
  },
];
