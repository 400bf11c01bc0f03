import type { Db, Prisma } from '@enrollpay/db';
import type { Principal } from './auth/tokens.js';

/** Anything with the auditLog delegate: the client or a transaction. */
type AuditWriter = Pick<Db, 'auditLog'>;

export interface AuditEntry {
  actorId: string | null;
  actorRole: Principal['role'] | null;
  /** Dotted verb, e.g. "refund.requested", "refund.created", "refund.failed", "payment.intent_created". */
  action: string;
  paymentId?: string | null;
  amount?: number | null;
  currency?: string | null;
  details?: Prisma.InputJsonObject;
}

/** Writes one AuditLog row: who did which money-moving thing to which payment, for how much, when. */
export async function audit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      actorRole: entry.actorRole,
      action: entry.action,
      paymentId: entry.paymentId ?? null,
      amount: entry.amount ?? null,
      currency: entry.currency ?? null,
      details: entry.details ?? {},
    },
    select: { id: true },
  });
}
