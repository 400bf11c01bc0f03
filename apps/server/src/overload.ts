import { type Db, poolPressureOf } from '@enrollpay/db';
import underPressure from '@fastify/under-pressure';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Env } from './env.js';

/** Seconds a refused client is told to wait (Retry-After). */
export const OVERLOAD_RETRY_AFTER_SECONDS = 2;

/** In tRPC's error envelope, so the web client shows the message like any SERVICE_UNAVAILABLE. */
const BODY = {
  error: {
    message: 'The service is busy right now; please retry shortly (the same request is safe to repeat)',
    // JSON-RPC's server-error code, which tRPC uses for every 5xx.
    code: -32603,
    data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 },
  },
};

/**
 * Early refusal instead of a slow failure: a request is answered 503 with Retry-After before any work
 * when the event loop lags (@fastify/under-pressure), when the query that has waited longest for a
 * database connection has already waited OVERLOAD_POOL_WAIT_MS (`poolWait`: a request admitted now
 * would wait at least as long; a burst of one-statement requests waits a few ms and is served), or when
 * OVERLOAD_POOL_QUEUE queries wait however short the wait (`poolQueue`, a hard cap on the queue, for the
 * moments before a stalled pool's oldest waiter reaches the budget). /healthz and /metrics are always
 * answered (a loaded instance is alive, and its metrics matter most then). Queries that still time out
 * waiting for a connection or a transaction are mapped to SERVICE_UNAVAILABLE too (isOverloadError).
 */
const overload: FastifyPluginAsync<{ db: Db; env: Env; onRefused?: (reason: string) => void }> = async (
  app,
  { db, env, onRefused },
) => {
  const exempt = (url: string) => url === '/healthz' || url.startsWith('/metrics');
  const refuse = (reason: string) => {
    onRefused?.(reason);
    return BODY;
  };
  await app.register(underPressure, {
    maxEventLoopDelay: env.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS,
    // The mean delay over each second. (A second without one sample counts as infinitely late.)
    sampleInterval: 1000,
    retryAfter: OVERLOAD_RETRY_AFTER_SECONDS,
    // Returning nothing lets the request through; /healthz and /metrics always pass. Fastify stops a
    // request whose reply was sent in an onRequest hook.
    pressureHandler: (request, reply, type) => {
      if (exempt(request.url)) return;
      void reply.code(503).header('retry-after', OVERLOAD_RETRY_AFTER_SECONDS).send(refuse(type));
    },
  });
  // Looked up once: the check runs on every request, reads two numbers and allocates nothing.
  const pool = poolPressureOf(db);
  const waitBudgetMs = env.OVERLOAD_POOL_WAIT_MS;
  // Callback style: an async hook costs every request a promise and a microtask.
  app.addHook('onRequest', (request, reply, done) => {
    const waiting = pool ? pool.waiting() : 0;
    if (waiting === 0 || !pool || exempt(request.url)) return done();
    const reason =
      waiting >= env.OVERLOAD_POOL_QUEUE
        ? 'poolQueue'
        : waitBudgetMs > 0 && pool.oldestWaitMs() >= waitBudgetMs
          ? 'poolWait'
          : undefined;
    if (!reason) return done();
    // A reply sent from an onRequest hook ends the request there (done() is not called).
    reply.code(503).header('retry-after', OVERLOAD_RETRY_AFTER_SECONDS).send(refuse(reason));
  });
};

export const overloadGuard = fp(overload, { name: 'enrollpay-overload' });

/**
 * Errors that mean "too busy", not "broken": a pool connection or an interactive transaction not had
 * in time, a statement cancelled by its timeout, too many connections. They become 503s.
 */
export function isOverloadError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    if (typeof e !== 'object') return false;
    const code = 'code' in e ? String(e.code) : '';
    const message = e instanceof Error ? e.message : '';
    if (['P2024', 'P2028', '57014', '53300'].includes(code)) return true;
    if (
      /timeout exceeded when trying to connect|Unable to start a transaction in the given time|Transaction already closed|connection timeout|too many clients/i.test(
        message,
      )
    )
      return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}
