import type { Scheduler } from './clock.js';
import type { Params } from './params.js';
import type { Store } from './store.js';
import type { WebhookDispatcher } from './webhooks.js';

/** `request` of events: which API request caused them (null id for automatic changes). */
export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

export const AUTOMATIC: RequestInfo = { id: null, idempotency_key: null };

export interface Timings {
  /** Delay before a `pm_card_createDispute` payment gets its dispute. */
  disputeDelayMs: number;
  /** Delay before a `pm_card_refundFail` refund turns `failed`. */
  refundFailDelayMs: number;
}

/** Everything a resource handler needs; built once per emulator. */
export interface Ctx {
  store: Store;
  scheduler: Scheduler;
  webhooks: WebhookDispatcher;
  timings: Timings;
  apiVersion: string;
  /** Public base URL of the emulator (for receipt and 3-D Secure links). */
  baseUrl(): string;
  /** Marks state dirty (snapshot file). */
  changed(): void;
}

export interface ApiRequest {
  params: Params;
  path: Record<string, string>;
  auth: 'secret' | 'publishable';
  request: RequestInfo;
  /** The connected account named by the `Stripe-Account` header (null: the platform). */
  account: string | null;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Allowed with a publishable key (Stripe.js endpoints). */
  publishable?: boolean;
  /** Honours the `Stripe-Account` header (acts on that connected account); other routes refuse it. */
  connect?: boolean;
  handler: (ctx: Ctx, req: ApiRequest) => object | Promise<object>;
}

export function now(ctx: Ctx): number {
  return ctx.scheduler.nowSeconds();
}
