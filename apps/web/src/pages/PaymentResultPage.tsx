import { paymentOutcomeKnown } from '@enrollpay/schemas';
import { skipToken } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Loading, QueryError } from '../components/Feedback.js';
import { PaymentStatusBadge, StatusBadge } from '../components/StatusBadge.js';
import { formatCard, formatDateTime, formatMoney } from '../lib/format.js';
import { liveUpdatesSupported, trpc } from '../lib/trpc.js';

/** The fallback only: polling `payments.get` when live updates are refused or unsupported. */
const POLL_MS = 1000;
const POLL_FOR_MS = 120_000;

/**
 * The outcome of a checkout. It learns the payment's state from `payments.onStatus` (Server-Sent Events,
 * pushed when a webhook or payments.confirm applies a change, on whichever server instance): the current
 * state at once, then each change, until the outcome is known (`paymentOutcomeKnown`), when the server
 * ends the stream. Its events fill the `payments.get` cache, so the page never asks `payments.get` while
 * the stream works. When the server refuses the stream (NOT_FOUND, too many open, overloaded) or the
 * browser cannot run it, the page polls `payments.get` instead, and stops once the outcome is known.
 * A dropped connection (a network blip, the server's 2-minute limit) is reconnected by the link itself,
 * and the server sends the current state first.
 */
export function PaymentResultPage() {
  const { paymentId = '' } = useParams();
  const openedAt = useRef(Date.now());
  const utils = trpc.useUtils();
  const [live, setLive] = useState(liveUpdatesSupported);
  const confirm = trpc.payments.confirm.useMutation({
    onSettled: () => utils.payments.get.invalidate({ paymentId }),
  });
  const stream = trpc.payments.onStatus.useSubscription(live ? { paymentId } : skipToken, {
    onData: (details) => utils.payments.get.setData({ paymentId }, details),
    onError: () => setLive(false),
  });
  // An error the server sent while the link retries (it carries `data`, e.g. SERVICE_UNAVAILABLE when
  // overloaded): poll rather than retry. Without `data` it is the connection, which the link reconnects.
  const refused = stream.status === 'connecting' && Boolean(stream.error?.data);
  useEffect(() => {
    if (refused) setLive(false);
  }, [refused]);
  const payment = trpc.payments.get.useQuery(
    { paymentId },
    {
      enabled: !live,
      refetchInterval: (query) =>
        query.state.data &&
        !paymentOutcomeKnown(query.state.data) &&
        Date.now() - openedAt.current < POLL_FOR_MS
          ? POLL_MS
          : false,
    },
  );
  // Returning from a redirect-based payment method (Stripe appends `redirect_status`): sync from Stripe
  // once. Coming from the checkout form, it has already confirmed after Stripe.js answered.
  const confirmed = useRef(false);
  const mutate = confirm.mutate;
  useEffect(() => {
    if (confirmed.current) return;
    confirmed.current = true;
    if (new URLSearchParams(window.location.search).has('redirect_status')) mutate({ paymentId });
  }, [mutate, paymentId]);

  if (payment.isPending) return <Loading label="Checking your payment…" />;
  if (payment.error) return <QueryError error={payment.error} what="Payment" />;
  const p = payment.data;
  const amount = formatMoney(p.amount, p.currency);
  const checkout = `/offerings/${p.offering.id}/checkout`;

  if (p.status === 'FAILED' || p.status === 'CANCELED') {
    return (
      <section className="narrow result result-failed" aria-labelledby="result-title">
        <h1 id="result-title">Payment failed</h1>
        <p>
          Your payment of {amount} for <strong>{p.offering.title}</strong> did not go through. You have not
          been charged.
        </p>
        {p.failureMessage ? (
          <Alert title="Reason">
            <span data-testid="failure-reason">{p.failureMessage}</span>
          </Alert>
        ) : null}
        <p className="actions">
          <Link className="button-primary" to={checkout}>
            Try again with another card
          </Link>
          <Link to="/payments">My payments</Link>
        </p>
      </section>
    );
  }

  if (p.status === 'PENDING' || p.status === 'PROCESSING' || p.status === 'REQUIRES_ACTION') {
    return (
      <section className="narrow result result-processing" aria-labelledby="result-title">
        <h1 id="result-title">
          {p.status === 'REQUIRES_ACTION' ? 'Authentication required' : 'Payment processing'}
        </h1>
        {p.status === 'REQUIRES_ACTION' ? (
          <p>
            Your bank needs you to confirm the payment of {amount}.{' '}
            <Link to={checkout}>Return to checkout</Link> to finish it.
          </p>
        ) : (
          <p aria-live="polite">
            <span className="spinner" aria-hidden="true" /> We are waiting for the payment of {amount} for{' '}
            <strong>{p.offering.title}</strong> to complete. This page updates by itself; you can also leave
            it — we will email you the outcome.
          </p>
        )}
        <PaymentStatusBadge status={p.status} />
      </section>
    );
  }

  return (
    <section className="narrow result result-succeeded" aria-labelledby="result-title">
      <h1 id="result-title">Payment successful</h1>
      <p>
        Thank you! You paid <strong>{amount}</strong> for <strong>{p.offering.title}</strong> by{' '}
        {p.specialist.name}.
      </p>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <PaymentStatusBadge status={p.status} />
          </dd>
        </div>
        <div>
          <dt>Enrollment</dt>
          <dd data-testid="enrollment-status">
            {p.enrollment ? <StatusBadge status={p.enrollment.status} /> : '—'}
          </dd>
        </div>
        <div>
          <dt>Card</dt>
          <dd>{formatCard(p.cardBrand, p.cardLast4)}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{formatDateTime(p.succeededAt)}</dd>
        </div>
        <div>
          <dt>Confirmation</dt>
          <dd data-testid="verification" aria-live="polite">
            {p.webhookVerified ? (
              <span className="badge badge-good">Verified by Stripe</span>
            ) : (
              <span className="muted">Waiting for Stripe's confirmation…</span>
            )}
          </dd>
        </div>
      </dl>
      <p className="actions">
        {p.receiptUrl ? (
          <a className="button-secondary" href={p.receiptUrl} target="_blank" rel="noreferrer">
            View receipt<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        ) : null}
        <Link to={`/payments/${p.id}`}>Payment details</Link>
        <Link to="/payments">My payments</Link>
      </p>
    </section>
  );
}
