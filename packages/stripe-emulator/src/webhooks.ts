import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Scheduler } from './clock.js';
import { newId } from './ids.js';
import type { EmulatorEvent, Store } from './store.js';

/** A place events are delivered to: a registered webhook endpoint or one given at start-up. */
export interface WebhookTarget {
  id: string;
  url: string;
  secret: string;
  enabledEvents: string[];
  /** A Connect endpoint: receives events of connected accounts (those with `account`), and only those. */
  connect?: boolean;
}

export interface DeliveryAttempt {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  /** 1 for the first try of this event at this endpoint, 2 for the first retry, ... */
  attempt: number;
  outcome: 'succeeded' | 'failed' | 'dropped';
  statusCode: number | null;
  error: string | null;
  /** Wall-clock milliseconds when the attempt started. */
  at: number;
  durationMs: number;
  /** Emulator-clock milliseconds of the scheduled retry, or null when none follows. */
  nextRetryAt: number | null;
  /** True for the second copy sent while the "duplicate" control is on. */
  duplicate: boolean;
}

export interface DeliveryControls {
  paused: boolean;
  /** How many upcoming deliveries are silently lost (never retried). */
  dropNext: number;
  /** Send every delivery twice. */
  duplicate: boolean;
  /** Take queued deliveries in random order. */
  shuffle: boolean;
}

interface QueueItem {
  eventId: string;
  attempt: number;
}

/** Stripe-compatible `Stripe-Signature` header for `payload` (HMAC-SHA256 of `${t}.${payload}`). */
export function signPayload(payload: string, secret: string, timestampSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}

export interface WebhookOptions {
  /** Delays (ms, on the emulator clock) before each retry; its length is the number of retries. */
  retrySchedule: number[];
  /** Per-attempt timeout in ms. */
  timeoutMs: number;
  log: (msg: string) => void;
}

/**
 * Delivers events to targets: one sequential queue per target, retries with backoff on a non-2xx
 * answer or a timeout, and the test controls (pause, drop, duplicate, shuffle).
 */
export class WebhookDispatcher {
  readonly controls: DeliveryControls = { paused: false, dropNext: 0, duplicate: false, shuffle: false };
  readonly log: DeliveryAttempt[] = [];
  readonly #queues = new Map<string, QueueItem[]>();
  readonly #pumping = new Set<string>();
  readonly #staticTargets: WebhookTarget[];
  #generation = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly scheduler: Scheduler,
    staticTargets: WebhookTarget[],
    private readonly options: WebhookOptions,
  ) {
    this.#staticTargets = staticTargets;
  }

  targets(): WebhookTarget[] {
    const registered: WebhookTarget[] = [...this.store.webhookEndpoints.values()]
      .filter((we) => we.status === 'enabled')
      .map((we) => ({
        id: we.id,
        url: we.url,
        secret: we.secret ?? '',
        enabledEvents: we.enabled_events,
        connect: this.store.connect.connectEndpoints.has(we.id),
      }));
    return [...this.#staticTargets, ...registered];
  }

  targetsFor(eventType: string, connect = false): WebhookTarget[] {
    return this.targets().filter(
      (t) =>
        (t.connect ?? false) === connect &&
        (t.enabledEvents.includes('*') || t.enabledEvents.includes(eventType)),
    );
  }

  /** Queues a new event for every target that wants it. Returns how many targets that is. */
  enqueue(event: EmulatorEvent, onlyEndpoint?: string): number {
    const targets = this.targetsFor(event.type, event.account !== undefined).filter(
      (t) => !onlyEndpoint || t.id === onlyEndpoint,
    );
    for (const target of targets) this.#push(target.id, { eventId: event.id, attempt: 1 });
    return targets.length;
  }

  #push(targetId: string, item: QueueItem): void {
    const queue = this.#queues.get(targetId) ?? [];
    queue.push(item);
    this.#queues.set(targetId, queue);
    setImmediate(() => void this.#pump(targetId));
  }

  pause(): void {
    this.controls.paused = true;
  }

  resume(): void {
    this.controls.paused = false;
    for (const targetId of this.#queues.keys()) setImmediate(() => void this.#pump(targetId));
  }

  /** Number of deliveries waiting in queues (not counting scheduled retries). */
  queued(): number {
    let n = 0;
    for (const q of this.#queues.values()) n += q.length;
    return n;
  }

  /** Resolves when no delivery is queued or in flight (scheduled retries do not count). */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #isIdle(): boolean {
    return this.#pumping.size === 0 && (this.controls.paused || this.queued() === 0);
  }

  #notifyIdle(): void {
    if (!this.#isIdle()) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const w of waiters) w();
  }

  reset(): void {
    this.#generation++;
    this.#queues.clear();
    this.log.length = 0;
    Object.assign(this.controls, { paused: false, dropNext: 0, duplicate: false, shuffle: false });
    this.#notifyIdle();
  }

  async #pump(targetId: string): Promise<void> {
    if (this.#pumping.has(targetId)) return;
    this.#pumping.add(targetId);
    const generation = this.#generation;
    try {
      for (;;) {
        if (this.controls.paused || generation !== this.#generation) break;
        const queue = this.#queues.get(targetId);
        if (!queue || queue.length === 0) break;
        const index = this.controls.shuffle ? Math.floor(Math.random() * queue.length) : 0;
        const [item] = queue.splice(index, 1);
        const target = this.targets().find((t) => t.id === targetId);
        if (!item || !target) continue;
        await this.#deliver(target, item);
      }
    } finally {
      this.#pumping.delete(targetId);
      this.#notifyIdle();
    }
  }

  async #deliver(target: WebhookTarget, item: QueueItem): Promise<void> {
    const event = this.store.events.get(item.eventId);
    if (!event) return;
    if (this.controls.dropNext > 0) {
      this.controls.dropNext--;
      this.#record(
        target,
        event,
        item.attempt,
        { outcome: 'dropped', statusCode: null, error: 'dropped by control' },
        0,
        null,
        false,
      );
      this.options.log(`webhook ${event.type} ${event.id} → ${target.url}: dropped by control`);
      return;
    }
    const copies = this.controls.duplicate ? 2 : 1;
    let ok = false;
    const results: { result: SendResult; started: number; durationMs: number }[] = [];
    for (let copy = 0; copy < copies; copy++) {
      const started = Date.now();
      const result = await this.#send(target, event);
      results.push({ result, started, durationMs: Date.now() - started });
      ok = ok || result.outcome === 'succeeded';
    }
    const retryIndex = item.attempt - 1;
    const delay = this.options.retrySchedule[retryIndex];
    const nextRetryAt = !ok && delay !== undefined ? this.scheduler.clock.now() + delay : null;
    results.forEach(({ result, started, durationMs }, i) => {
      this.#record(target, event, item.attempt, result, durationMs, nextRetryAt, i > 0, started);
    });
    if (ok) {
      event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    } else if (delay !== undefined) {
      const generation = this.#generation;
      this.scheduler.schedule(delay, () => {
        if (generation === this.#generation)
          this.#push(target.id, { eventId: event.id, attempt: item.attempt + 1 });
      });
    }
  }

  async #send(target: WebhookTarget, event: EmulatorEvent): Promise<SendResult> {
    const payload = JSON.stringify(event, null, 2);
    const signature = signPayload(payload, target.secret, Math.floor(Date.now() / 1000));
    try {
      const res = await post(target.url, payload, signature, this.options.timeoutMs);
      const ok = res.status >= 200 && res.status < 300;
      this.options.log(`webhook ${event.type} ${event.id} → ${target.url}: ${res.status}`);
      return {
        outcome: ok ? 'succeeded' : 'failed',
        statusCode: res.status,
        error: ok ? null : `HTTP ${res.status}`,
      };
    } catch (err) {
      const message =
        err instanceof Error
          ? err.name === 'TimeoutError' || err.name === 'AbortError'
            ? 'timed out'
            : err.message
          : String(err);
      this.options.log(`webhook ${event.type} ${event.id} → ${target.url}: ${message}`);
      return { outcome: 'failed', statusCode: null, error: message };
    }
  }

  #record(
    target: WebhookTarget,
    event: EmulatorEvent,
    attempt: number,
    result: SendResult,
    durationMs: number,
    nextRetryAt: number | null,
    duplicate: boolean,
    at = Date.now(),
  ): void {
    this.log.push({
      id: newId('wha'),
      eventId: event.id,
      eventType: event.type,
      endpointId: target.id,
      url: target.url,
      attempt,
      outcome: result.outcome,
      statusCode: result.statusCode,
      error: result.error,
      at,
      durationMs,
      nextRetryAt,
      duplicate,
    });
  }
}

interface SendResult {
  outcome: DeliveryAttempt['outcome'];
  statusCode: number | null;
  error: string | null;
}

/**
 * One delivery on its own connection (no keep-alive), as Stripe's deliveries are: a pooled socket left
 * open to the receiver would keep its server from closing until the keep-alive timeout.
 */
function post(url: string, body: string, signature: string, timeoutMs: number): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          connection: 'close',
          'stripe-signature': signature,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
