import type { PaymentDetails } from '@enrollpay/schemas';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { Loading, QueryError } from '../components/Feedback.js';
import { RefundPanel } from '../components/RefundPanel.js';
import { PaymentStatusBadge, StatusBadge } from '../components/StatusBadge.js';
import { useAuth } from '../lib/auth.js';
import { formatCard, formatDateTime, formatMoney, titleCase } from '../lib/format.js';
import { trpc } from '../lib/trpc.js';

/** Poll while something is in flight (a refund on its way, the webhook not yet in). */
function inFlight(p: PaymentDetails | undefined): boolean {
  if (!p) return false;
  if (p.refunds.some((r) => r.status === 'PENDING' || r.status === 'REQUIRES_ACTION')) return true;
  return p.status === 'PENDING' || p.status === 'PROCESSING';
}

export function PaymentDetailsPage() {
  const { paymentId = '' } = useParams();
  const { user } = useAuth();
  const payment = trpc.payments.get.useQuery(
    { paymentId },
    { refetchInterval: (q) => (inFlight(q.state.data) ? 1000 : false) },
  );
  // What can still be refunded changes with the payment (a refund landing, a dispute opening).
  const utils = trpc.useUtils();
  const version = payment.data ? `${payment.data.status}:${payment.data.amountRefunded}` : null;
  useEffect(() => {
    if (version) void utils.payments.refundability.invalidate({ paymentId });
  }, [version, paymentId, utils]);
  if (payment.isPending) return <Loading label="Loading payment…" />;
  if (payment.error) return <QueryError error={payment.error} what="Payment" />;
  const p = payment.data;
  const back = user?.role === 'LEARNER' ? '/payments' : user?.role === 'SPECIALIST' ? '/dashboard' : '/admin';
  return (
    <div className="narrow">
      <p>
        <Link to={back}>← Back</Link>
      </p>
      <div className="page-head">
        <h1>{p.offering.title}</h1>
        <PaymentStatusBadge status={p.status} />
      </div>
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Payment details</h2>
        <dl className="facts facts-grid">
          <div>
            <dt>Amount</dt>
            <dd>{p.free ? 'Free' : formatMoney(p.amount, p.currency)}</dd>
          </div>
          {p.promotionCode ? (
            <div>
              <dt>Promotion code</dt>
              <dd data-testid="promotion-code">
                {p.promotionCode}: −{formatMoney(p.discountAmount, p.currency)} (price{' '}
                {formatMoney(p.amount + p.discountAmount, p.currency)})
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Refunded</dt>
            <dd data-testid="amount-refunded">{formatMoney(p.amountRefunded, p.currency)}</dd>
          </div>
          <div>
            <dt>Enrollment</dt>
            <dd data-testid="enrollment-status">
              {p.enrollment ? <StatusBadge status={p.enrollment.status} /> : '—'}
            </dd>
          </div>
          <div>
            <dt>Learner</dt>
            <dd>{p.learner.name}</dd>
          </div>
          <div>
            <dt>Specialist</dt>
            <dd>{p.specialist.name}</dd>
          </div>
          <div>
            <dt>Card</dt>
            <dd>{formatCard(p.cardBrand, p.cardLast4)}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>{formatDateTime(p.createdAt)}</dd>
          </div>
          <div>
            <dt>Paid</dt>
            <dd>{formatDateTime(p.succeededAt)}</dd>
          </div>
          {p.refundedAt ? (
            <div>
              <dt>Refunded on</dt>
              <dd>{formatDateTime(p.refundedAt)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Stripe confirmation</dt>
            <dd data-testid="verification">
              {p.webhookVerified ? <span className="badge badge-good">Verified by Stripe</span> : 'Not yet'}
            </dd>
          </div>
          {p.failureMessage ? (
            <div>
              <dt>Failure</dt>
              <dd>{p.failureMessage}</dd>
            </div>
          ) : null}
          {p.disputeStatus ? (
            <div>
              <dt>Dispute</dt>
              <dd>{titleCase(p.disputeStatus)}</dd>
            </div>
          ) : null}
        </dl>
        {p.receiptUrl ? (
          <p>
            <a href={p.receiptUrl} target="_blank" rel="noreferrer">
              View receipt<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        ) : null}
      </section>
      {p.refunds.length > 0 ? (
        <section className="card" aria-labelledby="refunds-title">
          <h2 id="refunds-title">Refunds</h2>
          <ul className="plain-list">
            {p.refunds.map((r) => (
              <li key={r.id}>
                {formatMoney(r.amount, r.currency)} · {titleCase(r.reason)} ·{' '}
                <StatusBadge status={r.status} /> · {formatDateTime(r.createdAt)}
                {r.failureReason ? <span className="field-error"> ({r.failureReason})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="refund-title">
        <h2 id="refund-title">Refund</h2>
        <RefundPanel paymentId={p.id} />
      </section>
    </div>
  );
}
