import { type Db, type Prisma, pgPoolOf } from '@enrollpay/db';
import pg from 'pg';
import { isoString, parseUtcTimestamp } from '../lib/utc-time.js';

/**
 * Where the sync's set-based statements run: a Prisma transaction (one payment at a time, `apply`) or a
 * plain pg connection inside BEGIN … COMMIT (a webhook batch, with no query interpreter in between).
 * Statements are `Prisma.sql` templates either way (the same text, the same parameters).
 */
export interface SqlRunner {
  /**
   * `name` (optional) makes it a named prepared statement on a pg connection: parsed and planned once
   * per connection (lib/hot-sql.ts). Only for a statement whose text never varies; a Prisma runner
   * ignores it.
   */
  query<T>(statement: Prisma.Sql, name?: string): Promise<T[]>;
}

/** A Prisma transaction (or client) as a SqlRunner. */
export function prismaRunner(tx: Prisma.TransactionClient): SqlRunner {
  return { query: <T>(statement: Prisma.Sql) => tx.$queryRaw<T[]>(statement) };
}

/** Our TIMESTAMP(3) columns hold UTC without a zone (as Prisma writes them); read them as UTC. */
const TIMESTAMP_OID = 1114;
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID ? parseUtcTimestamp : pg.types.getTypeParser(oid, format),
};

/** Dates as UTC ISO strings (node-postgres would send a Date in the process's local zone). */
const toPg = (value: unknown): unknown => (value instanceof Date ? isoString(value) : value);

function pgRunner(client: pg.PoolClient): SqlRunner {
  return {
    async query<T>(statement: Prisma.Sql, name?: string) {
      const values = statement.values.map(toPg);
      const result = await client.query(
        name ? { name, text: statement.text, values, types } : { text: statement.text, values, types },
      );
      return result.rows as T[];
    },
  };
}

const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * Runs `work` in one transaction on the pg pool under `db` (BEGIN, the statements, COMMIT; ROLLBACK if
 * anything throws, and the connection is discarded if even that fails), or in a Prisma interactive
 * transaction for a client not made by `createDb`.
 */
export async function inTransaction<T>(db: Db, work: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const pool = pgPoolOf(db);
  if (!pool) {
    return db.$transaction((tx) => work(prismaRunner(tx)), { timeout: 30_000, maxWait: 10_000 });
  }
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // One round trip (simple protocol, no parameters); a statement stuck on a lock gives up after 30 s
    // like Prisma's interactive-transaction timeout did, instead of holding the batch's row locks.
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
    const result = await work(pgRunner(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
