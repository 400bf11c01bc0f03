import type Stripe from 'stripe';
import { AUTOMATIC, type Ctx, now, type RequestInfo, type Route } from '../context.js';
import { invalidRequest, resourceMissing } from '../errors.js';
import { emitEvent } from '../events.js';
import { newId } from '../ids.js';
import { paginate } from '../list.js';
import { applyMetadata, isParams, optBool, optObject, optString } from '../params.js';
import { createBalanceTransaction } from './charges.js';

export function getDispute(ctx: Ctx, id: string): Stripe.Dispute {
  const d = ctx.store.disputes.get(id);
  if (!d) throw resourceMissing('dispute', id);
  return d;
}

function emptyEvidence(): Stripe.Dispute.Evidence {
  return {
    access_activity_log: null,
    billing_address: null,
    cancellation_policy: null,
    cancellation_policy_disclosure: null,
    cancellation_rebuttal: null,
    customer_communication: null,
    customer_email_address: null,
    customer_name: null,
    customer_purchase_ip: null,
    customer_signature: null,
    duplicate_charge_documentation: null,
    duplicate_charge_explanation: null,
    duplicate_charge_id: null,
    enhanced_evidence: {},
    product_description: null,
    receipt: null,
    refund_policy: null,
    refund_policy_disclosure: null,
    refund_refusal_explanation: null,
    service_date: null,
    service_documentation: null,
    shipping_address: null,
    shipping_carrier: null,
    shipping_date: null,
    shipping_documentation: null,
    shipping_tracking_number: null,
    uncategorized_file: null,
    uncategorized_text: null,
  };
}

/**
 * Evidence can be saved and submitted while the dispute needs a response and its due date has not
 * passed; once submitted it is under review and, as on Stripe, can no longer be changed.
 */
function assertAcceptsEvidence(ctx: Ctx, d: Stripe.Dispute): void {
  if (d.status !== 'needs_response' && d.status !== 'warning_needs_response') {
    throw invalidRequest(
      `This dispute's evidence was already submitted (status ${d.status}); it can no longer be updated.`,
      { param: 'evidence' },
    );
  }
  if (d.evidence_details.due_by !== null && now(ctx) > d.evidence_details.due_by) {
    d.evidence_details.past_due = true;
    throw invalidRequest('The due date for submitting evidence on this dispute has passed.', {
      param: 'evidence',
    });
  }
}

/** Opens a fraudulent-chargeback dispute on a charge (what `pm_card_createDispute` does). */
export function openDispute(
  ctx: Ctx,
  chargeId: string,
  request: RequestInfo = AUTOMATIC,
): Stripe.Dispute | undefined {
  const ch = ctx.store.charges.get(chargeId);
  if (!ch) return undefined;
  const id = newId('dp');
  const created = now(ctx);
  const txn = createBalanceTransaction(ctx, {
    amount: -ch.amount,
    currency: ch.currency,
    fee: 1500,
    type: 'adjustment',
    reportingCategory: 'dispute',
    source: id,
    description: `Chargeback withdrawal for ${ch.id}`,
  });
  const dispute: Stripe.Dispute = {
    id,
    object: 'dispute',
    amount: ch.amount,
    balance_transactions: [txn],
    charge: ch.id,
    created,
    currency: ch.currency,
    enhanced_eligibility_types: [],
    evidence: emptyEvidence(),
    evidence_details: {
      due_by: created + 7 * 86400,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: 'not_submitted',
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: typeof ch.payment_intent === 'string' ? ch.payment_intent : null,
    payment_method_details: {
      card: {
        brand: ch.payment_method_details?.card?.brand ?? 'visa',
        case_type: 'chargeback',
        network: ch.payment_method_details?.card?.brand ?? 'visa',
        network_reason_code: '10.4',
      },
      type: 'card',
    },
    reason: 'fraudulent',
    status: 'needs_response',
  };
  ctx.store.disputes.set(id, dispute);
  ch.disputed = true;
  emitEvent(ctx, 'charge.dispute.created', dispute, request);
  return dispute;
}

/** Ends a dispute as won or lost (the card network's decision; a control in the emulator). */
export function closeDispute(
  ctx: Ctx,
  dispute: Stripe.Dispute,
  status: 'won' | 'lost',
  request: RequestInfo,
): Stripe.Dispute {
  if (dispute.status === 'won' || dispute.status === 'lost') {
    throw invalidRequest(`This dispute is already closed (status ${dispute.status}).`, {
      code: 'dispute_already_closed',
    });
  }
  const previous = { status: dispute.status };
  dispute.status = status;
  if (status === 'won') {
    const txn = createBalanceTransaction(ctx, {
      amount: dispute.amount,
      currency: dispute.currency,
      fee: -1500,
      type: 'adjustment',
      reportingCategory: 'dispute_reversal',
      source: dispute.id,
      description: `Chargeback reversal for ${typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id}`,
    });
    dispute.balance_transactions.push(txn);
  }
  emitEvent(ctx, 'charge.dispute.closed', dispute, request, previous);
  // Stripe returns the withdrawn amount and fee when a dispute is won, and says so in its own event.
  if (status === 'won') emitEvent(ctx, 'charge.dispute.funds_reinstated', dispute, request);
  return dispute;
}

export const disputeRoutes: Route[] = [
  { method: 'GET', path: '/v1/disputes/:id', handler: (ctx, { path }) => getDispute(ctx, path.id ?? '') },
  {
    method: 'POST',
    path: '/v1/disputes/:id',
    handler: (ctx, { path, params, request }) => {
      const d = getDispute(ctx, path.id ?? '');
      if (d.status === 'won' || d.status === 'lost') {
        throw invalidRequest('This dispute is already closed and cannot be updated.', {
          code: 'dispute_already_closed',
        });
      }
      const previous: Record<string, unknown> = {};
      const evidence = optObject(params, 'evidence');
      const submit = optBool(params, 'submit') === true;
      if (evidence || submit) assertAcceptsEvidence(ctx, d);
      if (evidence) {
        previous.evidence = structuredClone(d.evidence);
        const ev: Record<string, unknown> = { ...d.evidence };
        for (const [k, v] of Object.entries(evidence)) {
          if (!(k in ev))
            throw invalidRequest(`Received unknown parameter: evidence[${k}]`, { param: `evidence[${k}]` });
          ev[k] = isParams(v) ? v : (v ?? null);
        }
        Object.assign(d.evidence, ev);
        d.evidence_details.has_evidence = true;
      }
      const metadata = applyMetadata(d.metadata, params);
      if (metadata !== d.metadata) {
        previous.metadata = d.metadata;
        d.metadata = metadata;
      }
      if (submit) {
        previous.status = d.status;
        previous.evidence_details = { ...d.evidence_details };
        d.status = d.status === 'warning_needs_response' ? 'warning_under_review' : 'under_review';
        d.evidence_details.submission_count += 1;
        d.evidence_details.submission_method = 'manual';
      }
      emitEvent(ctx, 'charge.dispute.updated', d, request, previous);
      return d;
    },
  },
  {
    method: 'POST',
    path: '/v1/disputes/:id/close',
    handler: (ctx, { path, request }) => closeDispute(ctx, getDispute(ctx, path.id ?? ''), 'lost', request),
  },
  {
    method: 'GET',
    path: '/v1/disputes',
    handler: (ctx, { params }) => {
      const charge = optString(params, 'charge');
      const pi = optString(params, 'payment_intent');
      return paginate(
        '/v1/disputes',
        ctx.store.disputes.values(),
        params,
        (d) => (!charge || d.charge === charge) && (!pi || d.payment_intent === pi),
      );
    },
  },
];
