import type Stripe from 'stripe';
import { AUTOMATIC, type Ctx, now, type RequestInfo, type Route } from '../context.js';
import { invalidRequest, resourceMissing } from '../errors.js';
import { emitEvent } from '../events.js';
import { newId } from '../ids.js';
import { paginate } from '../list.js';
import { applyMetadata, optInt, optString, reqInt, reqString } from '../params.js';
import { bankAccountFailed, FAILING_BANK_ACCOUNTS, getAccount, payoutDestination } from './accounts.js';
import { balanceOf, DAY, fundsOf, recordBalanceTransaction, startOfDay, transactionsOf } from './balance.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function getPayout(ctx: Ctx, id: string, account: string | null): Stripe.Payout {
  const payout = ctx.store.connect.payouts.get(id);
  if (!payout || ctx.store.connect.ownerOf(id) !== account) throw resourceMissing('payout', id);
  return payout;
}

function accountOf(ctx: Ctx, payout: Stripe.Payout): string | undefined {
  return ctx.store.connect.ownerOf(payout.id) ?? undefined;
}

/** Creates a payout of `amount` from the account's available balance to its bank account. */
function createPayout(
  ctx: Ctx,
  account: string | null,
  fields: {
    amount: number;
    currency: string;
    automatic: boolean;
    description?: string | null;
    metadata?: Record<string, string>;
    statementDescriptor?: string | null;
  },
  request: RequestInfo,
): Stripe.Payout {
  const id = newId('po');
  const txn = recordBalanceTransaction(ctx, {
    account,
    amount: -fields.amount,
    currency: fields.currency,
    type: 'payout',
    reportingCategory: 'payout',
    source: id,
    description: fields.description ?? 'STRIPE PAYOUT',
  });
  const bank = account ? payoutDestination(ctx, getAccount(ctx, account)) : undefined;
  const created = now(ctx);
  const payout: Stripe.Payout = {
    id,
    object: 'payout',
    amount: fields.amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: startOfDay(created) + DAY,
    automatic: fields.automatic,
    balance_transaction: txn.id,
    created,
    currency: fields.currency,
    description: fields.description ?? 'STRIPE PAYOUT',
    destination: bank?.id ?? null,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: fields.metadata ?? {},
    method: 'standard',
    original_payout: null,
    payout_method: null,
    reconciliation_status: fields.automatic ? 'in_progress' : 'not_applicable',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: fields.statementDescriptor ?? null,
    status: 'pending',
    trace_id: { status: 'pending', value: null },
    type: 'bank_account',
  };
  ctx.store.connect.payouts.set(id, payout);
  if (account) ctx.store.connect.owner.set(id, account);
  emitEvent(ctx, 'payout.created', payout, request, undefined, account ?? undefined);
  return payout;
}

/** A payout's bank answers: `failed` with the code (money back on the balance). */
export function failPayout(ctx: Ctx, payoutId: string, code: string, message?: string): Stripe.Payout {
  const payout = ctx.store.connect.payouts.get(payoutId);
  if (!payout) throw resourceMissing('payout', payoutId);
  if (payout.status !== 'pending' && payout.status !== 'in_transit') {
    throw invalidRequest(`Payout ${payout.id} cannot fail: its status is ${payout.status}.`, {
      code: 'payout_not_pending',
    });
  }
  const account = accountOf(ctx, payout);
  const failure = Object.values(FAILING_BANK_ACCOUNTS).find((f) => f.code === code);
  const txn = recordBalanceTransaction(ctx, {
    account: account ?? null,
    amount: payout.amount,
    currency: payout.currency,
    type: 'payout_failure',
    reportingCategory: 'payout_reversal',
    source: payout.id,
    description: 'STRIPE PAYOUT FAILURE',
  });
  const previous = { status: payout.status, failure_code: null, failure_message: null };
  payout.status = 'failed';
  payout.failure_code = code;
  payout.failure_message = message ?? failure?.message ?? 'The payout could not be completed.';
  payout.failure_balance_transaction = txn.id;
  payout.trace_id = { status: 'unsupported', value: null };
  emitEvent(ctx, 'payout.updated', payout, AUTOMATIC, previous, account);
  emitEvent(ctx, 'payout.failed', payout, AUTOMATIC, undefined, account);
  if (account && typeof payout.destination === 'string') bankAccountFailed(ctx, account, payout.destination);
  ctx.changed();
  return payout;
}

function payPayout(ctx: Ctx, payout: Stripe.Payout): void {
  const account = accountOf(ctx, payout);
  const previous = { status: payout.status };
  payout.status = 'paid';
  payout.trace_id = { status: 'supported', value: `EMU${payout.id.slice(-10).toUpperCase()}` };
  emitEvent(ctx, 'payout.updated', payout, AUTOMATIC, previous, account);
  emitEvent(ctx, 'payout.paid', payout, AUTOMATIC, undefined, account);
  if (payout.automatic) {
    payout.reconciliation_status = 'completed';
    emitEvent(ctx, 'payout.reconciliation_completed', payout, AUTOMATIC, undefined, account);
  }
}

/** A payout reaches the bank: paid, or failed if it went to one of the failing test bank accounts. */
export function arrivePayout(ctx: Ctx, payoutId: string): Stripe.Payout {
  const payout = ctx.store.connect.payouts.get(payoutId);
  if (!payout) throw resourceMissing('payout', payoutId);
  if (payout.status !== 'pending' && payout.status !== 'in_transit') {
    throw invalidRequest(
      `Payout ${payout.id} has already arrived or ended: its status is ${payout.status}.`,
      {
        code: 'payout_not_pending',
      },
    );
  }
  const number =
    typeof payout.destination === 'string'
      ? ctx.store.connect.bankAccountNumbers.get(payout.destination)
      : undefined;
  const failure = number ? FAILING_BANK_ACCOUNTS[number] : undefined;
  if (failure) failPayout(ctx, payout.id, failure.code, failure.message);
  else payPayout(ctx, payout);
  ctx.changed();
  return payout;
}

/** Payouts whose arrival date has come. */
function settleArrivedPayouts(ctx: Ctx, at: number): void {
  for (const payout of ctx.store.connect.payouts.values()) {
    if (payout.status === 'pending' && payout.arrival_date <= at) arrivePayout(ctx, payout.id);
  }
}

/** `balance.available` (a Connect event) for each account whose pending funds became available since `since`. */
function announceAvailableFunds(ctx: Ctx, since: number, at: number): void {
  for (const account of ctx.store.connect.accounts.values()) {
    const released = transactionsOf(ctx, account.id).some(
      (t) => t.amount > 0 && t.available_on > since && t.available_on <= at && t.available_on > t.created,
    );
    if (released)
      emitEvent(ctx, 'balance.available', balanceOf(ctx, account.id), AUTOMATIC, undefined, account.id);
  }
}

function isPayoutDay(schedule: Stripe.Account.Settings.Payouts.Schedule, at: number): boolean {
  const date = new Date(at * 1000);
  switch (schedule.interval) {
    case 'daily':
      return true;
    case 'weekly':
      return WEEKDAYS[date.getUTCDay()] === (schedule.weekly_anchor ?? 'monday');
    case 'monthly': {
      const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
      return date.getUTCDate() === Math.min(schedule.monthly_anchor ?? 1, lastDay);
    }
    default:
      return false;
  }
}

/** The automatic payout of each account whose schedule says today: its whole available balance. */
export function createScheduledPayouts(ctx: Ctx, at: number): Stripe.Payout[] {
  const created: Stripe.Payout[] = [];
  const connect = ctx.store.connect;
  for (const account of connect.accounts.values()) {
    const schedule = account.settings?.payouts?.schedule;
    if (!account.payouts_enabled || !schedule || !isPayoutDay(schedule, at)) continue;
    if (!payoutDestination(ctx, account)) continue;
    const funds = fundsOf(ctx, account.id);
    for (const [currency, amount] of funds.available) {
      if (amount <= 0) continue;
      const included = transactionsOf(ctx, account.id).filter(
        (t) =>
          t.currency === currency &&
          t.status === 'available' &&
          t.type !== 'payout' &&
          !connect.paidOutBy.has(t.id),
      );
      const payout = createPayout(ctx, account.id, { amount, currency, automatic: true }, AUTOMATIC);
      for (const t of included) connect.paidOutBy.set(t.id, payout.id);
      created.push(payout);
    }
  }
  ctx.changed();
  return created;
}

/** One tick of the payout day, at 00:00 UTC on the emulator clock. */
export function runPayoutDay(ctx: Ctx, at: number): void {
  const since = ctx.store.connect.lastPayoutRun;
  if (at <= since) return;
  ctx.store.connect.lastPayoutRun = at;
  settleArrivedPayouts(ctx, at);
  announceAvailableFunds(ctx, since || at - DAY, at);
  createScheduledPayouts(ctx, at);
  ctx.changed();
}

/**
 * Runs `runPayoutDay` at every 00:00 UTC of the emulator clock: in real time, and at each midnight
 * an `advanceClock` passes (the scheduler steps the clock through them in order).
 */
export function startPayoutClock(ctx: Ctx): void {
  const nextMidnight = startOfDay(now(ctx)) + DAY;
  ctx.scheduler.schedule(nextMidnight * 1000 - ctx.scheduler.clock.now(), () => {
    runPayoutDay(ctx, nextMidnight);
    startPayoutClock(ctx);
  });
}

export const payoutRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/payouts',
    connect: true,
    handler: (ctx, { params, request, account }) => {
      const amount = reqInt(params, 'amount');
      if (amount < 1)
        throw invalidRequest('Invalid positive integer', {
          code: 'parameter_invalid_integer',
          param: 'amount',
        });
      const currency = reqString(params, 'currency').toLowerCase();
      const method = optString(params, 'method') ?? 'standard';
      if (method !== 'standard')
        throw invalidRequest('The Stripe emulator supports only standard payouts (method=standard).', {
          param: 'method',
        });
      if (account) {
        const acct = getAccount(ctx, account);
        if (!acct.payouts_enabled || !payoutDestination(ctx, acct)) {
          throw invalidRequest(
            'Payouts are not enabled on this account: it has to finish onboarding and add a bank account first.',
            { code: 'payouts_not_allowed' },
          );
        }
        const interval = acct.settings?.payouts?.schedule.interval;
        if (interval !== 'manual') {
          throw invalidRequest(
            `This account is paid out automatically (settings.payouts.schedule.interval=${interval}); set the interval to manual to create payouts yourself.`,
            { code: 'payouts_not_allowed' },
          );
        }
      }
      const available = fundsOf(ctx, account).available.get(currency) ?? 0;
      if (available < amount) {
        throw invalidRequest(
          'You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance).',
          { code: 'balance_insufficient', param: 'amount' },
        );
      }
      return createPayout(
        ctx,
        account,
        {
          amount,
          currency,
          automatic: false,
          description: optString(params, 'description') ?? null,
          metadata: applyMetadata({}, params),
          statementDescriptor: optString(params, 'statement_descriptor') ?? null,
        },
        request,
      );
    },
  },
  {
    method: 'GET',
    path: '/v1/payouts/:id',
    connect: true,
    handler: (ctx, { path, account }) => getPayout(ctx, path.id ?? '', account),
  },
  {
    method: 'POST',
    path: '/v1/payouts/:id',
    connect: true,
    handler: (ctx, { path, params, request, account }) => {
      const payout = getPayout(ctx, path.id ?? '', account);
      const previous = { metadata: payout.metadata };
      payout.metadata = applyMetadata(payout.metadata, params);
      emitEvent(ctx, 'payout.updated', payout, request, previous, account ?? undefined);
      return payout;
    },
  },
  {
    method: 'POST',
    path: '/v1/payouts/:id/cancel',
    connect: true,
    handler: (ctx, { path, request, account }) => {
      const payout = getPayout(ctx, path.id ?? '', account);
      if (payout.status !== 'pending' || payout.automatic) {
        throw invalidRequest(`Payout ${payout.id} cannot be canceled: only pending manual payouts can.`, {
          code: 'payout_not_pending',
        });
      }
      recordBalanceTransaction(ctx, {
        account,
        amount: payout.amount,
        currency: payout.currency,
        type: 'payout_cancel',
        reportingCategory: 'payout_reversal',
        source: payout.id,
        description: 'STRIPE PAYOUT CANCELED',
      });
      const previous = { status: payout.status };
      payout.status = 'canceled';
      emitEvent(ctx, 'payout.updated', payout, request, previous, account ?? undefined);
      emitEvent(ctx, 'payout.canceled', payout, request, undefined, account ?? undefined);
      return payout;
    },
  },
  {
    method: 'GET',
    path: '/v1/payouts',
    connect: true,
    handler: (ctx, { params, account }) => {
      const status = optString(params, 'status');
      const destination = optString(params, 'destination');
      const arrival = optInt(params, 'arrival_date');
      return paginate(
        '/v1/payouts',
        ctx.store.connect.payouts.values(),
        params,
        (p) =>
          ctx.store.connect.ownerOf(p.id) === account &&
          (!status || p.status === status) &&
          (!destination || p.destination === destination) &&
          (arrival === undefined || p.arrival_date === arrival),
      );
    },
  },
];
