import pg from 'pg';
import { DomainError } from '../errors.js';
import { PAYMENT_STATUS_CHANNEL } from './status-notify.js';

/**
 * This instance's end of the payment status notifications (see status-notify.ts): ONE dedicated
 * PostgreSQL connection that LISTENs on `payment_status`, whatever the number of subscribers, and wakes
 * the local `payments.onStatus` streams watching the payment a notification names. It opens on the first
 * watch and stays open until the app closes.
 *
 * If the connection drops (a restart, a failover, an idle-timeout), it reconnects with backoff (0.1 s
 * doubling, capped at 5 s) and then wakes EVERY watch, since notifications sent while nobody listened are
 * lost: each stream re-reads its payment and sends what changed.
 *
 * It also holds the limits, so a flood of streams is refused before any database work: at most
 * `perUser` open watches per user (TOO_MANY_REQUESTS) and `max` in all (SERVICE_UNAVAILABLE).
 */

export interface StatusHubLimits {
  perUser: number;
  max: number;
}

export interface StatusHubLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** One stream's registration: `changed()` resolves when its payment may have changed. */
export interface StatusWatch {
  /** Resolves once the hub is listening (so no change after this is missed); throws if it cannot. */
  ready(): Promise<void>;
  /** Resolves at the next notification for the payment (or reconnect, or close); true unless closed. */
  changed(): Promise<boolean>;
  readonly closed: boolean;
  /** The server closed it (shutting down), rather than the stream ending. */
  readonly closedByServer: boolean;
  /** Gives the slot back; idempotent. */
  close(): void;
}

export interface PaymentStatusHub {
  watch(userId: string, paymentId: string): StatusWatch;
  /** Open watches (for tests and metrics). */
  readonly size: number;
  /** The listening connection's PostgreSQL backend pid, or null while not connected. */
  readonly listenerPid: number | null;
  /** Where the listener reports losing and regaining its connection (the app's logger). */
  useLog(log: StatusHubLog): void;
  close(): Promise<void>;
}

export class TooManyStatusStreamsError extends DomainError {
  constructor(limit: number) {
    super(
      'TOO_MANY_REQUESTS',
      `You already have ${limit} live payment updates open; close a tab or wait for one to finish`,
      { limit },
    );
  }
}

export class StatusStreamsUnavailableError extends DomainError {
  constructor(message: string) {
    super('SERVICE_UNAVAILABLE', `${message}; the page falls back to checking every few seconds`);
  }
}

/** How long a new stream waits for the listening connection before it is refused. */
const READY_TIMEOUT_MS = 5000;
const BACKOFF_MIN_MS = 100;
const BACKOFF_MAX_MS = 5000;
/** Marks our LISTEN connection in pg_stat_activity. */
export const STATUS_LISTENER_APPLICATION_NAME = 'enrollpay-payment-status';

class Watch implements StatusWatch {
  closed = false;
  closedByServer = false;
  private pending = false;
  private wake: (() => void) | null = null;

  constructor(
    readonly userId: string,
    readonly paymentId: string,
    private readonly hub: Hub,
  ) {}

  ready(): Promise<void> {
    return this.hub.listening();
  }

  changed(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      this.wake = () => {
        this.pending = false;
        resolve(!this.closed);
      };
    });
  }

  notify(): void {
    this.pending = true;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.hub.release(this);
    this.notify();
  }
}

class Hub implements PaymentStatusHub {
  private readonly byPayment = new Map<string, Set<Watch>>();
  private readonly perUser = new Map<string, number>();
  private count = 0;
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private pid: number | null = null;
  private stopped = false;

  private log: StatusHubLog = { warn() {}, info() {} };

  constructor(
    private readonly databaseUrl: string | undefined,
    private readonly limits: StatusHubLimits,
  ) {}

  useLog(log: StatusHubLog): void {
    this.log = log;
  }

  get size() {
    return this.count;
  }

  get listenerPid(): number | null {
    return this.client ? this.pid : null;
  }

  watch(userId: string, paymentId: string): StatusWatch {
    if (this.stopped) throw new StatusStreamsUnavailableError('The server is shutting down');
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser) throw new TooManyStatusStreamsError(this.limits.perUser);
    if (this.count >= this.limits.max) {
      throw new StatusStreamsUnavailableError('The server has as many live updates open as it takes');
    }
    const watch = new Watch(userId, paymentId, this);
    this.perUser.set(userId, mine + 1);
    this.count++;
    let set = this.byPayment.get(paymentId);
    if (!set) {
      set = new Set();
      this.byPayment.set(paymentId, set);
    }
    set.add(watch);
    if (!this.client && !this.connecting && !this.retryTimer) this.connect();
    return watch;
  }

  release(watch: Watch): void {
    const set = this.byPayment.get(watch.paymentId);
    if (!set?.delete(watch)) return;
    if (!set.size) this.byPayment.delete(watch.paymentId);
    const mine = (this.perUser.get(watch.userId) ?? 1) - 1;
    if (mine > 0) this.perUser.set(watch.userId, mine);
    else this.perUser.delete(watch.userId);
    this.count--;
  }

  /** Resolves when LISTEN is in force; refuses after READY_TIMEOUT_MS. */
  async listening(): Promise<void> {
    if (this.client) return;
    if (!this.databaseUrl) throw new StatusStreamsUnavailableError('Live updates are not configured');
    if (!this.connecting && !this.retryTimer) this.connect();
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!this.client) {
      if (this.stopped) throw new StatusStreamsUnavailableError('The server is shutting down');
      const left = deadline - Date.now();
      if (left <= 0) throw new StatusStreamsUnavailableError('Live updates are unavailable right now');
      await Promise.race([
        this.connecting?.catch(() => undefined),
        new Promise((r) => setTimeout(r, Math.min(left, 100))),
      ]);
    }
  }

  private connect(): void {
    this.retryTimer = null;
    if (!this.databaseUrl) return;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: STATUS_LISTENER_APPLICATION_NAME,
      connectionTimeoutMillis: READY_TIMEOUT_MS,
      keepAlive: true,
    });
    // Errors after connect surface here (and as 'end'); without a listener they would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      if (message.channel !== PAYMENT_STATUS_CHANNEL || !message.payload) return;
      for (const watch of this.byPayment.get(message.payload) ?? []) watch.notify();
    });
    this.connecting = (async () => {
      await client.connect();
      await client.query(`LISTEN ${PAYMENT_STATUS_CHANNEL}`);
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      this.pid = rows[0]?.pid ?? null;
    })().then(
      () => {
        this.connecting = null;
        if (this.stopped) {
          void client.end().catch(() => undefined);
          return;
        }
        const reconnected = this.attempt > 0;
        this.client = client;
        this.attempt = 0;
        if (reconnected) {
          this.log.info({ watches: this.count }, 'payment status listener reconnected');
          // Whatever was notified while we were away is lost: every stream re-reads its payment.
          for (const set of this.byPayment.values()) for (const watch of set) watch.notify();
        }
      },
      (error: unknown) => {
        this.connecting = null;
        void client.end().catch(() => undefined);
        this.scheduleReconnect(error);
      },
    );
  }

  private lost(client: pg.Client, error: Error | null): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (!this.stopped) this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: unknown): void {
    if (this.stopped || this.retryTimer) return;
    this.attempt++;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.min(this.attempt - 1, 10));
    this.log.warn(
      { err: error, attempt: this.attempt, delayMs: delay },
      'payment status listener lost its connection; reconnecting',
    );
    this.retryTimer = setTimeout(() => this.connect(), delay);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    for (const set of [...this.byPayment.values()]) {
      for (const watch of [...set]) {
        watch.closedByServer = true;
        watch.close();
      }
    }
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

export function createPaymentStatusHub(
  databaseUrl: string | undefined,
  limits: StatusHubLimits,
): PaymentStatusHub {
  return new Hub(databaseUrl, limits);
}
