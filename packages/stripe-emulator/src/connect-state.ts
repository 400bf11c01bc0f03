import type Stripe from 'stripe';

/** A hosted onboarding link (`account_links`): single use, expires. */
export interface AccountLinkRecord {
  token: string;
  account: string;
  type: 'account_onboarding';
  refreshUrl: string;
  returnUrl: string;
  created: number;
  expiresAt: number;
  /** new → opened (page shown) → used (a button pressed). Opening twice or after expiry → refresh_url. */
  state: 'new' | 'opened' | 'used';
}

/** A login link to the emulator's small Express dashboard. */
export interface LoginLinkRecord {
  token: string;
  account: string;
  created: number;
  expiresAt: number;
}

/**
 * Connect state: connected accounts and the money moving between them and the platform. Objects of
 * a connected account (its payments `py_`, their refunds, balance transactions, payouts) live in
 * the ordinary maps or here, and `owner` says which account they belong to (absent: the platform).
 */
export class ConnectState {
  accounts = new Map<string, Stripe.Account>();
  transfers = new Map<string, Stripe.Transfer>();
  transferReversals = new Map<string, Stripe.TransferReversal>();
  applicationFees = new Map<string, Stripe.ApplicationFee>();
  feeRefunds = new Map<string, Stripe.FeeRefund>();
  payouts = new Map<string, Stripe.Payout>();
  bankAccounts = new Map<string, Stripe.BankAccount>();
  /** Account number behind each bank account id (decides whether its payouts fail). */
  bankAccountNumbers = new Map<string, string>();
  accountLinks = new Map<string, AccountLinkRecord>();
  loginLinks = new Map<string, LoginLinkRecord>();
  /** Object id → connected account id, for objects that belong to a connected account. */
  owner = new Map<string, string>();
  /** Balance transaction id → the automatic payout that paid it out. */
  paidOutBy = new Map<string, string>();
  /** Webhook endpoints created with `connect=true`. */
  connectEndpoints = new Set<string>();
  /** Emulator-clock second of the last scheduled payout run (so a run is never repeated). */
  lastPayoutRun = 0;

  ownerOf(id: string): string | null {
    return this.owner.get(id) ?? null;
  }

  clear(): void {
    for (const m of [
      this.accounts,
      this.transfers,
      this.transferReversals,
      this.applicationFees,
      this.feeRefunds,
      this.payouts,
      this.bankAccounts,
      this.bankAccountNumbers,
      this.accountLinks,
      this.loginLinks,
      this.owner,
      this.paidOutBy,
    ]) {
      m.clear();
    }
    this.connectEndpoints.clear();
    this.lastPayoutRun = 0;
  }

  lookup(id: string): object | undefined {
    const prefix = id.slice(0, id.indexOf('_'));
    switch (prefix) {
      case 'acct':
        return this.accounts.get(id);
      case 'tr':
        return this.transfers.get(id);
      case 'trr':
        return this.transferReversals.get(id);
      case 'fee':
        return this.applicationFees.get(id);
      case 'fr':
        return this.feeRefunds.get(id);
      case 'po':
        return this.payouts.get(id);
      case 'ba':
        return this.bankAccounts.get(id);
      default:
        return undefined;
    }
  }

  toSnapshot(): ConnectSnapshot {
    return {
      accounts: [...this.accounts.values()],
      transfers: [...this.transfers.values()],
      transferReversals: [...this.transferReversals.values()],
      applicationFees: [...this.applicationFees.values()],
      feeRefunds: [...this.feeRefunds.values()],
      payouts: [...this.payouts.values()],
      bankAccounts: [...this.bankAccounts.values()],
      bankAccountNumbers: [...this.bankAccountNumbers.entries()],
      accountLinks: [...this.accountLinks.values()],
      loginLinks: [...this.loginLinks.values()],
      owner: [...this.owner.entries()],
      paidOutBy: [...this.paidOutBy.entries()],
      connectEndpoints: [...this.connectEndpoints],
      lastPayoutRun: this.lastPayoutRun,
    };
  }

  load(s: ConnectSnapshot | undefined): void {
    this.clear();
    if (!s) return;
    const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((o): [string, T] => [o.id, o]));
    this.accounts = byId(s.accounts);
    this.transfers = byId(s.transfers);
    this.transferReversals = byId(s.transferReversals);
    this.applicationFees = byId(s.applicationFees);
    this.feeRefunds = byId(s.feeRefunds);
    this.payouts = byId(s.payouts);
    this.bankAccounts = byId(s.bankAccounts);
    this.bankAccountNumbers = new Map(s.bankAccountNumbers);
    this.accountLinks = new Map(s.accountLinks.map((l): [string, AccountLinkRecord] => [l.token, l]));
    this.loginLinks = new Map(s.loginLinks.map((l): [string, LoginLinkRecord] => [l.token, l]));
    this.owner = new Map(s.owner);
    this.paidOutBy = new Map(s.paidOutBy);
    this.connectEndpoints = new Set(s.connectEndpoints);
    this.lastPayoutRun = s.lastPayoutRun;
  }
}

export interface ConnectSnapshot {
  accounts: Stripe.Account[];
  transfers: Stripe.Transfer[];
  transferReversals: Stripe.TransferReversal[];
  applicationFees: Stripe.ApplicationFee[];
  feeRefunds: Stripe.FeeRefund[];
  payouts: Stripe.Payout[];
  bankAccounts: Stripe.BankAccount[];
  bankAccountNumbers: [string, string][];
  accountLinks: AccountLinkRecord[];
  loginLinks: LoginLinkRecord[];
  owner: [string, string][];
  paidOutBy: [string, string][];
  connectEndpoints: string[];
  lastPayoutRun: number;
}
