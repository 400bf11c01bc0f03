/**
 * How long a pool's outstanding connection requests have been waiting. Each `connect` takes a ticket
 * (`begin`) and gives it back once it has a connection or has failed (`end`). `oldestMs()` is the age
 * of the oldest ticket not yet given back: 0 when nobody waits, a few ms for a burst of short queries,
 * and growing by the millisecond while every connection is held by slow work.
 *
 * pg-pool hands connections out first come, first served, so the oldest waiter's age is what a query
 * arriving now can expect to wait at least. It is meant to be read on every request, so it costs no
 * allocation: a ring of start times indexed by ticket (grown, never shrunk, when more wait at once
 * than it holds), the oldest found by skipping tickets already given back.
 */
export class ConnectionWaits {
  /** Start time (performance.now()) of each outstanding ticket, at `ticket & mask`; NaN once ended. */
  #starts = new Float64Array(64);
  #mask = 63;
  /** The oldest ticket that may still be outstanding. */
  #head = 0;
  /** The next ticket to hand out. */
  #tail = 0;

  /** A connection is asked for now; returns the ticket to pass to `end`. */
  begin(now: number = performance.now()): number {
    if (this.#tail - this.#head > this.#mask) this.#grow();
    const ticket = this.#tail++;
    this.#starts[ticket & this.#mask] = now;
    return ticket;
  }

  /** The request of `ticket` has a connection, or has failed: it no longer waits. */
  end(ticket: number): void {
    if (ticket < this.#head || ticket >= this.#tail) return;
    this.#starts[ticket & this.#mask] = Number.NaN;
    while (this.#head < this.#tail && Number.isNaN(this.#starts[this.#head & this.#mask])) this.#head++;
  }

  /** Milliseconds the longest-waiting outstanding request has waited so far (0 when none waits). */
  oldestMs(now?: number): number {
    if (this.#head === this.#tail) return 0;
    const start = this.#starts[this.#head & this.#mask] ?? 0;
    return Math.max(0, (now ?? performance.now()) - start);
  }

  #grow(): void {
    const size = (this.#mask + 1) * 2;
    const starts = new Float64Array(size);
    for (let t = this.#head; t < this.#tail; t++) starts[t & (size - 1)] = this.#starts[t & this.#mask] ?? 0;
    this.#starts = starts;
    this.#mask = size - 1;
  }
}
