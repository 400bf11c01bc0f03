import { createHash, randomUUID } from 'node:crypto';
import type { Prisma } from '@enrollpay/db';
import type { AppDeps } from '../deps.js';
import { ConflictError } from '../errors.js';
import { type HotStatement, hotExecute, toIso } from '../lib/hot-sql.js';

/** How long a key stays usable, and how long an unfinished request may hold it before others take over. */
const KEY_TTL_MS = 24 * 60 * 60 * 1000;
const LOCK_TIMEOUT_MS = 60 * 1000;

export interface IdempotentCall<T> {
  userId: string;
  key: string;
  procedure: string;
  /** The parameters that must match on a replay. */
  request: Record<string, unknown>;
  run: () => Promise<T>;
}

/** The claim: every idempotent call sends it first (straight to the pg pool: lib/hot-sql.ts). */
const CLAIM: HotStatement = {
  name: 'idempotency-claim',
  text: `
    INSERT INTO "IdempotencyRecord" ("id", "userId", "key", "procedure", "requestHash", "lockedAt", "createdAt", "expiresAt")
    VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::timestamp, $6::timestamp, $7::timestamp)
    ON CONFLICT ("userId", "key") DO NOTHING`,
};

/** The answer, stored and the key released, when the call succeeded. */
const RECORD_ANSWER: HotStatement = {
  name: 'idempotency-answer',
  text: `
    UPDATE "IdempotencyRecord" SET "responseBody" = $3::jsonb, "responseStatus" = 200, "lockedAt" = NULL
    WHERE "userId" = $1::text AND "key" = $2::text`,
};

/**
 * Stripe-like idempotency keys for our own API (after brandur.org's design), kept in Postgres:
 * same key + same request → the first response again; same key + different request → CONFLICT;
 * same key while the first call is still running → CONFLICT with a retry hint. A failed call releases
 * the key, so retrying it runs again (what it runs is idempotent itself).
 */
export async function withIdempotency<T extends Prisma.InputJsonValue>(
  deps: AppDeps,
  call: IdempotentCall<T>,
): Promise<T> {
  const { db, clock } = deps;
  const requestHash = createHash('sha256')
    .update(JSON.stringify([call.procedure, call.request]))
    .digest('hex');

  for (let attempt = 0; attempt < 3; attempt++) {
    const now = clock.now();
    const claimed = await hotExecute(db, CLAIM, [
      randomUUID(),
      call.userId,
      call.key,
      call.procedure,
      requestHash,
      toIso(now),
      toIso(new Date(now.getTime() + KEY_TTL_MS)),
    ]);
    if (claimed === 1) return runAndRecord(deps, call);

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
    if (taken.count === 1) return runAndRecord(deps, call);
  }
  throw new ConflictError('A request with this idempotency key is still in progress; retry in a moment', {
    retryAfterSeconds: 1,
  });
}

async function runAndRecord<T extends Prisma.InputJsonValue>(
  deps: AppDeps,
  call: IdempotentCall<T>,
): Promise<T> {
  const where = { userId_key: { userId: call.userId, key: call.key } };
  try {
    const response = await call.run();
    const recorded = await hotExecute(deps.db, RECORD_ANSWER, [
      call.userId,
      call.key,
      JSON.stringify(response),
    ]);
    // The record went away meanwhile (expired and taken over): the answer cannot be kept for a replay.
    if (recorded !== 1) throw new Error(`idempotency record ${call.procedure} ${call.key} vanished`);
    return response;
  } catch (error) {
    await deps.db.idempotencyRecord.delete({ where }).catch(() => undefined);
    throw error;
  }
}
