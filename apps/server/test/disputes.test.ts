import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueEvidenceReminders } from '../src/disputes/service.js';
import { renderEmail } from '../src/mail/templates.js';
import { eventually, startTestStack, type TestStack } from './harness.js';
import { codeOf, errorOf, newOffering, pay } from './pay.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

/** Pays with the card that is disputed right after, and waits for the dispute's webhook to land. */
async function disputedPayment(amount = 4900, currency: 'usd' | 'jpy' = 'usd') {
  const offering = await newOffering(stack, stack.users.specialist, {
    amount,
    currency,
    title: `Disputed ${currency}`,
    refundWindowDays: 10,
  });
  const paymentId = await pay(stack, stack.users.learner, offering.id, 'pm_card_createDispute');
  const dispute = await eventually(() =>
    stack.db.dispute.findFirst({ where: { paymentId, evidenceDueBy: { not: null } } }),
  );
  return { offering, paymentId, dispute };
}

describe('disputes.list and disputes.get', () => {
  it('show the specialist and admins the open dispute with reason, amount and due date; others nothing', async () => {
    const { paymentId, dispute, offering } = await disputedPayment();
    const stripeDispute = await stack.deps.stripe.disputes.retrieve(dispute.stripeDisputeId);
    const dueBy = new Date(stripeDispute.evidence_details.due_by! * 1000).toISOString();

    const mine = await stack.clientFor(stack.users.specialist).disputes.list.query({});
    expect(mine.items.find((d) => d.id === dispute.id)).toMatchObject({
      paymentId,
      status: 'needs_response',
      reason: 'fraudulent',
      amount: 4900,
      currency: 'usd',
      dueBy,
      submissionCount: 0,
      needsResponse: true,
      learner: { name: 'Lena Learner' },
      offering: { id: offering.id },
    });
    const admin = await stack.clientFor(stack.users.admin).disputes.list.query({ state: 'open' });
    expect(admin.items.map((d) => d.id)).toContain(dispute.id);
    const other = await stack.clientFor(stack.users.specialist2).disputes.list.query({});
    expect(other.items.map((d) => d.id)).not.toContain(dispute.id);
    expect(await codeOf(stack.clientFor(stack.users.learner).disputes.list.query({}))).toBe('FORBIDDEN');
    expect(
      await codeOf(stack.clientFor(stack.users.specialist2).disputes.get.query({ disputeId: dispute.id })),
    ).toBe('NOT_FOUND');
    expect(await codeOf(stack.clientFor(null).disputes.list.query({}))).toBe('UNAUTHORIZED');
  });

  it('prefills the evidence from the offering, payment, enrollment and learner', async () => {
    const { paymentId, dispute, offering } = await disputedPayment();
    const details = await stack
      .clientFor(stack.users.specialist)
      .disputes.get.query({ disputeId: dispute.id });
    const today = new Date().toISOString().slice(0, 10);
    expect(details.saved).toEqual(Object.fromEntries(Object.keys(details.saved).map((k) => [k, null])));
    expect(details.prefill).toMatchObject({
      service_date: today,
      customer_name: 'Lena Learner',
      customer_email_address: 'learner@demo.test',
    });
    expect(details.prefill.product_description).toContain(offering.title);
    expect(details.prefill.product_description).toContain('$49.00');
    expect(details.prefill.access_activity_log).toContain(`payment ${paymentId} of $49.00 succeeded`);
    expect(details.prefill.refund_policy_disclosure).toContain('within 10 days');
    expect(details.prefill.refund_refusal_explanation).toContain('did not request a refund');
  });
});

describe('disputes.saveEvidence', () => {
  it('saves a draft at Stripe without submitting, then submits once; the dispute goes under review', async () => {
    const { dispute } = await disputedPayment();
    const specialist = stack.clientFor(stack.users.specialist);

    const draft = await specialist.disputes.saveEvidence.mutate({
      disputeId: dispute.id,
      evidence: {
        product_description: 'Ten video lessons',
        uncategorized_text: 'Learner wrote: "great course!"',
      },
    });
    expect(draft.dispute).toMatchObject({ status: 'needs_response', submissionCount: 0, submittedAt: null });
    expect(draft.saved).toMatchObject({
      product_description: 'Ten video lessons',
      uncategorized_text: 'Learner wrote: "great course!"',
      service_date: null,
    });
    let atStripe = await stack.deps.stripe.disputes.retrieve(dispute.stripeDisputeId);
    expect(atStripe.status).toBe('needs_response');
    expect(atStripe.evidence.product_description).toBe('Ten video lessons');
    expect(atStripe.evidence_details).toMatchObject({ submission_count: 0, has_evidence: true });

    // A second draft changes one field, clears another and keeps the rest.
    await specialist.disputes.saveEvidence.mutate({
      disputeId: dispute.id,
      evidence: { service_date: '2026-11-02', uncategorized_text: null },
    });
    atStripe = await stack.deps.stripe.disputes.retrieve(dispute.stripeDisputeId);
    expect(atStripe.evidence).toMatchObject({
      product_description: 'Ten video lessons',
      service_date: '2026-11-02',
      uncategorized_text: null,
    });

    const submitted = await specialist.disputes.saveEvidence.mutate({
      disputeId: dispute.id,
      evidence: { access_activity_log: 'watched 9 of 10 lessons' },
      submit: true,
    });
    expect(submitted.dispute).toMatchObject({
      status: 'under_review',
      submissionCount: 1,
      needsResponse: false,
    });
    expect(submitted.dispute.submittedAt).not.toBeNull();
    atStripe = await stack.deps.stripe.disputes.retrieve(dispute.stripeDisputeId);
    expect(atStripe.status).toBe('under_review');
    expect(atStripe.evidence_details.submission_count).toBe(1);
    expect(atStripe.evidence.access_activity_log).toBe('watched 9 of 10 lessons');

    // Every call carried a key derived from our dispute id and the evidence revision.
    const keys = stack.emulator.controls
      .events('charge.dispute.updated')
      .filter((e) => (e.data.object as { id: string }).id === dispute.stripeDisputeId)
      .map((e) => e.request?.idempotency_key);
    expect(keys).toEqual([0, 1, 2].map((r) => `dispute-evidence:${dispute.id}:${r}`));

    // Submitted evidence cannot change: CONFLICT, and Stripe is not asked again.
    const again = await errorOf(
      specialist.disputes.saveEvidence.mutate({ disputeId: dispute.id, evidence: {}, submit: true }),
    );
    expect(again.data?.code).toBe('CONFLICT');
    expect(again.message).toContain('already submitted');
    expect(
      (await stack.deps.stripe.disputes.retrieve(dispute.stripeDisputeId)).evidence_details.submission_count,
    ).toBe(1);

    const audits = await stack.db.auditLog.findMany({
      where: { paymentId: dispute.paymentId, action: { startsWith: 'dispute.' } },
      orderBy: { createdAt: 'asc' },
    });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ['dispute.evidence_saved', stack.users.specialist.id],
      ['dispute.evidence_saved', stack.users.specialist.id],
      ['dispute.evidence_submitted', stack.users.specialist.id],
    ]);

    // The network decides through the emulator's control; the closed event reaches our row.
    stack.emulator.controls.resolveDispute(dispute.stripeDisputeId, 'won');
    await eventually(
      async () => (await stack.db.dispute.findUnique({ where: { id: dispute.id } }))?.status === 'won',
    );
    const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: dispute.paymentId } });
    expect(payment.status).toBe('SUCCEEDED');
    const closed = await errorOf(
      specialist.disputes.saveEvidence.mutate({
        disputeId: dispute.id,
        evidence: { product_description: 'x' },
      }),
    );
    expect(closed.data?.code).toBe('CONFLICT');
    expect(closed.message).toContain('closed');
  });

  it('submits once when the same submit is sent twice at once', async () => {
    const { dispute } = await disputedPayment(3000, 'jpy');
    const admin = stack.clientFor(stack.users.admin);
    const submit = () =>
      admin.disputes.saveEvidence.mutate({
        disputeId: dispute.id,
        evidence: { product_description: 'Yen course' },
        submit: true,
      });
    const outcomes = await Promise.all([codeOf(submit()), codeOf(submit())]);
    expect(outcomes).toContain('OK');
    for (const outcome of outcomes) expect(['OK', 'CONFLICT']).toContain(outcome);
    const atStripe = await stack.deps.stripe.disputes.retrieve(dispute.stripeDisputeId);
    expect(atStripe.evidence_details.submission_count).toBe(1);
    const row = await stack.db.dispute.findUniqueOrThrow({ where: { id: dispute.id } });
    expect(row).toMatchObject({ status: 'under_review', submissionCount: 1, evidenceRevision: 1 });
    expect(
      await stack.db.auditLog.count({
        where: { paymentId: dispute.paymentId, action: 'dispute.evidence_submitted' },
      }),
    ).toBe(1);
  });

  it('refuses others and bad input without calling Stripe', async () => {
    const { dispute } = await disputedPayment();
    const save = (user: 'learner' | 'specialist2', evidence = {}) =>
      codeOf(
        stack.clientFor(stack.users[user]).disputes.saveEvidence.mutate({ disputeId: dispute.id, evidence }),
      );
    expect(await save('learner')).toBe('FORBIDDEN');
    expect(await save('specialist2')).toBe('NOT_FOUND');

    const specialist = stack.clientFor(stack.users.specialist);
    // A field Stripe has but we do not offer (a file id).
    const fileField: Record<string, string> = { receipt: 'file_123' };
    const unknown = await errorOf(
      specialist.disputes.saveEvidence.mutate({ disputeId: dispute.id, evidence: fileField }),
    );
    expect(unknown.data?.code).toBe('BAD_REQUEST');
    expect(unknown.message).toContain('unknown field(s): receipt');
    const tooLong = await errorOf(
      specialist.disputes.saveEvidence.mutate({
        disputeId: dispute.id,
        evidence: { product_description: 'x'.repeat(20_001) },
      }),
    );
    expect(tooLong.data?.fieldErrors).toContainEqual({
      path: 'evidence.product_description',
      message: 'evidence.product_description must be at most 20000 characters',
    });
    const atStripe = await stack.deps.stripe.disputes.retrieve(dispute.stripeDisputeId);
    expect(atStripe.evidence_details.has_evidence).toBe(false);
    expect((await stack.db.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).evidenceRevision).toBe(
      0,
    );
  });
});

describe('evidence reminder', () => {
  it('queues one email 3 days before the due date, once, for disputes still needing a response', async () => {
    const { dispute } = await disputedPayment();
    const dueBy = dispute.evidenceDueBy!;
    const at = (msBeforeDue: number) => ({
      db: stack.db,
      clock: { now: () => new Date(dueBy.getTime() - msBeforeDue) },
    });
    const day = 86_400_000;

    expect(await queueEvidenceReminders(at(4 * day))).toBe(0);
    expect(await queueEvidenceReminders(at(3 * day - 60_000))).toBeGreaterThanOrEqual(1);
    // Later runs (or another instance) do not send it again.
    expect(await queueEvidenceReminders(at(2 * day))).toBe(0);
    const mails = await stack.db.outboxMessage.findMany({
      where: { dedupeKey: `dispute.evidence_due:${dispute.id}` },
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipient: 'specialist@demo.test', kind: 'dispute.evidence_due' });
    const body = renderEmail('dispute.evidence_due', mails[0]!.payload, 'http://localhost:3000');
    expect(body.text).toContain(`due by ${dueBy.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    expect(body.text).toContain('$49.00');
    expect(body.text).toContain(`http://localhost:3000/disputes/${dispute.id}`);

    // A submitted dispute gets no reminder.
    const other = await disputedPayment();
    await stack.clientFor(stack.users.specialist).disputes.saveEvidence.mutate({
      disputeId: other.dispute.id,
      evidence: {},
      submit: true,
    });
    const clock = { now: () => new Date(other.dispute.evidenceDueBy!.getTime() - day) };
    await queueEvidenceReminders({ db: stack.db, clock });
    expect(
      await stack.db.outboxMessage.count({
        where: { dedupeKey: `dispute.evidence_due:${other.dispute.id}` },
      }),
    ).toBe(0);
  });
});
