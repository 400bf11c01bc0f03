import { Prisma } from '@enrollpay/db';
import { prismaRunner, type SqlRunner } from '../payments/sql.js';

type Tx = Prisma.TransactionClient;

/**
 * A promotion code's uses, kept by two numbers on the code and one row per payment (README.md here):
 * - reserve (payments/intents.ts, when a checkout is opened or its code changed): `heldCount + 1` by a
 *   conditional UPDATE that only passes while `heldCount < maxRedemptions`, and a RESERVED row;
 * - redeem (the sync function, when the payment succeeds): the row becomes REDEEMED, `redeemedCount + 1`;
 * - release (the payment is canceled, or its code removed or changed): the row is deleted, `heldCount − 1`.
 */

/** The payment succeeded: its reserved use counts. Idempotent (only a RESERVED row moves). */
export async function redeemReservation(sql: SqlRunner, paymentId: string, at: Date): Promise<void> {
  await sql.query(Prisma.sql`
    WITH r AS (
      UPDATE "PromotionRedemption" SET "status" = 'REDEEMED', "redeemedAt" = ${at}
      WHERE "paymentId" = ${paymentId} AND "status" = 'RESERVED'
      RETURNING "promotionCodeId"
    )
    UPDATE "PromotionCode" c SET "redeemedCount" = c."redeemedCount" + 1, "updatedAt" = now()
    FROM r WHERE c."id" = r."promotionCodeId"`);
}

/** The payment will not succeed (canceled) or drops its code: its held use is free again. Idempotent. */
export async function releaseReservation(tx: Tx, paymentId: string): Promise<void> {
  await releaseReservationSql(prismaRunner(tx), paymentId);
}

/** The same on any SqlRunner (a webhook batch's plain pg transaction). */
export async function releaseReservationSql(sql: SqlRunner, paymentId: string): Promise<void> {
  await sql.query(Prisma.sql`
    WITH r AS (
      DELETE FROM "PromotionRedemption" WHERE "paymentId" = ${paymentId} AND "status" = 'RESERVED'
      RETURNING "promotionCodeId"
    )
    UPDATE "PromotionCode" c SET "heldCount" = c."heldCount" - 1, "updatedAt" = now()
    FROM r WHERE c."id" = r."promotionCodeId"`);
}

interface RedemptionTransition {
  before: { status: string; succeededAt: Date | null };
  after: { id: string; status: string; succeededAt: Date | null; promotionCodeId: string | null };
}

/** The sync function's effect: redeem on success, release on cancellation. */
export async function settleRedemption(sql: SqlRunner, t: RedemptionTransition): Promise<void> {
  if (!t.after.promotionCodeId) return;
  if (!t.before.succeededAt && t.after.succeededAt) {
    await redeemReservation(sql, t.after.id, t.after.succeededAt);
  } else if (t.before.status !== 'CANCELED' && t.after.status === 'CANCELED') {
    await releaseReservationSql(sql, t.after.id);
  }
}
