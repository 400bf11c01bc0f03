// The second webhook baseline, the "careful team" anchor of issue 13: what a team writes by hand on
// raw `pg` without design effort. Each event is handled in ONE transaction inside the request: the
// signature is checked, the event row is inserted (the dedupe: ON CONFLICT DO NOTHING), the payment
// and its enrollment are updated, the two emails are put in the outbox, and only then it answers 200.
// It writes the same tables as the real API, so the orchestrator checks its work with the same queries.
// Only `payment_intent.succeeded` is handled (the only event the bench sends); others are stored.
import Stripe from 'stripe';
import { runRawPgServer } from './process.js';

interface SucceededIntent {
  id: string;
  amount_received?: number;
  amount?: number;
  metadata?: { paymentId?: string };
}

runRawPgServer((app, pool) => {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new Error('STRIPE_WEBHOOK_SECRET is required');
  const stripe = new Stripe('sk_test_bench_careful_baseline');

  app.post('/api/webhooks/stripe', async (request, reply) => {
    const body = typeof request.body === 'string' ? request.body : '';
    const signature = request.headers['stripe-signature'];
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(body, typeof signature === 'string' ? signature : '', secret);
    } catch {
      return reply.code(400).send({ error: 'bad signature' });
    }
    const object = event.data.object as SucceededIntent;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const stored = await client.query(
        `INSERT INTO "WebhookEvent" (id, type, "objectId", payload, "stripeCreatedAt", status, attempts, "receivedAt", "processedAt")
         VALUES ($1, $2, $3, $4::json, to_timestamp($5), 'PROCESSED', 1, clock_timestamp(), clock_timestamp())
         ON CONFLICT (id) DO NOTHING`,
        [event.id, event.type, object.id, body, event.created],
      );
      if (stored.rowCount === 1 && event.type === 'payment_intent.succeeded') {
        const paid = await client.query<{ id: string; enrollmentId: string }>(
          `UPDATE "Payment" SET status = 'SUCCEEDED', "stripeStatus" = 'succeeded', "amountReceived" = $2,
             "succeededAt" = to_timestamp($4), "webhookVerified" = true, "lastStripeEventId" = $3,
             "lastStripeEventAt" = to_timestamp($4), version = version + 1, "updatedAt" = now()
           WHERE "stripePaymentIntentId" = $1 AND status IN ('PENDING', 'REQUIRES_ACTION', 'PROCESSING')
           RETURNING id, "enrollmentId"`,
          [object.id, object.amount_received ?? object.amount ?? 0, event.id, event.created],
        );
        const payment = paid.rows[0];
        if (payment) {
          await client.query(
            `UPDATE "Enrollment" SET status = 'ACTIVE', "paymentStatus" = 'SUCCEEDED', "paymentId" = $2,
               "paymentDate" = now(), "webhookVerified" = true, "updatedAt" = now()
             WHERE id = $1 AND status = 'PENDING_PAYMENT'`,
            [payment.enrollmentId, payment.id],
          );
          await client.query(
            `INSERT INTO "OutboxMessage" (id, kind, "dedupeKey", recipient, subject, payload)
             SELECT gen_random_uuid()::text, m.kind, m.kind || ':' || p.id, m.recipient, m.subject,
                    jsonb_build_object('paymentId', p.id, 'amount', p.amount, 'currency', p.currency)
             FROM "Payment" p
             JOIN "User" l ON l.id = p."learnerId"
             JOIN "User" s ON s.id = p."specialistId"
             CROSS JOIN LATERAL (VALUES ('payment.receipt', l.email, 'Your receipt'),
                                        ('enrollment.new', s.email, 'A new enrollment')) AS m(kind, recipient, subject)
             WHERE p.id = $1
             ON CONFLICT ("dedupeKey") DO NOTHING`,
            [payment.id],
          );
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return reply.code(200).send({ received: true });
  });
});
