/**
 * The emulator's clock. Everything time-based (object `created` stamps, idempotency-key expiry,
 * webhook retries, delayed disputes and refund failures) reads this clock, so tests can move time
 * forward with `advance()` instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the emulator sees it. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A base clock (the system's unless one is injected) plus the offset that `advance()` adds. */
export class EmulatorClock implements Clock {
  offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
}

interface Task {
  dueAt: number;
  run: () => void;
  timer: NodeJS.Timeout | undefined;
  done: boolean;
}

/**
 * Runs callbacks after a delay measured on the emulator clock. A real timer fires them in real
 * time; `advance(ms)` moves the clock and runs every task that became due at once.
 */
export class Scheduler {
  readonly #tasks = new Set<Task>();
  #closed = false;

  constructor(readonly clock: EmulatorClock) {}

  nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  schedule(delayMs: number, run: () => void): void {
    if (this.#closed) return;
    const task: Task = { dueAt: this.clock.now() + delayMs, run, timer: undefined, done: false };
    task.timer = setTimeout(() => this.#fire(task), Math.max(0, delayMs));
    task.timer.unref();
    this.#tasks.add(task);
  }

  #fire(task: Task): void {
    if (task.done) return;
    task.done = true;
    clearTimeout(task.timer);
    this.#tasks.delete(task);
    task.run();
  }

  /**
   * Moves the emulator clock forward and runs every task that falls due on the way, in order, each
   * with the clock set to its due time (so a daily task runs once per day passed, on its day).
   */
  advance(ms: number): void {
    const target = this.clock.now() + ms;
    for (;;) {
      let next: Task | undefined;
      for (const t of this.#tasks) if (t.dueAt <= target && (!next || t.dueAt < next.dueAt)) next = t;
      if (!next) break;
      const now = this.clock.now();
      if (next.dueAt > now) this.clock.offsetMs += next.dueAt - now;
      this.#fire(next);
    }
    const now = this.clock.now();
    if (target > now) this.clock.offsetMs += target - now;
  }

  /** Drops every pending task (reset / close). */
  clear(): void {
    for (const task of this.#tasks) {
      task.done = true;
      clearTimeout(task.timer);
    }
    this.#tasks.clear();
  }

  close(): void {
    this.#closed = true;
    this.clear();
  }
}
