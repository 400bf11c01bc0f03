import { Prisma } from '@enrollpay/db';
import { prismaRunner, type SqlRunner } from './sql.js';
import type { Tx } from './transition.js';

/**
 * "This payment changed": a PostgreSQL NOTIFY on one channel, carrying the payment's id.
 *
 * Call it inside the transaction that changes a payment's row (the sync function does, as one of its
 * EFFECTS; so does cancelling a payment that never reached Stripe). PostgreSQL delivers a notification
 * only when its transaction commits, and drops it on rollback, so a listener never hears of a change that
 * did not happen. Identical notifications of one transaction are delivered once. Every server instance
 * listens on one dedicated connection (`status-hub.ts`) and wakes its own `payments.onStatus`
 * subscribers, who then re-read the payment — so the payload is only the id, never the data.
 *
 * For a set-based pipeline that changes many payments in one statement: call this once per transaction
 * with every changed id, or run the same SQL (`SELECT pg_notify('payment_status', id) FROM …`) over the
 * changed rows. Nothing else is needed for the result page to hear about it.
 */
export const PAYMENT_STATUS_CHANNEL = 'payment_status';

export async function notifyPaymentStatus(tx: Tx, paymentIds: readonly string[]): Promise<void> {
  await notifyPaymentStatusSql(prismaRunner(tx), paymentIds);
}

/** The same on any SqlRunner (a webhook batch's plain pg transaction). */
export async function notifyPaymentStatusSql(sql: SqlRunner, paymentIds: readonly string[]): Promise<void> {
  const ids = [...new Set(paymentIds)];
  if (!ids.length) return;
  // count(...) so the statement returns a plain integer (pg_notify itself returns void).
  await sql.query(
    Prisma.sql`
    SELECT count(pg_notify(${PAYMENT_STATUS_CHANNEL}, id))::int AS sent
    FROM unnest(${ids}::text[]) AS changed(id)`,
    'payments.notify-status',
  );
}
