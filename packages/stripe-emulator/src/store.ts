import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type Stripe from 'stripe';
import { type ConnectSnapshot, ConnectState } from './connect-state.js';

/** An Event as the emulator stores and sends it (Stripe's Event envelope; data.object is any resource). */
export interface EmulatorEvent extends Stripe.EventBase {
  type: Stripe.Event.Type;
}

export interface IdempotencyRecord {
  key: string;
  /** `${method} ${path}` of the first request. */
  route: string;
  /** Stable JSON of the first request's parameters. */
  fingerprint: string;
  createdAt: number;
  /** Set once the first request finished. */
  response?: { statusCode: number; body: unknown };
}

/** All emulated state. One Map per object kind keeps insertion order (lists are newest first). */
export class Store {
  customers = new Map<string, Stripe.Customer>();
  /** Ids of deleted customers: Stripe still answers a retrieve of one (`deleted: true`). */
  deletedCustomers = new Set<string>();
  paymentMethods = new Map<string, Stripe.PaymentMethod>();
  paymentIntents = new Map<string, Stripe.PaymentIntent>();
  charges = new Map<string, Stripe.Charge>();
  refunds = new Map<string, Stripe.Refund>();
  disputes = new Map<string, Stripe.Dispute>();
  balanceTransactions = new Map<string, Stripe.BalanceTransaction>();
  events = new Map<string, EmulatorEvent>();
  webhookEndpoints = new Map<string, Stripe.WebhookEndpoint>();
  /** Card number behind each PaymentMethod id (decides how a confirm with it behaves). */
  cardNumbers = new Map<string, string>();
  /** 3-D Secure challenge outcome pending on a PaymentIntent: the PaymentMethod being authenticated. */
  pendingAuth = new Map<string, string>();
  idempotency = new Map<string, IdempotencyRecord>();
  /** Connected accounts, transfers, application fees, payouts (see connect-state.ts). */
  readonly connect = new ConnectState();

  clear(): void {
    for (const map of this.#maps()) map.clear();
    this.connect.clear();
    this.deletedCustomers.clear();
  }

  #maps(): Map<string, unknown>[] {
    return [
      this.customers,
      this.paymentMethods,
      this.paymentIntents,
      this.charges,
      this.refunds,
      this.disputes,
      this.balanceTransactions,
      this.events,
      this.webhookEndpoints,
      this.cardNumbers,
      this.pendingAuth,
      this.idempotency,
    ];
  }

  /** Finds any stored object by id, using Stripe's id prefixes (used by `expand`). */
  lookup(id: string): object | undefined {
    const prefix = id.slice(0, id.indexOf('_'));
    switch (prefix) {
      case 'cus':
        return this.customers.get(id);
      case 'pm':
        return this.paymentMethods.get(id);
      case 'pi':
        return this.paymentIntents.get(id);
      case 'ch':
      case 'py':
        return this.charges.get(id);
      case 're':
        return this.refunds.get(id);
      case 'dp':
      case 'du':
        return this.disputes.get(id);
      case 'txn':
        return this.balanceTransactions.get(id);
      case 'evt':
        return this.events.get(id);
      case 'we':
        return this.webhookEndpoints.get(id);
      case 'pyr':
        return this.refunds.get(id);
      default:
        return this.connect.lookup(id);
    }
  }

  toSnapshot(): Snapshot {
    return {
      version: 1,
      customers: [...this.customers.values()],
      deletedCustomers: [...this.deletedCustomers],
      paymentMethods: [...this.paymentMethods.values()],
      paymentIntents: [...this.paymentIntents.values()],
      charges: [...this.charges.values()],
      refunds: [...this.refunds.values()],
      disputes: [...this.disputes.values()],
      balanceTransactions: [...this.balanceTransactions.values()],
      events: [...this.events.values()],
      webhookEndpoints: [...this.webhookEndpoints.values()],
      cardNumbers: [...this.cardNumbers.entries()],
      pendingAuth: [...this.pendingAuth.entries()],
      idempotency: [...this.idempotency.values()].filter((r) => r.response !== undefined),
      connect: this.connect.toSnapshot(),
    };
  }

  loadSnapshot(s: Snapshot): void {
    this.clear();
    const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((o): [string, T] => [o.id, o]));
    this.customers = byId(s.customers);
    this.deletedCustomers = new Set(s.deletedCustomers ?? []);
    this.paymentMethods = byId(s.paymentMethods);
    this.paymentIntents = byId(s.paymentIntents);
    this.charges = byId(s.charges);
    this.refunds = byId(s.refunds);
    this.disputes = byId(s.disputes);
    this.balanceTransactions = byId(s.balanceTransactions);
    this.events = byId(s.events);
    this.webhookEndpoints = byId(s.webhookEndpoints);
    this.cardNumbers = new Map(s.cardNumbers);
    this.pendingAuth = new Map(s.pendingAuth);
    this.idempotency = new Map(s.idempotency.map((r): [string, IdempotencyRecord] => [r.key, r]));
    this.connect.load(s.connect);
  }

  saveTo(file: string): void {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.toSnapshot()));
    renameSync(tmp, file);
  }

  /** Loads a snapshot file if it exists; returns whether one was loaded. */
  loadFrom(file: string): boolean {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return false;
    }
    const parsed: Snapshot = JSON.parse(text);
    if (parsed.version !== 1) throw new Error(`Unsupported emulator snapshot version in ${file}`);
    this.loadSnapshot(parsed);
    return true;
  }
}

export interface Snapshot {
  version: 1;
  customers: Stripe.Customer[];
  /** Absent in snapshots written before deleted customers were kept. */
  deletedCustomers?: string[];
  paymentMethods: Stripe.PaymentMethod[];
  paymentIntents: Stripe.PaymentIntent[];
  charges: Stripe.Charge[];
  refunds: Stripe.Refund[];
  disputes: Stripe.Dispute[];
  balanceTransactions: Stripe.BalanceTransaction[];
  events: EmulatorEvent[];
  webhookEndpoints: Stripe.WebhookEndpoint[];
  cardNumbers: [string, string][];
  pendingAuth: [string, string][];
  idempotency: IdempotencyRecord[];
  /** Absent in snapshots written before Connect existed. */
  connect?: ConnectSnapshot;
}
