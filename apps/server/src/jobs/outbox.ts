import type { AppDeps } from '../deps.js';
import { renderEmail } from '../mail/templates.js';
import { describeError, retryDelayMs } from './backoff.js';

/** How long a claimed message is hidden from other senders while this one sends it. */
const LEASE_MS = 5 * 60_000;

interface ClaimedMessage {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  payload: unknown;
  attempts: number;
}

export interface OutboxDrainResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Claims up to `limit` due PENDING messages (FOR UPDATE SKIP LOCKED, so concurrent senders on any
 * number of instances take disjoint rows) by counting the attempt and leasing them for LEASE_MS.
 */
async function claim(deps: AppDeps, limit: number): Promise<ClaimedMessage[]> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return deps.db.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage" AS m
       SET "attempts" = m."attempts" + 1, "availableAt" = ${leaseUntil}
     WHERE m."id" IN (
       SELECT "id" FROM "OutboxMessage"
        WHERE "status" = 'PENDING' AND "availableAt" <= ${now}
        ORDER BY "availableAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING m."id", m."kind", m."recipient", m."subject", m."payload", m."attempts"`;
}

async function sendOne(deps: AppDeps, message: ClaimedMessage): Promise<'sent' | 'retrying' | 'failed'> {
  const started = performance.now();
  try {
    const body = renderEmail(message.kind, message.payload, deps.env.WEB_ORIGIN);
    await deps.mailer.send({
      to: message.recipient,
      subject: message.subject,
      outboxId: message.id,
      ...body,
    });
    await deps.db.outboxMessage.update({
      where: { id: message.id },
      data: { status: 'SENT', sentAt: deps.clock.now(), lastError: null },
    });
    deps.metrics.outboxSent.inc({ kind: message.kind, outcome: 'sent' });
    deps.metrics.outboxSendSeconds.observe((performance.now() - started) / 1000);
    return 'sent';
  } catch (error) {
    const finalAttempt = message.attempts >= deps.env.OUTBOX_MAX_ATTEMPTS;
    await deps.db.outboxMessage.update({
      where: { id: message.id },
      data: finalAttempt
        ? { status: 'FAILED', lastError: describeError(error) }
        : {
            lastError: describeError(error),
            availableAt: new Date(deps.clock.now().getTime() + retryDelayMs(message.attempts)),
          },
    });
    const outcome = finalAttempt ? 'failed' : 'retrying';
    deps.metrics.outboxSent.inc({ kind: message.kind, outcome });
    return outcome;
  }
}

/**
 * Sends every due outbox email: claims a batch, sends each with the mailer, marks it SENT, or counts the
 * failure and schedules a retry with backoff, or marks it FAILED after OUTBOX_MAX_ATTEMPTS. The worker
 * calls this on a timer; tests call it directly to send deterministically.
 *
 * At-least-once: a crash between the SMTP server accepting a message and the SENT update re-sends it
 * after the lease; the Message-ID (the outbox id) lets a mail client collapse the copy.
 */
export async function drainOutbox(
  deps: AppDeps,
  { batchSize = 10, maxMessages = 500 }: { batchSize?: number; maxMessages?: number } = {},
): Promise<OutboxDrainResult> {
  const result: OutboxDrainResult = { sent: 0, retrying: 0, failed: 0 };
  let handled = 0;
  while (handled < maxMessages) {
    const batch = await claim(deps, Math.min(batchSize, maxMessages - handled));
    if (batch.length === 0) break;
    for (const message of batch) {
      result[await sendOne(deps, message)]++;
      handled++;
    }
  }
  return result;
}
