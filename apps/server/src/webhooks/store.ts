import type { Db } from '@enrollpay/db';
import type Stripe from 'stripe';
import type { AppDeps } from '../deps.js';
import { type HotStatement, hotRows } from '../lib/hot-sql.js';

export type StoredStatus = 'RECEIVED' | 'IGNORED';

function objectIdOf(event: Stripe.Event): string | null {
  const object = event.data.object;
  return 'id' in object && typeof object.id === 'string' ? object.id : null;
}

/** Deliveries written by one INSERT at most (the statement has 8 parameters per row). */
export const RECEIPT_MAX_ROWS = 32;
/**
 * INSERTs of deliveries running at once per process; the deliveries that arrive meanwhile wait for the
 * next one. One, measured against two with `bench:receipt` (same rounds, load average 17–18): the API
 * 0.81× the CPU per delivery and PostgreSQL 0.65×, at the same req/s; the batches are larger.
 */
export const RECEIPT_MAX_IN_FLIGHT = 1;

const ROW_PARAMS = 8;
const statements: HotStatement[] = [];

/** The INSERT of `rows` deliveries: one prepared statement per row count (lib/hot-sql.ts). */
function insertStatement(rows: number): HotStatement {
  let statement = statements[rows];
  if (!statement) {
    const tuples: string[] = [];
    for (let r = 0; r < rows; r++) {
      const p = (i: number) => `$${r * ROW_PARAMS + i}`;
      tuples.push(
        `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::json, to_timestamp(${p(5)}::bigint) AT TIME ZONE 'UTC', ${p(6)}::"WebhookEventStatus", ${p(7)}::timestamp, ${p(8)}::timestamp)`,
      );
    }
    statement = {
      name: `webhook_event_insert_${rows}`,
      text: `
  INSERT INTO "WebhookEvent" ("id", "type", "objectId", "payload", "stripeCreatedAt", "status", "receivedAt", "processedAt")
  VALUES ${tuples.join(', ')}
  ON CONFLICT ("id") DO NOTHING
  RETURNING "id"`,
    };
    statements[rows] = statement;
  }
  return statement;
}

interface Delivery {
  id: string;
  /** The row's 8 values, in the statement's order. */
  values: unknown[];
  /** performance.now() when it was queued. */
  queuedAt: number;
  resolve: (created: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the durable receipt. Each delivery's row is committed before it is answered, as
 * before, but deliveries that arrive while RECEIPT_MAX_IN_FLIGHT INSERTs already run wait and
 * go together in the next one: one multi-row INSERT … ON CONFLICT DO NOTHING RETURNING "id", one
 * commit (one WAL flush), one round trip, instead of one each. A lone delivery goes at once, so a quiet
 * endpoint adds no wait. If a multi-row INSERT fails (a row PostgreSQL refuses), its rows are written
 * again one at a time, so only the delivery at fault fails.
 */
class ReceiptWriter {
  readonly #db: Db;
  #queue: Delivery[] = [];
  #inFlight = 0;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Deliveries waiting for an INSERT, and how long the oldest has waited (ms). */
  backlog(now: number): { waiting: number; oldestWaitMs: number } {
    const oldest = this.#queue[0];
    return { waiting: this.#queue.length, oldestWaitMs: oldest ? now - oldest.queuedAt : 0 };
  }

  write(id: string, values: unknown[]): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.#queue.push({ id, values, queuedAt: performance.now(), resolve, reject });
      if (this.#inFlight < RECEIPT_MAX_IN_FLIGHT) this.#next();
    });
  }

  #next(): void {
    const batch = this.#queue.splice(0, RECEIPT_MAX_ROWS);
    if (batch.length === 0) return;
    this.#inFlight++;
    void this.#insert(batch).finally(() => {
      this.#inFlight--;
      this.#next();
    });
  }

  async #insert(batch: Delivery[]): Promise<void> {
    // The same event twice in one batch (Stripe retried while the first was queued): one row, and the
    // second is told it is a duplicate once the row is committed.
    const first = new Map<string, Delivery>();
    const repeats: Delivery[] = [];
    for (const delivery of batch) {
      if (first.has(delivery.id)) repeats.push(delivery);
      else first.set(delivery.id, delivery);
    }
    // In id order: two instances inserting overlapping events lock their index keys in the same order,
    // so they queue behind each other instead of deadlocking.
    const unique = [...first.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    try {
      const created = await this.#execute(unique);
      for (const delivery of unique) delivery.resolve(created.has(delivery.id));
      for (const delivery of repeats) delivery.resolve(false);
    } catch (error) {
      if (unique.length === 1) {
        for (const delivery of batch) delivery.reject(error);
        return;
      }
      // One at a time: only the rows PostgreSQL refuses fail.
      for (const delivery of unique) {
        try {
          const created = await this.#execute([delivery]);
          delivery.resolve(created.has(delivery.id));
          for (const repeat of repeats) if (repeat.id === delivery.id) repeat.resolve(false);
        } catch (alone) {
          delivery.reject(alone);
          for (const repeat of repeats) if (repeat.id === delivery.id) repeat.reject(alone);
        }
      }
    }
  }

  async #execute(rows: Delivery[]): Promise<Set<string>> {
    const values: unknown[] = [];
    for (const row of rows) for (const value of row.values) values.push(value);
    const inserted = await hotRows<{ id: string }>(this.#db, insertStatement(rows.length), values);
    return new Set(inserted.map((r) => r.id));
  }
}

const writers = new WeakMap<Db, ReceiptWriter>();

function writerFor(db: Db): ReceiptWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new ReceiptWriter(db);
    writers.set(db, writer);
  }
  return writer;
}

/**
 * Deliveries queued for the receipt's INSERT on this database client, and how long the oldest has
 * waited: the webhook route refuses early (503) when they pile up, as the overload guard does for the
 * pool's queue.
 */
export function receiptBacklog(db: Db): { waiting: number; oldestWaitMs: number } {
  return writers.get(db)?.backlog(performance.now()) ?? { waiting: 0, oldestWaitMs: 0 };
}

/**
 * The durable receipt: one WebhookEvent row per Stripe event id, inserted with ON CONFLICT DO NOTHING
 * and committed before we answer. The payload is stored exactly as Stripe signed it (a `json` column:
 * PostgreSQL checks the syntax and keeps the text). Returns whether this delivery created the row
 * (false: a duplicate delivery of an event we already have).
 *
 * The hottest statement we have (every delivery, thousands a second in a burst): it goes straight to the
 * pg pool under the Prisma client (no interpreter), falling back to Prisma for a client not made by
 * `createDb`, and concurrent deliveries share one INSERT and one commit (ReceiptWriter above).
 */
export async function recordEvent(
  deps: AppDeps,
  event: Stripe.Event,
  rawBody: string,
  status: StoredStatus,
): Promise<{ created: boolean }> {
  // Timestamps go as UTC ISO strings: the columns are TIMESTAMP(3) without a zone, holding UTC (as
  // Prisma writes them); node-postgres would send a Date in the process's local zone.
  const now = deps.clock.now().toISOString();
  const values = [
    event.id,
    event.type,
    objectIdOf(event),
    rawBody,
    // Whole Unix seconds (verify.ts checks them); PostgreSQL turns them into the UTC timestamp.
    event.created,
    status,
    now,
    status === 'IGNORED' ? now : null,
  ];
  // Named statements (lib/hot-sql.ts): each pooled connection has PostgreSQL parse and plan each row
  // count once, then only binds the values (a pooler in front must support protocol-level prepared
  // statements, as PgBouncer ≥ 1.21 does with max_prepared_statements).
  return { created: await writerFor(deps.db).write(event.id, values) };
}
