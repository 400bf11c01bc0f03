import type { Db } from '@enrollpay/db';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Env } from '../env.js';
import { RateLimitedError } from '../errors.js';

/**
 * The Postgres-backed rate limiter, a dependency of the app like the mailer (the tRPC middleware that
 * applies it, `moneyRateLimit`, is in trpc/procedures.ts). Limits money-moving mutations
 * (payments.createIntent, payments.refund) to RATE_LIMIT_PER_MINUTE per minute per client IP and per
 * user, with rate-limiter-flexible's Postgres store: every server instance counts in the same table, so
 * the limit holds behind a load balancer.
 */
export interface MoneyRateLimiter {
  /** Takes one point for the IP and one for the user; throws RateLimitedError when either is used up. */
  consume(keys: { ip: string; userId: string | null }): Promise<void>;
}

export const RATE_LIMIT_TABLE = 'rate_limit_money';

/**
 * rate-limiter-flexible speaks node-postgres (`query({ text, values })` → `{ rows, rowCount }`). This
 * adapter runs its statements through the app's Prisma client, so the limiter shares the app's pool and
 * needs no second connection string. Its `expire` column is bigint, which Prisma returns as BigInt;
 * the library does arithmetic with it, so it gets numbers.
 */
function pgCompatibleClient(db: Db) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const values = q.values ?? [];
      if (/^\s*select\b|\breturning\b/i.test(q.text)) {
        const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(q.text, ...values);
        const plain = rows.map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
        );
        return { rows: plain, rowCount: plain.length };
      }
      const rowCount = await db.$executeRawUnsafe(q.text, ...values);
      return { rows: [], rowCount };
    },
  };
}

export function createMoneyRateLimiter(db: Db, env: Pick<Env, 'RATE_LIMIT_PER_MINUTE'>): MoneyRateLimiter {
  // The table comes from a migration (model RateLimitBucket), so the library must not create it.
  const limiter = new RateLimiterPostgres({
    storeClient: pgCompatibleClient(db),
    storeType: 'client',
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    keyPrefix: 'money',
    points: env.RATE_LIMIT_PER_MINUTE,
    duration: 60,
  });

  return {
    async consume({ ip, userId }) {
      const keys = [`ip:${ip}`, ...(userId ? [`user:${userId}`] : [])];
      const results = await Promise.allSettled(keys.map((key) => limiter.consume(key)));
      let limited = false;
      let waitMs = 0;
      for (const result of results) {
        if (result.status === 'fulfilled') continue;
        if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
        limited = true;
        waitMs = Math.max(waitMs, result.reason.msBeforeNext);
      }
      if (limited) throw new RateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)));
    },
  };
}
