import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { ConnectionWaits } from './connection-waits.js';

export interface CreateDbOptions {
  /** A PostgreSQL connection string, e.g. postgresql://user:pass@127.0.0.1:5432/enrollpay */
  url: string;
  /** Most connections the pool opens (default: pg's 10). */
  maxConnections?: number;
  /** How long a query waits for a free pool connection before it fails, in ms (default: pg's, forever). */
  connectionTimeoutMillis?: number;
  /**
   * Called with the text of every statement sent to PostgreSQL (BEGIN and COMMIT included), counted
   * on the pg connections themselves, so nothing Prisma or raw SQL sends escapes it. For the bench's
   * and tests' statements-per-call figures; leave it out in production.
   */
  onStatement?: (sql: string, values: readonly unknown[]) => void;
  /**
   * Called when PostgreSQL closes a connection that sits idle in the pool (a server restart, an
   * administrator's pg_terminate_backend, a network cut). The pool has already dropped it and opens a
   * new one for the next query; nothing is lost. Default: ignored.
   */
  onIdleConnectionError?: (error: Error) => void;
}

/** The Prisma client type every service receives as its `db` dependency. */
export type Db = PrismaClient;

/** How busy a Db's connection pool is: `waiting` queries have no connection yet. */
export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  waiting: number;
  /** How long the longest-waiting query has waited for a connection so far, in ms (0 when none waits). */
  oldestWaitMs: number;
}

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: Error | boolean) => void,
) => void;

/**
 * A pg pool that times its connection requests (`waits`): every way a connection is had goes through
 * `connect` — Pool.query, Prisma's adapter and the hot paths' transactions — so every wait is seen.
 */
class TimedPool extends pg.Pool {
  readonly waits = new ConnectionWaits();

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const ticket = this.waits.begin();
    if (callback) {
      super.connect((err, client, done) => {
        this.waits.end(ticket);
        callback(err, client, done);
      });
      return undefined;
    }
    return super.connect().then(
      (client) => {
        this.waits.end(ticket);
        return client;
      },
      (error: unknown) => {
        this.waits.end(ticket);
        throw error;
      },
    );
  }
}

const pools = new WeakMap<Db, TimedPool>();

/**
 * A Prisma client on `@prisma/adapter-pg` (Prisma 7 talks to the database through a driver
 * adapter; there is no native query engine) over a pg pool we own, so its load can be read
 * (`poolStats`). Call `db.$disconnect()` when done (it ends the pool).
 */
export function createDb({
  url,
  maxConnections,
  connectionTimeoutMillis,
  onStatement,
  onIdleConnectionError,
}: CreateDbOptions): Db {
  const pool = new TimedPool({
    connectionString: url,
    ...(maxConnections === undefined ? {} : { max: maxConnections }),
    ...(connectionTimeoutMillis === undefined ? {} : { connectionTimeoutMillis }),
  });
  // pg-pool emits 'error' for an idle connection the server closed, and an 'error' nobody listens to
  // kills the process. Prisma's adapter listens only once Prisma itself has connected, so a Db used
  // first (or only) through `pgPoolOf` by the hot paths would crash on the first server restart.
  pool.on('error', (error) => onIdleConnectionError?.(error));
  if (onStatement) {
    // Pool.query checks a client out and calls its query, so counting on the clients counts each
    // statement once, whether it came through the pool or through a transaction's connection.
    pool.on('connect', (client) => {
      client.query = new Proxy(client.query, {
        apply(target, self, args: unknown[]) {
          const [first, second] = args;
          const config = first && typeof first === 'object' ? first : {};
          const text = typeof first === 'string' ? first : 'text' in config ? String(config.text) : '';
          const values = Array.isArray(second)
            ? second
            : 'values' in config && Array.isArray(config.values)
              ? config.values
              : [];
          onStatement(text, values);
          return Reflect.apply(target, self, args);
        },
      });
    });
  }
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/**
 * The pg pool under a Db made by createDb (null for any other client), for the few hot paths that send
 * plain SQL without Prisma's query interpreter (the webhook receipt). Prisma stays the model and
 * migration tool; statements sent here are counted by `onStatement` like any other.
 */
export function pgPoolOf(db: Db): pg.Pool | null {
  return pools.get(db) ?? null;
}

/** The pool's state of a Db made by createDb (null for any other client). */
export function poolStats(db: Db): PoolStats | null {
  const pool = pools.get(db);
  if (!pool) return null;
  return {
    max: pool.options.max,
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    oldestWaitMs: pool.waits.oldestMs(),
  };
}

/**
 * For a check on every request (the overload guard), without allocating: the number of queries in the
 * pool's queue and how long the longest-waiting one has waited (ms). Null for a Db not made by createDb.
 */
export interface PoolPressure {
  readonly waiting: () => number;
  readonly oldestWaitMs: () => number;
}

export function poolPressureOf(db: Db): PoolPressure | null {
  const pool = pools.get(db);
  if (!pool) return null;
  return { waiting: () => pool.waitingCount, oldestWaitMs: () => pool.waits.oldestMs() };
}
