import type { ConnectDrift, ReconcileReport } from '@enrollpay/schemas';
import type Stripe from 'stripe';
import { audit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { describeError } from '../jobs/backoff.js';
import {
  applyAccountUpdate,
  applyPayout,
  applyTransfer,
  PAYOUT_STATUS,
  reverseHeldTransfers,
  transferHeldFunds,
} from '../payouts/service.js';

/**
 * Reconciliation of Stripe Connect (issue 14): our rows against Stripe's transfers, application fees,
 * connected accounts and their payouts. What is safe to repair is repaired through the same appliers the
 * webhooks use (monotonic, idempotent); the rest is reported. Every difference is one `ConnectDrift`
 * (our value → Stripe's, and whether it was repaired), and each repair is audited ('reconcile.repair').
 *
 * Repaired: a transfer id or reversed amount a missed transfer.* webhook left out; a succeeded destination
 * charge without its transfer id (read from the charge); an account's onboarding state; a payout missing
 * or behind (missed payout.* webhooks); funds still held for an account that can now receive them; a held
 * transfer's reversal still owed. Reported only: an application fee that differs from ours, a fee not
 * refunded on a fully refunded payment, a transfer id that differs from ours, a payout whose final status
 * contradicts ours — each needs a person, since changing our figures would move the statistics.
 */
export type ConnectReport = ReconcileReport['connect'];

type Errors = ReconcileReport['errors'];

const FINAL_SUCCESS = ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED'] as const;

function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

export async function reconcileConnect(deps: AppDeps, since: Date, errors: Errors): Promise<ConnectReport> {
  const report: ConnectReport = {
    checked: { transfers: 0, applicationFees: 0, payouts: 0, accounts: 0 },
    drift: [],
  };
  const created = { gte: Math.floor(since.getTime() / 1000) };
  const now = () => deps.clock.now();

  async function record(drift: ConnectDrift) {
    report.drift.push(drift);
    if (!drift.repaired) return;
    deps.metrics.reconcileRepairs.inc({ kind: drift.kind });
    await audit(deps.db, {
      actorId: null,
      actorRole: null,
      action: 'reconcile.repair',
      paymentId: drift.paymentId,
      details: {
        stripeId: drift.stripeId,
        stripeAccountId: drift.stripeAccountId,
        changes: [{ field: drift.field, before: drift.before, after: drift.after }],
      },
    });
  }

  async function guarded(stripeId: string, work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      errors.push({ stripeId, message: describeError(error) });
    }
  }

  // 1. Transfers made since then (destination charges' and held funds'), against the payment they pay.
  await guarded('(listing transfers)', async () => {
    for await (const transfer of deps.stripe.transfers.list({ created, limit: 100 })) {
      report.checked.transfers++;
      await guarded(transfer.id, () => checkTransfer(transfer));
    }
  });

  async function checkTransfer(transfer: Stripe.Transfer) {
    const chargeId = idOf(transfer.source_transaction);
    if (!chargeId) return; // not a charge's transfer: not ours to compare
    const payment = await deps.db.payment.findUnique({
      where: { stripeChargeId: chargeId },
      select: { id: true, stripeTransferId: true, transferReversedAmount: true },
    });
    if (!payment) return; // reported by the PaymentIntent phase if it should be ours
    const base = {
      kind: 'TRANSFER' as const,
      stripeId: transfer.id,
      paymentId: payment.id,
      stripeAccountId: null,
    };
    if (payment.stripeTransferId !== null && payment.stripeTransferId !== transfer.id) {
      await record({
        ...base,
        field: 'stripeTransferId',
        before: payment.stripeTransferId,
        after: transfer.id,
        repaired: false,
      });
      return;
    }
    const missing = payment.stripeTransferId === null;
    const behind = payment.transferReversedAmount < transfer.amount_reversed;
    if (!missing && !behind) {
      if (payment.transferReversedAmount > transfer.amount_reversed) {
        await record({
          ...base,
          field: 'transferReversedAmount',
          before: payment.transferReversedAmount,
          after: transfer.amount_reversed,
          repaired: false,
        });
      }
      return;
    }
    const repaired = (await applyTransfer(deps, transfer)) === 'applied';
    if (missing) {
      await record({ ...base, field: 'stripeTransferId', before: null, after: transfer.id, repaired });
    }
    if (behind) {
      await record({
        ...base,
        field: 'transferReversedAmount',
        before: payment.transferReversedAmount,
        after: transfer.amount_reversed,
        repaired,
      });
    }
  }

  // 2. Succeeded destination charges of ours without their transfer id: read it from the charge.
  const untransferred = await deps.db.payment.findMany({
    where: {
      destinationAccountId: { not: null },
      stripeTransferId: null,
      stripeChargeId: { not: null },
      status: { in: [...FINAL_SUCCESS] },
      succeededAt: { gte: since },
    },
    select: { id: true, stripeChargeId: true },
    take: 1000,
  });
  for (const payment of untransferred) {
    const chargeId = payment.stripeChargeId ?? '';
    await guarded(chargeId, async () => {
      const charge = await deps.stripe.charges.retrieve(chargeId);
      const transferId = idOf(charge.transfer);
      if (!transferId) return;
      const transfer = await deps.stripe.transfers.retrieve(transferId);
      const repaired = (await applyTransfer(deps, transfer)) === 'applied';
      await record({
        kind: 'TRANSFER',
        stripeId: chargeId,
        paymentId: payment.id,
        stripeAccountId: idOf(transfer.destination),
        field: 'stripeTransferId',
        before: null,
        after: transfer.id,
        repaired,
      });
    });
  }

  // 3. Application fees since then: what the platform took, against what we recorded.
  await guarded('(listing application fees)', async () => {
    for await (const fee of deps.stripe.applicationFees.list({ created, limit: 100 })) {
      report.checked.applicationFees++;
      await guarded(fee.id, () => checkFee(fee));
    }
  });

  async function checkFee(fee: Stripe.ApplicationFee) {
    const chargeId = idOf(fee.originating_transaction) ?? idOf(fee.charge);
    if (!chargeId) return;
    const payment = await deps.db.payment.findUnique({
      where: { stripeChargeId: chargeId },
      select: { id: true, applicationFeeAmount: true, status: true },
    });
    if (!payment) return;
    const base = { kind: 'APPLICATION_FEE' as const, stripeId: fee.id, paymentId: payment.id };
    const stripeAccountId = idOf(fee.account);
    if (payment.applicationFeeAmount !== fee.amount) {
      await record({
        ...base,
        stripeAccountId,
        field: 'applicationFeeAmount',
        before: payment.applicationFeeAmount,
        after: fee.amount,
        repaired: false,
      });
    }
    // The refund completing a full refund refunds the fee (payouts/README.md "Refunds").
    if (payment.status === 'REFUNDED' && fee.amount_refunded < fee.amount) {
      await record({
        ...base,
        stripeAccountId,
        field: 'applicationFee.amountRefunded',
        before: fee.amount,
        after: fee.amount_refunded,
        repaired: false,
      });
    }
  }

  // 4. Every connected account of ours: its onboarding state, held funds, and its payouts since then.
  const accounts = await deps.db.connectedAccount.findMany({
    select: {
      userId: true,
      stripeAccountId: true,
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
      disabledReason: true,
    },
    orderBy: { createdAt: 'asc' },
  });
  for (const row of accounts) {
    report.checked.accounts++;
    const stripeAccountId = row.stripeAccountId;
    await guarded(stripeAccountId, async () => {
      const account = await deps.stripe.accounts.retrieve(stripeAccountId);
      const ours = {
        chargesEnabled: row.chargesEnabled,
        payoutsEnabled: row.payoutsEnabled,
        detailsSubmitted: row.detailsSubmitted,
        disabledReason: row.disabledReason,
      };
      const theirs = {
        chargesEnabled: account.charges_enabled ?? false,
        payoutsEnabled: account.payouts_enabled ?? false,
        detailsSubmitted: account.details_submitted ?? false,
        disabledReason: account.requirements?.disabled_reason ?? null,
      };
      const fields = (Object.keys(ours) as (keyof typeof ours)[]).filter((k) => ours[k] !== theirs[k]);
      if (fields.length > 0) {
        const repaired = (await applyAccountUpdate(deps, account, now())) === 'applied';
        for (const field of fields) {
          await record({
            kind: 'ACCOUNT',
            stripeId: stripeAccountId,
            paymentId: null,
            stripeAccountId,
            field,
            before: ours[field],
            after: theirs[field],
            repaired,
          });
        }
      }
      await checkHeldFunds(row.userId, stripeAccountId);
    });
    await guarded(`${stripeAccountId} payouts`, async () => {
      const list = deps.stripe.payouts.list({ created, limit: 100 }, { stripeAccount: stripeAccountId });
      for await (const payout of list) {
        report.checked.payouts++;
        await guarded(payout.id, () => checkPayout(payout, stripeAccountId));
      }
    });
  }

  /** Funds still held for an account that can receive them, and held transfers' reversals still owed. */
  async function checkHeldFunds(userId: string, stripeAccountId: string) {
    const held = await deps.db.payment.findMany({
      where: {
        specialistId: userId,
        destinationAccountId: null,
        stripeTransferId: null,
        stripeChargeId: { not: null },
        status: { in: ['SUCCEEDED', 'PARTIALLY_REFUNDED'] },
      },
      select: { id: true },
    });
    if (held.length > 0 && (await transferHeldFunds(deps, stripeAccountId)) > 0) {
      const moved = await deps.db.payment.findMany({
        where: { id: { in: held.map((p) => p.id) }, stripeTransferId: { not: null } },
        select: { id: true, stripeTransferId: true },
      });
      for (const p of moved) {
        await record({
          kind: 'TRANSFER',
          stripeId: p.stripeTransferId ?? '',
          paymentId: p.id,
          stripeAccountId,
          field: 'stripeTransferId',
          before: null,
          after: p.stripeTransferId,
          repaired: true,
        });
      }
    }
    const owing = await deps.db.refund.findMany({
      where: {
        status: 'SUCCEEDED',
        heldReversalId: null,
        OR: [{ heldReversalAmount: null }, { heldReversalAmount: { gt: 0 } }],
        payment: { specialistId: userId, destinationAccountId: null, stripeTransferId: { not: null } },
      },
      select: { id: true, paymentId: true, payment: { select: { stripeTransferId: true } } },
    });
    for (const paymentId of new Set(owing.map((r) => r.paymentId))) {
      await reverseHeldTransfers(deps, paymentId);
    }
    for (const r of owing) {
      const after = await deps.db.refund.findUniqueOrThrow({
        where: { id: r.id },
        select: { heldReversalAmount: true, heldReversalId: true, heldReversalError: true },
      });
      if (after.heldReversalAmount === 0) continue; // nothing was owed after all
      await record({
        kind: 'TRANSFER',
        stripeId: r.payment.stripeTransferId ?? '',
        paymentId: r.paymentId,
        stripeAccountId,
        field: `refund[${r.id}].heldReversal`,
        before: null,
        after: after.heldReversalId ?? after.heldReversalError,
        repaired: after.heldReversalId !== null,
      });
    }
  }

  async function checkPayout(payout: Stripe.Payout, stripeAccountId: string) {
    const row = await deps.db.payout.findUnique({
      where: { stripePayoutId: payout.id },
      select: { status: true, amount: true, arrivalDate: true },
    });
    const status = PAYOUT_STATUS[payout.status] ?? 'PENDING';
    const arrival = new Date(payout.arrival_date * 1000);
    const same =
      row !== null &&
      row.status === status &&
      row.amount === payout.amount &&
      row.arrivalDate.getTime() === arrival.getTime();
    if (same) return;
    const repaired =
      (await applyPayout(deps, payout, stripeAccountId, now(), { current: true })) === 'applied';
    await record({
      kind: 'PAYOUT',
      stripeId: payout.id,
      paymentId: null,
      stripeAccountId,
      field: row === null ? 'payout' : row.status !== status ? 'status' : 'amount/arrivalDate',
      before: row === null ? null : row.status,
      after: status,
      repaired,
    });
  }

  return report;
}
