import type { Db } from '@enrollpay/db';

/**
 * Pending checkouts, as payments.createIntent leaves them (a Payment PENDING with its PaymentIntent id
 * and metadata, an Enrollment PENDING_PAYMENT), inserted set-based. Payment k is `${prefix}p_${k}` with
 * PaymentIntent `pi_${prefix}${k}`; learner k/100 buys offering k%100 (one live enrollment each).
 */
export async function seedPendingPayments(db: Db, prefix: string, count: number): Promise<void> {
  const offerings = 100;
  const learners = Math.ceil(count / offerings);
  await db.$executeRawUnsafe(
    `INSERT INTO "User" (id, email, name, role, "updatedAt")
     VALUES ($1, $2, 'Bench Specialist', 'SPECIALIST', now())`,
    `${prefix}s`,
    `${prefix}specialist@bench.test`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "User" (id, email, name, role, "updatedAt")
     SELECT $1 || 'l_' || i, $1 || 'learner' || i || '@bench.test', 'Bench Learner ' || i, 'LEARNER', now()
     FROM generate_series(0, $2::int - 1) AS i`,
    prefix,
    learners,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Offering" (id, "specialistId", title, kind, "priceAmount", currency, "updatedAt")
     SELECT $1 || 'o_' || i, $1 || 's', 'Bench course ' || i, 'COURSE', 4900, 'usd', now()
     FROM generate_series(0, $2::int - 1) AS i`,
    prefix,
    offerings,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Enrollment" (id, "learnerId", "offeringId", status, "paymentStatus", "updatedAt")
     SELECT $1 || 'e_' || k, $1 || 'l_' || (k / 100), $1 || 'o_' || (k % 100), 'PENDING_PAYMENT', 'PENDING', now()
     FROM generate_series(0, $2::int - 1) AS k`,
    prefix,
    count,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Payment" (id, "learnerId", "specialistId", "offeringId", "enrollmentId", "stripePaymentIntentId",
       amount, currency, "refundWindowDays", status, description, metadata, "updatedAt")
     SELECT $1 || 'p_' || k, $1 || 'l_' || (k / 100), $1 || 's', $1 || 'o_' || (k % 100), $1 || 'e_' || k,
       'pi_' || $1 || k, 4900, 'usd', 14, 'PENDING', 'Bench course ' || (k % 100),
       jsonb_build_object('paymentId', $1 || 'p_' || k, 'enrollmentId', $1 || 'e_' || k), now()
     FROM generate_series(0, $2::int - 1) AS k`,
    prefix,
    count,
  );
  await db.$executeRawUnsafe('ANALYZE');
}
