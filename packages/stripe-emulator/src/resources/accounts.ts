import type Stripe from 'stripe';
import { AUTOMATIC, type Ctx, now, type RequestInfo, type Route } from '../context.js';
import { invalidRequest, missingParam, resourceMissing } from '../errors.js';
import { emitEvent } from '../events.js';
import { newId, randomString } from '../ids.js';
import { paginate } from '../list.js';
import {
  applyMetadata,
  isParams,
  nullableString,
  optBool,
  optInt,
  optObject,
  optString,
  type Params,
  reqString,
} from '../params.js';
import { DAY } from './balance.js';

/** The platform's own application id, shown on application fees. */
export const PLATFORM_APPLICATION = 'ca_emulatorPlatformApplication';
export const PLATFORM_ACCOUNT = 'acct_emulatorPlatform';

const ONBOARDING_LINK_SECONDS = 300;
const LOGIN_LINK_SECONDS = 300;
const MIN_DELAY_DAYS = 2;

const CURRENCY_BY_COUNTRY: Record<string, string> = {
  US: 'usd',
  GB: 'gbp',
  JP: 'jpy',
  CA: 'cad',
  AU: 'aud',
  NZ: 'nzd',
  CH: 'chf',
  SE: 'sek',
  NO: 'nok',
  DK: 'dkk',
  PL: 'pln',
  SG: 'sgd',
  HK: 'hkd',
  MX: 'mxn',
};
const EURO_COUNTRIES = [
  'AT',
  'BE',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'NL',
  'PT',
];

function currencyOf(country: string): string {
  return CURRENCY_BY_COUNTRY[country] ?? (EURO_COUNTRIES.includes(country) ? 'eur' : 'usd');
}

/** What a new Express account must still provide before it can take payments or be paid. */
const ONBOARDING_DUE = [
  'business_profile.mcc',
  'business_profile.url',
  'business_type',
  'external_account',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];

/**
 * Stripe's test bank account numbers (routing 110000000): payouts to them fail with this code.
 * Any other number is paid. Also reachable through `btok_us_verified_*` tokens.
 */
export const FAILING_BANK_ACCOUNTS: Record<string, { code: string; message: string }> = {
  '000111111116': {
    code: 'no_account',
    message:
      'The bank account details on file are probably incorrect. No bank account could be located with those details.',
  },
  '000111111113': { code: 'account_closed', message: 'The bank account has been closed.' },
  '000222222227': {
    code: 'insufficient_funds',
    message: 'Your Stripe account has insufficient funds to cover the payout.',
  },
  '000333333335': {
    code: 'debit_not_authorized',
    message:
      'Debit transactions are not approved on the bank account. (Stripe requires bank accounts to be set up for both credit and debit payouts.)',
  },
  '000444444440': {
    code: 'invalid_currency',
    message:
      'The bank was unable to process this payout because of its currency. This is probably because the bank account cannot accept payments in that currency.',
  },
};
export const DEFAULT_BANK_ACCOUNT_NUMBER = '000123456789';
const BANK_TOKENS: Record<string, string> = {
  btok_us_verified: DEFAULT_BANK_ACCOUNT_NUMBER,
  btok_us_verified_noAccount: '000111111116',
  btok_us_verified_accountClosed: '000111111113',
  btok_us_verified_insufficientFunds: '000222222227',
  btok_us_verified_debitNotAuthorized: '000333333335',
  btok_us_verified_invalidCurrency: '000444444440',
};

export function getAccount(ctx: Ctx, id: string, param = 'account'): Stripe.Account {
  const a = ctx.store.connect.accounts.get(id);
  if (!a) throw resourceMissing('account', id, param);
  return a;
}

function emptyRequirements(): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
  };
}

const INTERVALS = ['daily', 'weekly', 'monthly', 'manual'] as const;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Applies `settings[payouts][schedule]` as Stripe validates it. */
function parseSchedule(
  p: Params,
  current: Stripe.Account.Settings.Payouts.Schedule,
): Stripe.Account.Settings.Payouts.Schedule {
  const prefix = 'settings[payouts][schedule]';
  const intervalParam = optString(p, 'interval');
  const interval =
    intervalParam === undefined ? current.interval : INTERVALS.find((i) => i === intervalParam);
  if (!interval)
    throw invalidRequest(`Invalid ${prefix}[interval]: must be one of ${INTERVALS.join(', ')}`, {
      param: `${prefix}[interval]`,
    });
  let delay = current.delay_days;
  const delayParam = optString(p, 'delay_days');
  if (delayParam === 'minimum') delay = MIN_DELAY_DAYS;
  else if (delayParam !== undefined) {
    delay = optInt(p, 'delay_days') ?? delay;
    if (delay < MIN_DELAY_DAYS || delay > 365)
      throw invalidRequest(
        `You cannot set delay_days to ${delay}: it must be between the minimum of ${MIN_DELAY_DAYS} for this account and 365 (or 'minimum').`,
        { param: `${prefix}[delay_days]` },
      );
  }
  const schedule: Stripe.Account.Settings.Payouts.Schedule = { delay_days: delay, interval };
  if (interval === 'weekly') {
    const anchor = optString(p, 'weekly_anchor') ?? current.weekly_anchor ?? 'monday';
    if (!WEEKDAYS.some((d) => d === anchor))
      throw invalidRequest(`Invalid ${prefix}[weekly_anchor]: ${anchor}`, {
        param: `${prefix}[weekly_anchor]`,
      });
    schedule.weekly_anchor = anchor;
  }
  if (interval === 'monthly') {
    const anchor = optInt(p, 'monthly_anchor') ?? current.monthly_anchor ?? 1;
    if (anchor < 1 || anchor > 31)
      throw invalidRequest(`Invalid ${prefix}[monthly_anchor]: must be between 1 and 31`, {
        param: `${prefix}[monthly_anchor]`,
      });
    schedule.monthly_anchor = anchor;
  }
  return schedule;
}

/** Creates the bank account an `external_account` param describes (hash or `btok_us_verified*` token). */
function bankAccountFrom(
  account: Stripe.Account,
  value: Params[string],
): { bankAccount: Stripe.BankAccount; number: string } {
  let number: string;
  let routing = '110000000';
  let holder: string | null = null;
  let currency = account.default_currency ?? 'usd';
  let country = account.country ?? 'US';
  if (typeof value === 'string') {
    const fromToken = BANK_TOKENS[value];
    if (!fromToken)
      throw invalidRequest(`No such token: '${value}'`, {
        code: 'resource_missing',
        param: 'external_account',
      });
    number = fromToken;
  } else if (isParams(value)) {
    if (optString(value, 'object') !== 'bank_account')
      throw invalidRequest('The Stripe emulator supports only bank accounts as external accounts.', {
        param: 'external_account[object]',
      });
    number = optString(value, 'account_number') ?? '';
    if (!/^\d{4,17}$/.test(number))
      throw invalidRequest('Invalid account number: must be 4 to 17 digits', {
        code: 'account_number_invalid',
        param: 'external_account[account_number]',
      });
    routing = optString(value, 'routing_number') ?? routing;
    holder = optString(value, 'account_holder_name') ?? null;
    currency = (optString(value, 'currency') ?? currency).toLowerCase();
    country = (optString(value, 'country') ?? country).toUpperCase();
  } else {
    throw invalidRequest('Invalid external_account', { param: 'external_account' });
  }
  const ba: Stripe.BankAccount = {
    id: newId('ba'),
    object: 'bank_account',
    account: account.id,
    account_holder_name: holder,
    account_holder_type: 'individual',
    account_type: null,
    available_payout_methods: ['standard'],
    bank_name: 'STRIPE TEST BANK',
    country,
    currency,
    customer: null,
    default_for_currency: true,
    fingerprint: randomString(16),
    last4: number.slice(-4),
    metadata: {},
    routing_number: routing,
    status: 'new',
  };
  return { bankAccount: ba, number };
}

function setExternalAccount(ctx: Ctx, account: Stripe.Account, value: Params[string]): void {
  const { bankAccount: ba, number } = bankAccountFrom(account, value);
  for (const old of account.external_accounts?.data ?? []) ctx.store.connect.bankAccounts.delete(old.id);
  ctx.store.connect.bankAccounts.set(ba.id, ba);
  ctx.store.connect.bankAccountNumbers.set(ba.id, number);
  account.external_accounts = {
    object: 'list',
    data: [structuredClone(ba)],
    has_more: false,
    url: `/v1/accounts/${account.id}/external_accounts`,
  };
  const req = account.requirements;
  if (req) {
    for (const key of ['currently_due', 'eventually_due', 'past_due'] as const)
      req[key] = (req[key] ?? []).filter((f) => f !== 'external_account');
    if (account.details_submitted && (req.currently_due ?? []).length === 0 && !req.disabled_reason)
      account.payouts_enabled = true;
  }
}

/**
 * After a payout fails at the bank, Stripe marks the bank account `errored` and pauses payouts
 * until the account adds a new one (`external_account` becomes due).
 */
export function bankAccountFailed(ctx: Ctx, accountId: string, bankAccountId: string): void {
  const account = ctx.store.connect.accounts.get(accountId);
  const bank = ctx.store.connect.bankAccounts.get(bankAccountId);
  if (!account || !bank) return;
  const before = structuredClone(account);
  bank.status = 'errored';
  const listed = account.external_accounts?.data.find((b) => b.id === bank.id);
  if (listed && listed.object === 'bank_account') listed.status = 'errored';
  account.payouts_enabled = false;
  const req = account.requirements ?? emptyRequirements();
  req.currently_due = [...new Set([...(req.currently_due ?? []), 'external_account'])];
  req.eventually_due = [...new Set([...(req.eventually_due ?? []), 'external_account'])];
  account.requirements = req;
  accountUpdated(ctx, account, before, AUTOMATIC);
}

/** The bank account payouts of this account go to (the first external account), if any. */
export function payoutDestination(ctx: Ctx, account: Stripe.Account): Stripe.BankAccount | undefined {
  const first = account.external_accounts?.data[0];
  return first ? ctx.store.connect.bankAccounts.get(first.id) : undefined;
}

function applyBusinessProfile(account: Stripe.Account, p: Params): void {
  const bp = optObject(p, 'business_profile');
  if (!bp || !account.business_profile) return;
  for (const key of [
    'name',
    'url',
    'mcc',
    'product_description',
    'support_email',
    'support_phone',
    'support_url',
  ] as const) {
    const v = nullableString(bp, key);
    if (v !== undefined) account.business_profile[key] = v;
  }
}

const BUSINESS_TYPES = ['individual', 'company', 'non_profit', 'government_entity'] as const;

function applyUpdatable(ctx: Ctx, account: Stripe.Account, p: Params): void {
  if (p.tos_acceptance !== undefined) {
    throw invalidRequest(
      'You cannot accept the Terms of Service on behalf of an Express account: it accepts them during onboarding.',
      { param: 'tos_acceptance' },
    );
  }
  const email = nullableString(p, 'email');
  if (email !== undefined) account.email = email;
  const bt = optString(p, 'business_type');
  if (bt !== undefined) {
    const found = BUSINESS_TYPES.find((t) => t === bt);
    if (!found) throw invalidRequest(`Invalid business_type: ${bt}`, { param: 'business_type' });
    account.business_type = found;
  }
  applyBusinessProfile(account, p);
  account.metadata = applyMetadata(account.metadata ?? {}, p);
  const payouts = optObject(optObject(p, 'settings') ?? {}, 'payouts');
  const settings = account.settings?.payouts;
  if (payouts && settings) {
    const schedule = optObject(payouts, 'schedule');
    if (schedule) settings.schedule = parseSchedule(schedule, settings.schedule);
    const debit = optBool(payouts, 'debit_negative_balances');
    if (debit !== undefined) settings.debit_negative_balances = debit;
    const descriptor = nullableString(payouts, 'statement_descriptor');
    if (descriptor !== undefined) settings.statement_descriptor = descriptor;
  }
  if (p.external_account !== undefined && p.external_account !== null)
    setExternalAccount(ctx, account, p.external_account);
}

function requestedCapabilities(p: Params): string[] {
  const caps = optObject(p, 'capabilities');
  if (!caps) return ['card_payments', 'transfers'];
  const requested = Object.entries(caps)
    .filter(([, v]) => isParams(v) && optBool(v, 'requested') === true)
    .map(([k]) => k);
  const unsupported = requested.filter((c) => c !== 'card_payments' && c !== 'transfers');
  if (unsupported.length > 0)
    throw invalidRequest(`The Stripe emulator supports only the card_payments and transfers capabilities.`, {
      param: `capabilities[${unsupported[0]}]`,
    });
  return requested;
}

function isExpress(p: Params): boolean {
  const type = optString(p, 'type');
  if (type !== undefined) return type === 'express';
  const controller = optObject(p, 'controller');
  const dashboard = controller ? optObject(controller, 'stripe_dashboard') : undefined;
  return dashboard ? optString(dashboard, 'type') === 'express' : false;
}

export function createAccount(ctx: Ctx, p: Params): Stripe.Account {
  if (!isExpress(p)) {
    throw invalidRequest(
      'The Stripe emulator supports Express accounts only: pass type=express (or controller[stripe_dashboard][type]=express).',
      { param: 'type' },
    );
  }
  const country = (optString(p, 'country') ?? 'US').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw invalidRequest(`Invalid country: ${country}`, { param: 'country' });
  const currency = (optString(p, 'default_currency') ?? currencyOf(country)).toLowerCase();
  const caps = requestedCapabilities(p);
  const id = newId('acct');
  const account: Stripe.Account = {
    id,
    object: 'account',
    business_profile: {
      annual_revenue: null,
      estimated_worker_count: null,
      mcc: null,
      minority_owned_business_designation: null,
      name: null,
      product_description: null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: null,
    capabilities: Object.fromEntries(caps.map((c) => [c, 'inactive'])),
    charges_enabled: false,
    controller: {
      fees: { payer: 'application' },
      is_controller: true,
      losses: { payments: 'application' },
      requirement_collection: 'stripe',
      stripe_dashboard: { type: 'express' },
      type: 'application',
    },
    country,
    created: now(ctx),
    default_currency: currency,
    details_submitted: false,
    email: null,
    external_accounts: {
      object: 'list',
      data: [],
      has_more: false,
      url: `/v1/accounts/${id}/external_accounts`,
    },
    future_requirements: emptyRequirements(),
    metadata: {},
    payouts_enabled: false,
    requirements: {
      ...emptyRequirements(),
      currently_due: [...ONBOARDING_DUE],
      disabled_reason: 'requirements.past_due',
      eventually_due: [...ONBOARDING_DUE],
      past_due: [...ONBOARDING_DUE],
    },
    settings: {
      bacs_debit_payments: { display_name: null, service_user_number: null },
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_issuing: { tos_acceptance: { date: null, ip: null } },
      card_payments: {
        decline_on: { avs_failure: false, cvc_failure: false },
        statement_descriptor_prefix: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      dashboard: { display_name: null, timezone: 'Etc/UTC' },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: 'always' },
      payments: {
        statement_descriptor: null,
        statement_descriptor_kana: null,
        statement_descriptor_kanji: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      payouts: {
        debit_negative_balances: true,
        schedule: { delay_days: MIN_DELAY_DAYS, interval: 'daily' },
        statement_descriptor: null,
      },
      sepa_debit_payments: {},
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: 'express',
  };
  applyUpdatable(ctx, account, p);
  ctx.store.connect.accounts.set(id, account);
  return account;
}

/** Records an `account.updated` event (a Connect event: `account` is set) with what changed. */
export function accountUpdated(
  ctx: Ctx,
  account: Stripe.Account,
  before: Stripe.Account,
  request: RequestInfo,
): void {
  const previous: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(before)) {
    if (JSON.stringify(v) !== JSON.stringify(Reflect.get(account, k))) previous[k] = v;
  }
  if (Object.keys(previous).length === 0) return;
  emitEvent(ctx, 'account.updated', account, request, previous, account.id);
}

/** What pressing "Complete onboarding" does: details submitted, capabilities active, a bank account. */
export function completeOnboarding(
  ctx: Ctx,
  accountId: string,
  bankAccountNumber?: string,
  request: RequestInfo = AUTOMATIC,
): Stripe.Account {
  const account = getAccount(ctx, accountId);
  const before = structuredClone(account);
  if (bankAccountNumber !== undefined || !account.external_accounts?.data.length) {
    setExternalAccount(ctx, account, {
      object: 'bank_account',
      account_number: bankAccountNumber ?? DEFAULT_BANK_ACCOUNT_NUMBER,
    });
  }
  account.details_submitted = true;
  account.charges_enabled = true;
  account.payouts_enabled = true;
  account.business_type = account.business_type ?? 'individual';
  if (account.business_profile) {
    account.business_profile.mcc = account.business_profile.mcc ?? '8299';
    account.business_profile.url = account.business_profile.url ?? 'https://example.com';
  }
  account.capabilities = Object.fromEntries(
    Object.keys(account.capabilities ?? {}).map((c) => [c, 'active']),
  );
  account.requirements = emptyRequirements();
  account.tos_acceptance = { date: now(ctx), ip: '127.0.0.1', user_agent: 'Stripe emulator onboarding' };
  accountUpdated(ctx, account, before, request);
  ctx.changed();
  return account;
}

const DISABLED_REASONS: readonly Stripe.Account.Requirements.DisabledReason[] = [
  'action_required.requested_capabilities',
  'listed',
  'other',
  'platform_paused',
  'rejected.fraud',
  'rejected.incomplete_verification',
  'rejected.listed',
  'rejected.other',
  'rejected.platform_fraud',
  'rejected.platform_other',
  'rejected.platform_terms_of_service',
  'rejected.terms_of_service',
  'requirements.past_due',
  'requirements.pending_verification',
  'under_review',
];

/**
 * Stripe asks a connected account for more information (a test control). With a `disabled_reason`
 * the account can no longer take charges or be paid out until it completes onboarding again.
 */
export function requireInformation(
  ctx: Ctx,
  accountId: string,
  currentlyDue: string[],
  disabledReason: string | null,
): Stripe.Account {
  const account = getAccount(ctx, accountId);
  const reason = disabledReason === null ? null : DISABLED_REASONS.find((r) => r === disabledReason);
  if (reason === undefined) {
    throw invalidRequest(
      `Unknown disabled_reason '${disabledReason}'. Known: ${DISABLED_REASONS.join(', ')}`,
      {
        param: 'disabled_reason',
      },
    );
  }
  const before = structuredClone(account);
  const due = [...new Set([...(account.requirements?.currently_due ?? []), ...currentlyDue])];
  account.requirements = {
    ...emptyRequirements(),
    currently_due: due,
    eventually_due: due,
    past_due: reason ? due : [],
    current_deadline: reason ? null : now(ctx) + 14 * DAY,
    disabled_reason: reason,
  };
  if (reason) {
    account.charges_enabled = false;
    account.payouts_enabled = false;
    account.capabilities = Object.fromEntries(
      Object.keys(account.capabilities ?? {}).map((c) => [c, 'inactive']),
    );
  }
  accountUpdated(ctx, account, before, AUTOMATIC);
  ctx.changed();
  return account;
}

/** `GET /v1/account` without Stripe-Account: the platform itself. */
function platformAccount(): Stripe.Account {
  return {
    id: PLATFORM_ACCOUNT,
    object: 'account',
    business_profile: null,
    charges_enabled: true,
    country: 'US',
    default_currency: 'usd',
    details_submitted: true,
    email: null,
    payouts_enabled: true,
    type: 'standard',
  };
}

function isUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export const accountRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/accounts',
    handler: (ctx, { params }) => createAccount(ctx, params),
  },
  {
    method: 'GET',
    path: '/v1/accounts/:id',
    handler: (ctx, { path }) => getAccount(ctx, path.id ?? '', 'id'),
  },
  {
    method: 'GET',
    path: '/v1/account',
    connect: true,
    handler: (ctx, { account }) => (account ? getAccount(ctx, account) : platformAccount()),
  },
  {
    method: 'POST',
    path: '/v1/accounts/:id',
    handler: (ctx, { path, params, request }) => {
      const account = getAccount(ctx, path.id ?? '', 'id');
      const draft = structuredClone(account);
      applyUpdatable(ctx, draft, params);
      const before = structuredClone(account);
      Object.assign(account, draft);
      accountUpdated(ctx, account, before, request);
      return account;
    },
  },
  {
    method: 'DELETE',
    path: '/v1/accounts/:id',
    handler: (ctx, { path }) => {
      const account = getAccount(ctx, path.id ?? '', 'id');
      ctx.store.connect.accounts.delete(account.id);
      const deleted: Stripe.DeletedAccount = { id: account.id, object: 'account', deleted: true };
      return deleted;
    },
  },
  {
    method: 'GET',
    path: '/v1/accounts',
    handler: (ctx, { params }) => {
      const accounts = [...ctx.store.connect.accounts.values()].map((a) => ({
        ...a,
        created: a.created ?? 0,
      }));
      return paginate('/v1/accounts', accounts, params);
    },
  },
  {
    method: 'POST',
    path: '/v1/account_links',
    handler: (ctx, { params }) => {
      const accountId = reqString(params, 'account');
      const account = getAccount(ctx, accountId);
      const type = reqString(params, 'type');
      if (type !== 'account_onboarding') {
        throw invalidRequest(
          type === 'account_update'
            ? 'You cannot create `account_update` type Account Links for Express accounts.'
            : `Invalid type: must be one of account_onboarding, account_update`,
          { param: 'type' },
        );
      }
      const refreshUrl = optString(params, 'refresh_url');
      const returnUrl = optString(params, 'return_url');
      if (!refreshUrl) throw missingParam('refresh_url');
      if (!returnUrl) throw missingParam('return_url');
      for (const [name, url] of [
        ['refresh_url', refreshUrl],
        ['return_url', returnUrl],
      ] as const) {
        if (!isUrl(url)) throw invalidRequest(`Not a valid URL`, { param: name, code: 'url_invalid' });
      }
      const created = now(ctx);
      const token = randomString(24);
      ctx.store.connect.accountLinks.set(token, {
        token,
        account: account.id,
        type: 'account_onboarding',
        refreshUrl,
        returnUrl,
        created,
        expiresAt: created + ONBOARDING_LINK_SECONDS,
        state: 'new',
      });
      const link: Stripe.AccountLink = {
        object: 'account_link',
        created,
        expires_at: created + ONBOARDING_LINK_SECONDS,
        url: `${ctx.baseUrl()}/setup/s/${account.id}/${token}`,
      };
      return link;
    },
  },
  {
    method: 'POST',
    path: '/v1/accounts/:id/login_links',
    handler: (ctx, { path }) => {
      const account = getAccount(ctx, path.id ?? '', 'id');
      if (!account.details_submitted) {
        throw invalidRequest('Cannot create a login link for an account that has not completed onboarding.', {
          param: 'account',
        });
      }
      const created = now(ctx);
      const token = randomString(24);
      ctx.store.connect.loginLinks.set(token, {
        token,
        account: account.id,
        created,
        expiresAt: created + LOGIN_LINK_SECONDS,
      });
      const link: Stripe.LoginLink = {
        object: 'login_link',
        created,
        url: `${ctx.baseUrl()}/express/${account.id}/${token}`,
      };
      return link;
    },
  },
  {
    method: 'GET',
    path: '/v1/accounts/:id/external_accounts',
    handler: (ctx, { path }) => {
      const account = getAccount(ctx, path.id ?? '', 'id');
      return account.external_accounts ?? { object: 'list', data: [], has_more: false, url: '' };
    },
  },
];
