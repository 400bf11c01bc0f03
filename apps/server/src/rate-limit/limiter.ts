import { type Db, pgPoolOf } from '@enrollpay/db';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Env } from '../env.js';
import { DomainError, RateLimitedError } from '../errors.js';
import { type HotStatement, hotRows, type StatementGate } from '../lib/hot-sql.js';

/**
 * The Postgres-backed rate limiter, a dependency of the app like the mailer (the tRPC middleware that
 * applies it, `moneyRateLimit`, is in trpc/procedures.ts). Limits money-moving mutations
 * (payments.createIntent, payments.refund) to RATE_LIMIT_PER_MINUTE per minute per client IP and per
 * user, with rate-limiter-flexible's Postgres store: every server instance counts in the same table, so
 * the limit holds behind a load balancer.
 *
 * The money limit is on the hottest path we have (every payments.createIntent), so its two points (the
 * IP's and the user's) are taken by one statement (`CONSUME_MONEY`): the library's own upsert, written for
 * two keys at once, on the same table and keys, so its semantics (a fixed window per key that starts at
 * the first point) and its stored counters are unchanged. Sign-in and confirm use the library as is.
 */
export interface MoneyRateLimiter {
  /** Takes one point for the IP and one for the user; throws RateLimitedError when either is used up. */
  consume(keys: { ip: string; userId: string | null }): Promise<void>;
  /**
   * The same, as a gate inside another statement (payments.createIntent sends it with its idempotency
   * claim and checkout read: one round trip for the three): the same upsert on the same keys, and the
   * statement's writes happen only when neither key is used up.
   */
  gate(keys: { ip: string; userId: string | null }): StatementGate;
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

/** The money limit's window: RATE_LIMIT_PER_MINUTE points per key per minute. */
const MONEY_WINDOW_MS = 60_000;

/**
 * rate-limiter-flexible's upsert (RateLimiterPostgres._upsert) for any number of keys in one statement:
 * each key's window starts with its first point and lasts `duration`; a point in an expired window starts
 * a new one. $1: keys, $2: the new window's end (epoch ms), $3: now (epoch ms).
 */
const consumeMoney = (n: number) => `
    INSERT INTO ${RATE_LIMIT_TABLE} (key, points, expire)
    SELECT k, 1, $${n + 1}::bigint FROM unnest($${n}::text[]) AS k
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN ${RATE_LIMIT_TABLE}.expire <= $${n + 2}::bigint THEN 1 ELSE ${RATE_LIMIT_TABLE}.points + 1 END,
      expire = CASE WHEN ${RATE_LIMIT_TABLE}.expire <= $${n + 2}::bigint THEN $${n + 1}::bigint ELSE ${RATE_LIMIT_TABLE}.expire END
    RETURNING points, expire::float8 AS expire`;

const CONSUME_MONEY: HotStatement = { name: 'rate-limit-money-consume', text: consumeMoney(1) };

/** The money limit's keys: the library's format (`<keyPrefix>:<key>`), so the counters are the ones it would keep. */
const moneyKeys = ({ ip, userId }: { ip: string; userId: string | null }) => [
  `money:ip:${ip}`,
  ...(userId ? [`money:user:${userId}`] : []),
];

/** Refused: the wait is the longest of the used-up windows (whole seconds, at least 1). */
const moneyRefusal = (waitMs: number) => new RateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)));

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
  // The table comes from a migration (model RateLimitBucket), so the library must not create it. It
  // speaks node-postgres: the pool under the Prisma client when there is one (lib/hot-sql.ts).
  const pool = pgPoolOf(db);
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterPostgres({
      ...(pool
        ? { storeClient: pool, storeType: 'pool' }
        : { storeClient: pgCompatibleClient(db), storeType: 'client' }),
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      keyPrefix,
      points,
      duration,
    });
  const moneyPoints = env.RATE_LIMIT_PER_MINUTE;
  const signInEmail = limiter('signin-email', env.SIGN_IN_LIMIT_PER_EMAIL, 15 * 60);
  const signInIp = limiter('signin-ip', env.SIGN_IN_LIMIT_PER_IP, 15 * 60);
  const confirm = limiter('confirm', env.CONFIRM_LIMIT_PER_MINUTE, 60);

  return {
    async consume(keys) {
      const now = Date.now();
      const rows = await hotRows<{ points: number; expire: number | null }>(db, CONSUME_MONEY, [
        moneyKeys(keys),
        now + MONEY_WINDOW_MS,
        now,
      ]);
      // Either key over its points refuses the call.
      const over = rows.filter((row) => row.points > moneyPoints);
      if (over.length === 0) return;
      throw moneyRefusal(Math.max(...over.map((row) => (row.expire === null ? 0 : row.expire - now))));
    },
    gate(keys) {
      const now = Date.now();
      // $n keys, $n+1 the new window's end, $n+2 now, $n+3 the points a key may use.
      return {
        name: 'money',
        cte: (n) => `money AS (${consumeMoney(n)})`,
        values: [moneyKeys(keys), now + MONEY_WINDOW_MS, now, moneyPoints],
        passes: (n) => `NOT EXISTS (SELECT 1 FROM money WHERE points > $${n + 3}::int)`,
        result: (n) => `(SELECT max(expire) - $${n + 2}::float8 FROM money WHERE points > $${n + 3}::int)`,
        check: (waitMs) => {
          if (waitMs !== null) throw moneyRefusal(Number(waitMs));
        },
      };
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
