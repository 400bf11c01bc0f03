import type Stripe from 'stripe';
import type { ScenarioResult } from './scenarios.js';
import type { EmulatorEvent } from './store.js';
import type { DeliveryAttempt, DeliveryControls, WebhookTarget } from './webhooks.js';

/**
 * Typed HTTP client for the emulator's `/_emulator/*` test controls, for tests that run the
 * emulator in another process (or just prefer HTTP).
 */
export class EmulatorControls {
  /** `token`: the emulator's control token (`Emulator.controlToken`, or what `pnpm dev` prints). */
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  async #call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    const authorization = `Bearer ${this.token}`;
    const res = await fetch(`${this.baseUrl}/_emulator${path}`, {
      method,
      ...(method === 'POST'
        ? {
            headers: { 'content-type': 'application/json', authorization },
            body: JSON.stringify(body ?? {}),
          }
        : { headers: { authorization } }),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`emulator control ${path} failed (${res.status}): ${JSON.stringify(json)}`);
    return json as T;
  }

  health(): Promise<{ ok: true }> {
    return this.#call('GET', '/health');
  }
  pauseDelivery(): Promise<unknown> {
    return this.#call('POST', '/webhooks/pause');
  }
  resumeDelivery(): Promise<unknown> {
    return this.#call('POST', '/webhooks/resume');
  }
  /** The next `count` deliveries are lost (logged as `dropped`, never retried). */
  dropNext(count: number): Promise<unknown> {
    return this.#call('POST', '/webhooks/drop', { count });
  }
  duplicate(enabled: boolean): Promise<unknown> {
    return this.#call('POST', '/webhooks/duplicate', { enabled });
  }
  shuffle(enabled: boolean): Promise<unknown> {
    return this.#call('POST', '/webhooks/shuffle', { enabled });
  }
  deliveryControls(): Promise<DeliveryControls> {
    return this.#call('GET', '/webhooks/controls');
  }
  /** Resolves when no delivery is queued or in flight (scheduled retries excluded). */
  idle(): Promise<unknown> {
    return this.#call('POST', '/webhooks/idle');
  }
  /** `connect: true` adds a Connect endpoint (events of connected accounts only). */
  addWebhookTarget(
    url: string,
    secret: string,
    enabledEvents?: string[],
    connect?: boolean,
  ): Promise<WebhookTarget> {
    return this.#call('POST', '/webhooks/targets', {
      url,
      secret,
      ...(enabledEvents ? { enabled_events: enabledEvents } : {}),
      ...(connect ? { connect: true } : {}),
    });
  }
  /** What the onboarding page's "Complete onboarding" button does (optionally with a test bank account number). */
  completeOnboarding(accountId: string, bankAccountNumber?: string): Promise<Stripe.Account> {
    return this.#call(
      'POST',
      `/accounts/${encodeURIComponent(accountId)}/complete-onboarding`,
      bankAccountNumber ? { account_number: bankAccountNumber } : {},
    );
  }
  /** Stripe asks the account for more information; with a `disabledReason` its charges and payouts stop. */
  requireInformation(
    accountId: string,
    currentlyDue: string[],
    disabledReason?: string,
  ): Promise<Stripe.Account> {
    return this.#call('POST', `/accounts/${encodeURIComponent(accountId)}/require-information`, {
      currently_due: currentlyDue,
      ...(disabledReason ? { disabled_reason: disabledReason } : {}),
    });
  }
  /** A pending payout arrives now: paid, or failed if its bank account is a failing test account. */
  arrivePayout(payoutId: string): Promise<Stripe.Payout> {
    return this.#call('POST', `/payouts/${encodeURIComponent(payoutId)}/arrive`);
  }
  /** Runs today's scheduled payouts now (as the 00:00 UTC run would). */
  async runPayouts(): Promise<Stripe.Payout[]> {
    const res = await this.#call<{ data: Stripe.Payout[] }>('POST', '/payouts/run');
    return res.data;
  }
  /** The bank rejects a pending payout (`payout.failed`; the money returns to the balance). */
  failPayout(payoutId: string, failureCode?: string): Promise<Stripe.Payout> {
    return this.#call(
      'POST',
      `/payouts/${encodeURIComponent(payoutId)}/fail`,
      failureCode ? { failure_code: failureCode } : {},
    );
  }
  async deliveries(filter: { eventId?: string; endpointId?: string } = {}): Promise<DeliveryAttempt[]> {
    const q = new URLSearchParams();
    if (filter.eventId) q.set('event', filter.eventId);
    if (filter.endpointId) q.set('endpoint', filter.endpointId);
    const res = await this.#call<{ data: DeliveryAttempt[] }>('GET', `/deliveries?${q}`);
    return res.data;
  }
  /** All events, oldest first (no pagination), optionally of one type. */
  async events(type?: string): Promise<EmulatorEvent[]> {
    const res = await this.#call<{ data: EmulatorEvent[] }>(
      'GET',
      `/events${type ? `?type=${encodeURIComponent(type)}` : ''}`,
    );
    return res.data;
  }
  resend(eventId: string, endpointId?: string): Promise<{ queued: number }> {
    return this.#call(
      'POST',
      `/events/${encodeURIComponent(eventId)}/resend`,
      endpointId ? { endpoint: endpointId } : {},
    );
  }
  /** Moves the emulator clock forward; due retries, disputes and refund failures run. */
  advanceClock(ms: number): Promise<{ now: number }> {
    return this.#call('POST', '/clock/advance', { ms });
  }
  reset(): Promise<unknown> {
    return this.#call('POST', '/reset');
  }
  resolveDispute(disputeId: string, outcome: 'won' | 'lost'): Promise<Stripe.Dispute> {
    return this.#call('POST', `/disputes/${encodeURIComponent(disputeId)}/resolve`, { outcome });
  }
  /** Completes or fails the pending 3-D Secure challenge of a PaymentIntent. */
  authenticate(paymentIntentId: string, outcome: 'complete' | 'fail'): Promise<Stripe.PaymentIntent> {
    return this.#call('POST', `/payment_intents/${encodeURIComponent(paymentIntentId)}/authenticate`, {
      outcome,
    });
  }
  /** Like `stripe trigger <event>`. */
  trigger(event: string): Promise<ScenarioResult> {
    return this.#call('POST', '/trigger', { event });
  }
  /** Delay every API POST by `ms` (after its idempotency key is taken). */
  setLatency(ms: number): Promise<unknown> {
    return this.#call('POST', '/latency', { ms });
  }
  /** The next `count` API requests answer 429. */
  rateLimitNext(count: number): Promise<unknown> {
    return this.#call('POST', '/rate-limit', { count });
  }
}
