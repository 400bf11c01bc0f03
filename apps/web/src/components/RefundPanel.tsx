import { RefundPaymentInputSchema, type RefundReason, toMinorUnits } from '@enrollpay/schemas';
import { type FormEvent, useId, useState } from 'react';
import { useAuth } from '../lib/auth.js';
import { errorMessage, issuesByField } from '../lib/errors.js';
import { formatDate, formatMoney } from '../lib/format.js';
import { trpc } from '../lib/trpc.js';
import { Alert, Loading } from './Feedback.js';

const REASONS: { value: RefundReason; label: string }[] = [
  { value: 'REQUESTED_BY_CUSTOMER', label: 'I changed my mind / no longer need it' },
  { value: 'DUPLICATE', label: 'I was charged twice' },
  { value: 'FRAUDULENT', label: 'I did not make this payment' },
  { value: 'OTHER', label: 'Something else' },
];

/**
 * Whether this payment can be refunded by the signed-in user and, if so, the form to ask for it.
 * When it cannot, the server's reason is shown as is (`payments.refundability`).
 */
export function RefundPanel({ paymentId, onRefunded }: { paymentId: string; onRefunded?: () => void }) {
  const id = useId();
  const { user } = useAuth();
  const utils = trpc.useUtils();
  const refundability = trpc.payments.refundability.useQuery({ paymentId });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refund = trpc.payments.refund.useMutation({
    onSuccess: async () => {
      await Promise.all([
        utils.payments.get.invalidate({ paymentId }),
        utils.payments.refundability.invalidate({ paymentId }),
        utils.payments.history.invalidate(),
        utils.payments.forSpecialist.invalidate(),
        utils.stats.specialist.invalidate(),
      ]);
      onRefunded?.();
    },
  });
  const staff = user?.role === 'SPECIALIST' || user?.role === 'ADMIN';

  if (refundability.isPending) return <Loading label="Checking whether a refund is possible…" />;
  if (refundability.error)
    return <Alert title="Refunds unavailable">{errorMessage(refundability.error)}</Alert>;
  const r = refundability.data;

  const requested = refund.data ? (
    <Alert tone="success" title="Refund requested">
      {formatMoney(refund.data.amount, refund.data.currency)} will be returned to the card. Status:{' '}
      <span data-testid="refund-status">{refund.data.status.toLowerCase()}</span>. Refunds usually reach the
      card within 5–10 business days.
    </Alert>
  ) : null;
  if (!r.refundable) {
    return (
      <>
        {requested}
        <div className="refund-blocked" data-testid="refund-blocked">
          <p>
            <strong>{requested ? 'No further refund is possible.' : 'A refund is not possible.'}</strong>{' '}
            {r.message}
          </p>
        </div>
      </>
    );
  }
  if (requested && !staff) return requested;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const amountText = String(data.get('amount') ?? '').trim();
    let amount: number | undefined;
    if (amountText) {
      try {
        amount = toMinorUnits(amountText, r.currency);
      } catch (error) {
        setErrors({ amount: error instanceof Error ? error.message : 'amount is not valid' });
        return;
      }
    }
    const note = String(data.get('note') ?? '').trim();
    const parsed = RefundPaymentInputSchema.safeParse({
      paymentId,
      reason: String(data.get('reason') ?? ''),
      ...(amount !== undefined ? { amount } : {}),
      ...(note ? { note } : {}),
    });
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    if (parsed.data.amount !== undefined && parsed.data.amount > r.maxAmount) {
      setErrors({ amount: `amount must be at most ${formatMoney(r.maxAmount, r.currency)}` });
      return;
    }
    setErrors({});
    refund.mutate(parsed.data);
  }

  return (
    <>
      {requested}
      <form className="form refund-form" onSubmit={handleSubmit} noValidate aria-label="Request a refund">
        <p>
          You can get up to <strong>{formatMoney(r.maxAmount, r.currency)}</strong> back
          {r.windowEndsAt ? ` until ${formatDate(r.windowEndsAt)}` : ''}.
        </p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <select id={`${id}-reason`} name="reason" defaultValue="REQUESTED_BY_CUSTOMER">
            {REASONS.map((reason) => (
              <option key={reason.value} value={reason.value}>
                {reason.label}
              </option>
            ))}
          </select>
          {errors.reason ? <p className="field-error">{errors.reason}</p> : null}
        </div>
        {staff ? (
          <div className="field">
            <label htmlFor={`${id}-amount`}>
              Amount ({r.currency.toUpperCase()}, leave empty for the full amount)
            </label>
            <input
              id={`${id}-amount`}
              name="amount"
              inputMode="decimal"
              aria-invalid={errors.amount ? true : undefined}
              aria-describedby={errors.amount ? `${id}-amount-error` : undefined}
            />
            {errors.amount ? (
              <p className="field-error" id={`${id}-amount-error`}>
                {errors.amount}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-note`}>Anything else we should know? (optional)</label>
          <textarea id={`${id}-note`} name="note" rows={2} maxLength={500} />
          {errors.note ? <p className="field-error">{errors.note}</p> : null}
        </div>
        {refund.error ? <Alert title="The refund was not made">{errorMessage(refund.error)}</Alert> : null}
        <button type="submit" className="button-danger" disabled={refund.isPending}>
          {refund.isPending ? 'Requesting refund…' : staff ? 'Refund payment' : 'Request refund'}
        </button>
      </form>
    </>
  );
}
