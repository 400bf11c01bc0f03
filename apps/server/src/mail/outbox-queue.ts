import { randomUUID } from 'node:crypto';
import { Prisma } from '@enrollpay/db';
import { prismaRunner, type SqlRunner } from '../payments/sql.js';
import type { OutboxKind, OutboxPayload } from './templates.js';

/** Who an outbox message goes to, relative to a payment. */
export type Audience = 'learner' | 'specialist' | 'admins';

/** One email to queue, with the payload its template reads (checked against the template's schema). */
export type OutboxDraft = {
  [K in OutboxKind]: {
    kind: K;
    /** Makes the email happen at most once, whatever order or how often the change is applied. */
    dedupeKey: string;
    to: Audience;
    subject: string;
    payload: OutboxPayload<K>;
  };
}[OutboxKind];

interface Parties {
  learnerEmail: string;
  learnerName: string;
  specialistEmail: string;
  specialistName: string;
  offeringTitle: string;
}

/**
 * Writes the drafts as OutboxMessage rows in the caller's transaction, addressed to the payment's
 * learner, specialist or every admin, with the names and the offering's title every template greets
 * with. A draft whose dedupeKey was queued before is skipped. Returns how many rows were written.
 */
export function queueOutbox(
  tx: Prisma.TransactionClient,
  paymentId: string,
  drafts: OutboxDraft[],
): Promise<number> {
  return queueOutboxMany(prismaRunner(tx), [{ paymentId, drafts }]);
}

/**
 * The set-based form of `queueOutbox` for many payments at once (a webhook batch): one query for every
 * payment's parties, one for the admins when a draft is for them, one INSERT … ON CONFLICT DO NOTHING.
 */
export async function queueOutboxMany(
  sql: SqlRunner,
  items: readonly { paymentId: string; drafts: OutboxDraft[] }[],
): Promise<number> {
  const wanted = items.filter((i) => i.drafts.length > 0);
  if (!wanted.length) return 0;
  const ids = [...new Set(wanted.map((i) => i.paymentId))];
  // Named statements (planned once per connection; their text never varies). The ids behind a subquery,
  // as in lockPayments: given as constants, a hundred of them cost ~1 ms of planning a batch.
  const found = await sql.query<Parties & { paymentId: string }>(
    Prisma.sql`
    SELECT p."id" AS "paymentId", l."email" AS "learnerEmail", l."name" AS "learnerName",
           s."email" AS "specialistEmail", s."name" AS "specialistName", o."title" AS "offeringTitle"
    FROM "Payment" p
    JOIN "User" l ON l."id" = p."learnerId"
    JOIN "User" s ON s."id" = p."specialistId"
    JOIN "Offering" o ON o."id" = p."offeringId"
    WHERE p."id" = ANY(ARRAY(SELECT unnest(${ids}::text[])))`,
    'outbox.parties',
  );
  const partiesOf = new Map(found.map((row) => [row.paymentId, row]));
  const admins = wanted.some((i) => i.drafts.some((d) => d.to === 'admins'))
    ? await sql.query<{ email: string; name: string }>(
        Prisma.sql`SELECT "email", "name" FROM "User" WHERE "role" = 'ADMIN' ORDER BY "id"`,
      )
    : [];
  const rows = new Map<string, OutboxRow>();
  for (const { paymentId, drafts } of wanted) {
    const parties = partiesOf.get(paymentId);
    if (!parties) throw new Error(`payment ${paymentId} vanished while queueing its mail`);
    const learner = { email: parties.learnerEmail, name: parties.learnerName };
    const specialist = { email: parties.specialistEmail, name: parties.specialistName };
    for (const draft of drafts) {
      const recipients =
        draft.to === 'learner' ? [learner] : draft.to === 'specialist' ? [specialist] : admins;
      for (const recipient of recipients) {
        const dedupeKey = draft.to === 'admins' ? `${draft.dedupeKey}:${recipient.email}` : draft.dedupeKey;
        // The first draft of a key wins, as the unique index would have it across transactions.
        if (rows.has(dedupeKey)) continue;
        // Each row in its final shape at once (a webhook batch writes two a payment): the payload with
        // whom it greets, and the id and position the statement reads (set below, once sorted). The
        // payload by Object.assign: the same object as a spread, at about half the CPU (V8 copies the
        // draft's payload, whose shape varies by kind, much faster this way).
        rows.set(dedupeKey, {
          id: '',
          kind: draft.kind,
          dedupeKey,
          recipient: recipient.email,
          subject: draft.subject,
          payload: Object.assign({}, draft.payload, {
            recipientName: recipient.name,
            offeringTitle: parties.offeringTitle,
            learnerName: learner.name,
            specialistName: specialist.name,
          }),
          n: 0,
        });
      }
    }
  }
  if (!rows.size) return 0;
  // One statement with one JSON parameter, whatever the number of rows (createMany would bind six
  // parameters a row); in key order, so concurrent batches meet on the unique index in the same order.
  // Timestamps and ids as Prisma's defaults would make them (now, a random id).
  const now = new Date().toISOString();
  const data: OutboxRow[] = [];
  for (const key of [...rows.keys()].sort()) {
    const row = rows.get(key);
    if (!row) continue;
    row.id = randomUUID();
    row.n = data.length;
    data.push(row);
  }
  const inserted = await sql.query<{ id: string }>(
    Prisma.sql`
    INSERT INTO "OutboxMessage" ("id", "kind", "dedupeKey", "recipient", "subject", "payload", "availableAt", "createdAt")
    SELECT v."id", v."kind", v."dedupeKey", v."recipient", v."subject", v."payload", ${now}::timestamp(3), ${now}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb)
      AS v("id" text, "kind" text, "dedupeKey" text, "recipient" text, "subject" text, "payload" jsonb, n int)
    ORDER BY v.n
    ON CONFLICT DO NOTHING
    RETURNING "id"`,
    'outbox.insert-many',
  );
  return inserted.length;
}

interface OutboxRow {
  id: string;
  kind: string;
  dedupeKey: string;
  recipient: string;
  subject: string;
  payload: Record<string, unknown>;
  /** The row's position in key order (the statement inserts in it). */
  n: number;
}
