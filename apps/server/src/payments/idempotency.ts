import { createHash, randomUUID } from 'node:crypto';
import type { Prisma } from '@enrollpay/db';
import type { QueryResultRow } from 'pg';
import type { AppDeps } from '../deps.js';
import { ConflictError } from '../errors.js';
import { type HotStatement, hotRows, type StatementGate, toIso } from '../lib/hot-sql.js';

/** How long a key stays usable, and how long an unfinished request may hold it before others take over. */
const KEY_TTL_MS = 24 * 60 * 60 * 1000;
const LOCK_TIMEOUT_MS = 60 * 1000;

export interface IdempotentCall<T, R extends QueryResultRow> {
  userId: string;
  key: string;
  procedure: string;
  /** The parameters that must match on a replay. */
  request: Record<string, unknown>;
  /**
   * The first read the run needs, a SELECT with parameters $1…$n (`values`). It travels in the claim's
   * own statement (one round trip for both; the claim's parameters follow the read's), and is wasted only
   * on a replay. A call that takes over an abandoned key sends it alone.
   */
  read: { statement: HotStatement; values: readonly unknown[] };
  /**
   * A check that must pass before the key is claimed (the money rate limit), in the same statement; its
   * parameters follow the claim's. It runs once per call (not again when the call retries its claim).
   */
  gate?: StatementGate;
  /** Runs the call once the key is held, with the read's first row (undefined: it found none). */
  run: (row: R | undefined, answer: AnswerSlot<T>) => Promise<T>;
}

/**
 * For a run whose last statement can also store the answer (one round trip less): it adds
 * `answerCte(n)` to that statement's WITH clause with `answer.values(response)` as parameters $n…$n+2,
 * reads `(SELECT count(*)::int FROM answer)` back and hands the count to `stored`. A run that does not
 * call `stored` has its answer stored after it returns.
 */
export interface AnswerSlot<T> {
  values(response: T): [userId: string, key: string, body: string];
  stored(count: number): void;
}

/**
 * The claim: the key's record, inserted unless it exists (and only when `passes`), as a CTE `claim`
 * (parameters $n+1…$n+7).
 */
const claimCte = (n: number, passes: string) => `claim AS (
      INSERT INTO "IdempotencyRecord" ("id", "userId", "key", "procedure", "requestHash", "lockedAt", "createdAt", "expiresAt")
      SELECT $${n + 1}::text, $${n + 2}::text, $${n + 3}::text, $${n + 4}::text, $${n + 5}::text, $${n + 6}::timestamp, $${n + 6}::timestamp, $${n + 7}::timestamp
      WHERE ${passes}
      ON CONFLICT ("userId", "key") DO NOTHING
      RETURNING 1
    )`;

/** The claim's own parameters. */
const CLAIM_PARAMETERS = 7;

/** The answer stored and the key released, as a CTE `answer`: $n user, $n+1 key, $n+2 the answer (JSON). */
export const answerCte = (n: number) => `answer AS (
      UPDATE "IdempotencyRecord" SET "responseBody" = $${n + 2}::jsonb, "responseStatus" = 200, "lockedAt" = NULL
      WHERE "userId" = $${n}::text AND "key" = $${n + 1}::text
      RETURNING 1
    )`;

/** The answer, stored and the key released, when the run did not store it itself. */
const RECORD_ANSWER: HotStatement = {
  name: 'idempotency-answer',
  text: `WITH ${answerCte(1)} SELECT (SELECT count(*)::int FROM answer) AS "stored"`,
};

/**
 * The gate (if any), the claim and the run's first read in one statement, prepared under the read's name
 * + the gate's + "+claim". One row: `idempotencyClaimed` (1: this call holds the key now), the gate's
 * `idempotencyGate`, and the read's first row's columns (all null when it found none). The read sees the
 * snapshot the statement started with, as if sent just before the claim. Parameters: the read's, the
 * claim's, the gate's.
 */
const composed = new Map<string, HotStatement>();
function claimAndRead(
  read: HotStatement,
  readParameters: number,
  gate: StatementGate | undefined,
): HotStatement {
  const name = `${read.name}${gate ? `+${gate.name}` : ''}+claim`;
  let statement = composed.get(name);
  if (!statement) {
    const gateFirst = readParameters + CLAIM_PARAMETERS + 1;
    statement = {
      name,
      text: `
    WITH ${gate ? `${gate.cte(gateFirst)}, ` : ''}${claimCte(readParameters, gate ? gate.passes(gateFirst) : 'true')}
    SELECT (SELECT count(*)::int FROM claim) AS "idempotencyClaimed",
      ${gate ? gate.result(gateFirst) : 'NULL'} AS "idempotencyGate", r.*
    FROM (VALUES (1)) AS one (x) LEFT JOIN (SELECT * FROM (${read.text}) AS q LIMIT 1) AS r ON true`,
    };
    composed.set(name, statement);
  }
  return statement;
}

/**
 * Stripe-like idempotency keys for our own API (after brandur.org's design), kept in Postgres:
 * same key + same request → the first response again; same key + different request → CONFLICT;
 * same key while the first call is still running → CONFLICT with a retry hint. A failed call releases
 * the key, so retrying it runs again (what it runs is idempotent itself).
 */
export async function withIdempotency<T extends Prisma.InputJsonValue, R extends QueryResultRow>(
  deps: AppDeps,
  call: IdempotentCall<T, R>,
): Promise<T> {
  const { db, clock } = deps;
  const requestHash = createHash('sha256')
    .update(JSON.stringify([call.procedure, call.request]))
    .digest('hex');

  for (let attempt = 0; attempt < 3; attempt++) {
    const now = clock.now();
    const gate = attempt === 0 ? call.gate : undefined;
    const [first] = await hotRows<R & { idempotencyClaimed: number; idempotencyGate: unknown }>(
      db,
      claimAndRead(call.read.statement, call.read.values.length, gate),
      [
        ...call.read.values,
        randomUUID(),
        call.userId,
        call.key,
        call.procedure,
        requestHash,
        toIso(now),
        toIso(new Date(now.getTime() + KEY_TTL_MS)),
        ...(gate?.values ?? []),
      ],
    );
    // Refused by the gate: nothing was claimed.
    gate?.check(first?.idempotencyGate ?? null);
    if (first?.idempotencyClaimed === 1) {
      // Every column of the read null: it found no row (the LEFT JOIN's filler).
      const found = Object.entries(first).some(
        ([name, value]) => name !== 'idempotencyClaimed' && name !== 'idempotencyGate' && value !== null,
      );
      return runAndRecord(deps, call, found ? first : undefined);
    }

    const record = await db.idempotencyRecord.findUnique({
      where: { userId_key: { userId: call.userId, key: call.key } },
      select: {
        id: true,
        requestHash: true,
        procedure: true,
        lockedAt: true,
        responseBody: true,
        expiresAt: true,
      },
    });
    if (!record) continue; // released between our insert and read: try again
    if (record.expiresAt <= now) {
      await db.idempotencyRecord.deleteMany({ where: { id: record.id, expiresAt: { lte: now } } });
      continue;
    }
    if (record.requestHash !== requestHash) {
      throw new ConflictError(
        'This idempotency key was already used with different parameters; use a new key for a new request',
        { field: 'idempotencyKey' },
      );
    }
    if (record.responseBody !== null && !record.lockedAt) return record.responseBody as T;
    if (record.lockedAt && now.getTime() - record.lockedAt.getTime() < LOCK_TIMEOUT_MS) {
      throw new ConflictError('A request with this idempotency key is still in progress; retry in a moment', {
        retryAfterSeconds: 1,
      });
    }
    // The request that held the key died without finishing: take it over (compare-and-set).
    const taken = await db.idempotencyRecord.updateMany({
      where: { id: record.id, lockedAt: record.lockedAt },
      data: { lockedAt: now },
    });
    if (taken.count === 1) {
      const [row] = await hotRows<R>(db, call.read.statement, call.read.values);
      return runAndRecord(deps, call, row);
    }
  }
  throw new ConflictError('A request with this idempotency key is still in progress; retry in a moment', {
    retryAfterSeconds: 1,
  });
}

async function runAndRecord<T extends Prisma.InputJsonValue, R extends QueryResultRow>(
  deps: AppDeps,
  call: IdempotentCall<T, R>,
  row: R | undefined,
): Promise<T> {
  const where = { userId_key: { userId: call.userId, key: call.key } };
  let storedByRun: number | null = null;
  const slot: AnswerSlot<T> = {
    values: (response) => [call.userId, call.key, JSON.stringify(response)],
    stored: (count) => {
      storedByRun = count;
    },
  };
  try {
    const response = await call.run(row, slot);
    const stored =
      storedByRun ??
      (await hotRows<{ stored: number }>(deps.db, RECORD_ANSWER, slot.values(response)))[0]?.stored;
    // The record went away meanwhile (expired and taken over): the answer cannot be kept for a replay.
    if (stored !== 1) throw new Error(`idempotency record ${call.procedure} ${call.key} vanished`);
    return response;
  } catch (error) {
    await deps.db.idempotencyRecord.delete({ where }).catch(() => undefined);
    throw error;
  }
}
