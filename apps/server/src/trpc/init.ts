import { initTRPC, TRPCError } from '@trpc/server';
import { DomainError, RateLimitedError, toTRPCError } from '../errors.js';
import { isOverloadError } from '../overload.js';
import type { Context } from './context.js';

/** Most calls one batched HTTP request may carry (the web client's httpBatchLink uses the same). */
export const MAX_BATCH_SIZE = 10;

interface FieldError {
  path: string;
  message: string;
}

function fieldErrorsOf(cause: unknown): FieldError[] | null {
  if (!cause || typeof cause !== 'object' || !('issues' in cause) || !Array.isArray(cause.issues))
    return null;
  return cause.issues.map(
    (issue: { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message: string }) => ({
      path: (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.'),
      message: issue.message,
    }),
  );
}

/** Longest a subscription stream (payments.onStatus) stays open; the client then reconnects. */
export const SUBSCRIPTION_MAX_DURATION_MS = 120_000;

const t = initTRPC.context<Context>().create({
  // Subscriptions over Server-Sent Events: a ping every 10 s keeps proxies from closing an idle stream
  // (the client reconnects after 25 s without one). After SUBSCRIPTION_MAX_DURATION_MS the connection
  // is cut without a "return" event, so the client reconnects and the procedure sends the current state
  // first; nothing is missed.
  sse: {
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
    maxDurationMs: SUBSCRIPTION_MAX_DURATION_MS,
  },
  errorFormatter({ shape, error }) {
    const fieldErrors = error.code === 'BAD_REQUEST' ? fieldErrorsOf(error.cause) : null;
    const internal = shape.data.httpStatus >= 500 && error.code !== 'SERVICE_UNAVAILABLE';
    const retryAfterSeconds =
      error.cause instanceof RateLimitedError ? error.cause.retryAfterSeconds : undefined;
    return {
      ...shape,
      message: fieldErrors
        ? fieldErrors.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ')
        : shape.message === 'Batch call exceeds maximum size'
          ? `A batch may carry at most ${MAX_BATCH_SIZE} calls; send fewer calls per request`
          : internal
            ? 'Something went wrong on our side'
            : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors,
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        ...(error.cause instanceof DomainError && !internal ? { details: error.cause.details } : {}),
      },
    };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/** Turns domain errors thrown by services into tRPC errors with the right code, in one place. */
const mapDomainErrors = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) throw toTRPCError(cause);
    if (isOverloadError(cause)) {
      ctx.log.warn({ err: cause, path }, 'overloaded: answered SERVICE_UNAVAILABLE');
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is busy right now; please retry shortly (the same request is safe to repeat)',
        cause,
      });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR')
      ctx.log.error({ err: cause ?? result.error, path }, 'procedure failed');
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);
