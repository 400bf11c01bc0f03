import type { Clock } from './clock.js';
import { StripeApiError } from './errors.js';
import type { IdempotencyRecord, Store } from './store.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** JSON with sorted object keys, so parameter order does not change a request's fingerprint. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export type IdempotencyDecision =
  | { kind: 'new'; record: IdempotencyRecord }
  | { kind: 'replay'; record: IdempotencyRecord & { response: { statusCode: number; body: unknown } } };

/**
 * Looks a key up before a POST runs: a finished first request is replayed; the same key with
 * other parameters is a 400 `idempotency_error`; the same key still in flight is a 409.
 */
export function beginIdempotent(
  store: Store,
  clock: Clock,
  scope: string,
  key: string,
  route: string,
  params: unknown,
): IdempotencyDecision {
  const id = `${scope}:${key}`;
  const fingerprint = stableStringify(params);
  const existing = store.idempotency.get(id);
  if (existing && clock.now() - existing.createdAt > IDEMPOTENCY_TTL_MS) store.idempotency.delete(id);
  const record = store.idempotency.get(id);
  if (!record) {
    const fresh: IdempotencyRecord = { key: id, route, fingerprint, createdAt: clock.now() };
    store.idempotency.set(id, fresh);
    return { kind: 'new', record: fresh };
  }
  if (record.route !== route || record.fingerprint !== fingerprint) {
    throw new StripeApiError(400, {
      type: 'idempotency_error',
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    });
  }
  if (!record.response) {
    throw new StripeApiError(409, {
      type: 'invalid_request_error',
      code: 'idempotency_key_in_use',
      message: `There is currently another in-progress request using this Stripe-Idempotency-Key (${key}). Please try again later.`,
    });
  }
  return { kind: 'replay', record: { ...record, response: record.response } };
}

/** Stores the first response. Validation failures are not saved (as Stripe): the key can be reused. */
export function finishIdempotent(
  store: Store,
  record: IdempotencyRecord,
  statusCode: number,
  body: unknown,
  save: boolean,
): void {
  if (!save) {
    store.idempotency.delete(record.key);
    return;
  }
  record.response = { statusCode, body };
}
