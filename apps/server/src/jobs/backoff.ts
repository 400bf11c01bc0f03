/**
 * Delay before retry number `attempt` (1 = the first retry): 30 s doubling, capped at an hour.
 * 8 attempts span about an hour; a transient outage (SMTP down, Stripe slow, a payment row not
 * committed yet) is usually over well before that.
 */
export function retryDelayMs(attempt: number, { baseMs = 30_000, capMs = 3_600_000 } = {}): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(capMs, baseMs * 2 ** Math.min(exponent, 20));
}

/** An error's message for a lastError column: one line, bounded, never a stack. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 1000);
}
