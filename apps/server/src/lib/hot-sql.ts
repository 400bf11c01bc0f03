import { type Db, pgPoolOf } from '@enrollpay/db';
import type { QueryResultRow } from 'pg';

/**
 * Hot-path SQL (issue 13): one parameterised statement sent straight to the pg pool under the Prisma
 * client (`pgPoolOf`), without Prisma 7's query interpreter, which costs 0.15–0.45 ms of CPU per
 * statement more than `pool.query` (measured: README "createIntent's own share"). Prisma stays the model
 * and the migration tool; a client not made by `createDb` falls back to Prisma's raw queries.
 *
 * `name` makes it a prepared statement on each pool connection: PostgreSQL parses and plans it once per
 * connection instead of on every call. Give each distinct text its own name.
 *
 * Write the statements so both paths agree: cast every parameter (`$1::int`, `$2::timestamp`), pass
 * times as UTC ISO strings (`toIso`; the columns are TIMESTAMP(3) holding UTC, and node-postgres would
 * send a Date in the process's zone), read times as `col AT TIME ZONE 'UTC'` (a timestamptz, which
 * both parse to the right Date), and read counts as `::int`.
 */
export interface HotStatement {
  name: string;
  text: string;
}

/**
 * A check that runs first inside another hot statement and can stop its writes (the money rate limit in
 * payments.createIntent's first statement: rate-limit/limiter.ts, payments/idempotency.ts). `cte(n)`:
 * its CTEs, with `values` as parameters $n…; `passes`: a SQL condition over them, true when the call
 * may go on (the statement's writes are conditional on it); `result`: a SQL expression read back, which
 * `check` turns into the refusal (a throw). `name` goes into the host statement's prepared name.
 */
export interface StatementGate {
  name: string;
  cte(first: number): string;
  values: readonly unknown[];
  passes(first: number): string;
  result(first: number): string;
  check(result: unknown): void;
}

/** The rows a statement returns. */
export async function hotRows<T extends QueryResultRow>(
  db: Db,
  statement: HotStatement,
  values: readonly unknown[],
): Promise<T[]> {
  const pool = pgPoolOf(db);
  if (pool)
    return (await pool.query<T>({ name: statement.name, text: statement.text, values: [...values] })).rows;
  return db.$queryRawUnsafe<T[]>(statement.text, ...values);
}

/** How many rows a statement without RETURNING wrote. */
export async function hotExecute(
  db: Db,
  statement: HotStatement,
  values: readonly unknown[],
): Promise<number> {
  const pool = pgPoolOf(db);
  if (pool)
    return (
      (await pool.query({ name: statement.name, text: statement.text, values: [...values] })).rowCount ?? 0
    );
  return db.$executeRawUnsafe(statement.text, ...values);
}

/** A Date as the UTC ISO string the hot statements take for TIMESTAMP(3) columns (cast `::timestamp`). */
export function toIso(date: Date): string {
  return date.toISOString();
}
