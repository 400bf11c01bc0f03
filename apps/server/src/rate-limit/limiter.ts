import type { Db } from '@enrollpay/db';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Env } from '../env.js';
import { DomainError, RateLimitedError } from '../errors.js';

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
  /**
   * auth.signIn: one point per attempt for the email (SIGN_IN_LIMIT_PER_EMAIL per 15 minutes) and the IP
   * (SIGN_IN_LIMIT_PER_IP per 15 minutes). Fails closed: when the counters cannot be read, sign-in is
   * refused (SERVICE_UNAVAILABLE) rather than let through uncounted.
   */
  consumeSignIn(keys: { ip: string; email: string }): Promise<void>;
  /** A correct password clears the email's count, so its owner is not locked out by their own typos. */
  signInSucceeded(email: string): Promise<void>;
  /** payments.confirm (a Stripe retrieve each): CONFIRM_LIMIT_PER_MINUTE per user. */
  consumeConfirm(userId: string): Promise<void>;
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

type LimitEnv = Pick<
  Env,
  'RATE_LIMIT_PER_MINUTE' | 'SIGN_IN_LIMIT_PER_EMAIL' | 'SIGN_IN_LIMIT_PER_IP' | 'CONFIRM_LIMIT_PER_MINUTE'
>;

/** Takes one point from each (limiter, key); throws RateLimitedError with the longest wait when any is used up. */
async function consumeAll(pairs: [RateLimiterPostgres, string][]): Promise<void> {
  const results = await Promise.allSettled(pairs.map(([limiter, key]) => limiter.consume(key)));
  let limited = false;
  let waitMs = 0;
  for (const result of results) {
    if (result.status === 'fulfilled') continue;
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
    limited = true;
    waitMs = Math.max(waitMs, result.reason.msBeforeNext);
  }
  if (limited) throw new RateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)));
}

export function createMoneyRateLimiter(db: Db, env: LimitEnv): MoneyRateLimiter {
  // The table comes from a migration (model RateLimitBucket), so the library must not create it.
  const storeClient = pgCompatibleClient(db);
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterPostgres({
      storeClient,
      storeType: 'client',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      keyPrefix,
      points,
      duration,
    });
  const money = limiter('money', env.RATE_LIMIT_PER_MINUTE, 60);
  const signInEmail = limiter('signin-email', env.SIGN_IN_LIMIT_PER_EMAIL, 15 * 60);
  const signInIp = limiter('signin-ip', env.SIGN_IN_LIMIT_PER_IP, 15 * 60);
  const confirm = limiter('confirm', env.CONFIRM_LIMIT_PER_MINUTE, 60);

  return {
    async consume({ ip, userId }) {
      await consumeAll([
        [money, `ip:${ip}`],
        ...(userId ? [[money, `user:${userId}`] as [RateLimiterPostgres, string]] : []),
      ]);
    },
    async consumeSignIn({ ip, email }) {
      try {
        await consumeAll([
          [signInEmail, `email:${email}`],
          [signInIp, `ip:${ip}`],
        ]);
      } catch (error) {
        if (error instanceof RateLimitedError) throw error;
        throw new SignInUnavailableError(error);
      }
    },
    async signInSucceeded(email) {
      await signInEmail.delete(`email:${email}`).catch(() => undefined);
    },
    async consumeConfirm(userId) {
      await consumeAll([[confirm, `user:${userId}`]]);
    },
  };
}

/** The sign-in counters could not be read: refuse (fail closed) rather than allow unlimited guessing. */
class SignInUnavailableError extends DomainError {
  constructor(cause: unknown) {
    super('SERVICE_UNAVAILABLE', 'Sign-in is unavailable right now; please try again shortly');
    this.cause = cause;
  }
}
