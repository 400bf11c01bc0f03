import type { Prisma } from '@enrollpay/db';
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
export async function queueOutbox(
  tx: Prisma.TransactionClient,
  paymentId: string,
  drafts: OutboxDraft[],
): Promise<number> {
  if (!drafts.length) return 0;
  const [parties] = await tx.$queryRaw<Parties[]>`
    SELECT l."email" AS "learnerEmail", l."name" AS "learnerName", s."email" AS "specialistEmail",
           s."name" AS "specialistName", o."title" AS "offeringTitle"
    FROM "Payment" p
    JOIN "User" l ON l."id" = p."learnerId"
    JOIN "User" s ON s."id" = p."specialistId"
    JOIN "Offering" o ON o."id" = p."offeringId"
    WHERE p."id" = ${paymentId}`;
  if (!parties) throw new Error(`payment ${paymentId} vanished while queueing its mail`);
  const learner = { email: parties.learnerEmail, name: parties.learnerName };
  const specialist = { email: parties.specialistEmail, name: parties.specialistName };
  const admins = drafts.some((d) => d.to === 'admins')
    ? await tx.user.findMany({ where: { role: 'ADMIN' }, select: { email: true, name: true } })
    : [];
  const rows = drafts.flatMap((draft) => {
    const recipients = draft.to === 'learner' ? [learner] : draft.to === 'specialist' ? [specialist] : admins;
    return recipients.map((recipient) => ({
      kind: draft.kind,
      dedupeKey: draft.to === 'admins' ? `${draft.dedupeKey}:${recipient.email}` : draft.dedupeKey,
      recipient: recipient.email,
      subject: draft.subject,
      payload: {
        ...draft.payload,
        recipientName: recipient.name,
        offeringTitle: parties.offeringTitle,
        learnerName: learner.name,
        specialistName: specialist.name,
      },
    }));
  });
  const { count } = await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true });
  return count;
}
