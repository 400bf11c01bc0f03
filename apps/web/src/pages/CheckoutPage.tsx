import {
  type CreatePaymentIntentOutput,
  type Offering,
  type PaymentStatus,
  PromotionCodeStringMiniSchema,
} from '@enrollpay/schemas';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Appearance } from '@stripe/stripe-js';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Loading, QueryError } from '../components/Feedback.js';
import { useAuth } from '../lib/auth.js';
import { checkoutKey, clearCheckoutKey, newRequestKey } from '../lib/checkout-key.js';
import { errorCode, errorMessage } from '../lib/errors.js';
import { formatMoney } from '../lib/format.js';
import { getStripe } from '../lib/stripe.js';
import { trpc } from '../lib/trpc.js';

/** The checkout's states, shown to the learner as they are. */
export type CheckoutPhase = 'loading' | 'ready' | 'submitting' | 'requires_action' | 'succeeded' | 'failed';

const DONE: ReadonlySet<PaymentStatus> = new Set([
  'SUCCEEDED',
  'PROCESSING',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'DISPUTED',
]);

const appearance: Appearance = {
  theme: 'stripe',
  variables: { colorPrimary: '#1f4fd1', borderRadius: '6px', fontFamily: 'system-ui, sans-serif' },
};

interface OpenPayment {
  /** A free enrollment (100 % code) never gets here: it has no client secret and goes to the result. */
  intent: CreatePaymentIntentOutput & { clientSecret: string };
  /** Where the payment stood when the page opened (a refresh in the middle of a payment). */
  status: PaymentStatus;
  failureMessage: string | null;
}

export function CheckoutPage() {
  const { offeringId = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const config = trpc.system.config.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });
  const offering = trpc.catalog.get.useQuery({ offeringId });
  const createIntent = trpc.payments.createIntent.useMutation();
  const [open, setOpen] = useState<OpenPayment | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const started = useRef<string | null>(null);
  const userId = user?.id ?? '';

  // Open (or recover) the payment once per learner+offering. The idempotency key survives a refresh, and
  // the server hands back the learner's open payment for this offering either way.
  useEffect(() => {
    if (!userId || !offering.data?.active || started.current === offeringId) return;
    started.current = offeringId;
    (async () => {
      try {
        const intent = await createIntent.mutateAsync({
          offeringId,
          idempotencyKey: checkoutKey(userId, offeringId),
        });
        // createIntent says where the payment stands (no payments.confirm, no Stripe call, before the
        // learner has done anything): a refresh after paying goes straight to the result.
        if (DONE.has(intent.status) || intent.clientSecret === null) {
          clearCheckoutKey(userId, offeringId);
          navigate(`/payments/${intent.paymentId}/result`, { replace: true });
          return;
        }
        setOpen({
          intent: { ...intent, clientSecret: intent.clientSecret },
          status: intent.status,
          failureMessage: intent.failureMessage,
        });
      } catch (error) {
        if (errorCode(error) === 'CONFLICT') clearCheckoutKey(userId, offeringId);
        setStartError(error);
      }
    })();
  }, [userId, offeringId, offering.data?.active, createIntent, navigate]);

  const stripePromise = useMemo(() => (config.data ? getStripe(config.data) : null), [config.data]);

  if (offering.isPending || config.isPending) return <Loading label="Loading checkout…" />;
  if (offering.error) return <QueryError error={offering.error} what="Offering" />;
  if (config.error) return <QueryError error={config.error} />;
  const o = offering.data;
  if (!o.active) return <Alert tone="warning" title="This offering is no longer available" />;

  const testMode = config.data.emulator || config.data.publishableKey.startsWith('pk_test_');
  return (
    <div className="checkout">
      <h1>Checkout</h1>
      <div className="checkout-grid">
        <div>
          <OrderSummary offering={o} intent={open?.intent ?? null} />
          {open ? (
            <PromotionCodeField
              offeringId={offeringId}
              intent={open.intent}
              onChange={(intent) => {
                if (intent.clientSecret === null || DONE.has(intent.status)) {
                  // A 100 % code: enrolled, nothing to pay.
                  clearCheckoutKey(userId, offeringId);
                  navigate(`/payments/${intent.paymentId}/result`);
                  return;
                }
                setOpen((current) =>
                  current
                    ? { ...current, intent: { ...intent, clientSecret: intent.clientSecret ?? '' } }
                    : current,
                );
              }}
            />
          ) : null}
        </div>
        <section className="card" aria-labelledby="payment-title">
          <h2 id="payment-title">Payment</h2>
          {startError ? (
            <StartError error={startError} />
          ) : !open || !stripePromise ? (
            <Loading label="Preparing a secure payment form…" />
          ) : (
            <Elements
              stripe={stripePromise}
              options={{ clientSecret: open.intent.clientSecret, appearance }}
              key={open.intent.clientSecret}
            >
              <CheckoutForm
                payment={open}
                onDone={(paymentId) => {
                  clearCheckoutKey(userId, offeringId);
                  navigate(`/payments/${paymentId}/result`);
                }}
              />
            </Elements>
          )}
          {testMode ? <TestCardHints /> : null}
        </section>
      </div>
    </div>
  );
}

function StartError({ error }: { error: unknown }) {
  if (errorCode(error) === 'CONFLICT') {
    return (
      <Alert tone="info" title="You are already enrolled">
        {errorMessage(error)}. See <Link to="/payments">My payments</Link>.
      </Alert>
    );
  }
  return <Alert title="The payment could not be started">{errorMessage(error)}</Alert>;
}

function OrderSummary({
  offering,
  intent,
}: {
  offering: Offering;
  intent: CreatePaymentIntentOutput | null;
}) {
  // The amount charged is the server's (from the payment), not the catalog's, should the price change.
  const amount = intent
    ? formatMoney(intent.amount, intent.currency)
    : formatMoney(offering.price.amount, offering.price.currency);
  const listAmount = intent ? formatMoney(intent.listAmount, intent.currency) : amount;
  return (
    <section className="card order-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Order summary</h2>
      <p className="summary-item">
        <span>
          <strong>{offering.title}</strong>
          <br />
          <span className="muted">
            {offering.kind === 'COURSE' ? 'Course' : 'Service'} by {offering.specialist.name}
          </span>
        </span>
        <span>{listAmount}</span>
      </p>
      {intent && intent.discountAmount > 0 ? (
        <p className="summary-item" data-testid="order-discount">
          <span>Promotion code {intent.promotionCode}</span>
          <span>−{formatMoney(intent.discountAmount, intent.currency)}</span>
        </p>
      ) : null}
      <p className="summary-total">
        <span>Total</span>
        <strong data-testid="order-total">{amount}</strong>
      </p>
      <p className="muted small">
        {offering.refundWindowDays > 0
          ? `You can ask for a full refund within ${offering.refundWindowDays} days.`
          : 'This offering has no self-service refunds.'}
      </p>
    </section>
  );
}

/** "−20 %: you pay $39.20" (or "−$10.00: you pay $39.20" for a fixed amount). */
export function discountSummary(intent: CreatePaymentIntentOutput): string {
  const off =
    intent.percentOff !== null
      ? `−${intent.percentOff}%`
      : `−${formatMoney(intent.discountAmount, intent.currency)}`;
  return `${off}: you pay ${formatMoney(intent.amount, intent.currency)}`;
}

/**
 * The promotion code field. Apply and Remove call payments.createIntent again (a new request key, the
 * same open payment): the server checks the code, computes the price and changes the open PaymentIntent's
 * amount, so what is shown is what will be charged.
 */
function PromotionCodeField({
  offeringId,
  intent,
  onChange,
}: {
  offeringId: string;
  intent: CreatePaymentIntentOutput;
  onChange: (intent: CreatePaymentIntentOutput) => void;
}) {
  const id = useId();
  const apply = trpc.payments.createIntent.useMutation();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(promotionCode: string | null) {
    setProblem(null);
    if (promotionCode !== null) {
      // zod/mini: the same rule and messages as the API's PromotionCodeStringSchema, without classic zod.
      const parsed = PromotionCodeStringMiniSchema.safeParse(promotionCode);
      if (!parsed.success) {
        setProblem(parsed.error.issues[0]?.message ?? 'This code is not valid');
        return;
      }
    }
    try {
      const answer = await apply.mutateAsync({
        offeringId,
        idempotencyKey: newRequestKey(),
        ...(promotionCode ? { promotionCode } : {}),
      });
      setCode('');
      onChange(answer);
    } catch (error) {
      setProblem(errorMessage(error).replace(/^promotionCode:?\s*/, ''));
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Got a code?</h2>
      {intent.promotionCode ? (
        <div>
          <p className="success-text" data-testid="promotion-result" aria-live="polite">
            <strong>{intent.promotionCode}</strong> {discountSummary(intent)}
          </p>
          <button
            type="button"
            className="button-link"
            disabled={apply.isPending}
            onClick={() => void submit(null)}
          >
            Remove code
          </button>
        </div>
      ) : (
        <form
          className="form-inline"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit(code.trim());
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-code`}>Promotion code</label>
            <input
              id={`${id}-code`}
              name="promotionCode"
              autoComplete="off"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              {...(problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
            />
            {problem ? (
              <p className="field-error" id={`${id}-error`} role="alert" data-testid="promotion-error">
                {problem}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button-secondary" disabled={apply.isPending || code.trim() === ''}>
            {apply.isPending ? 'Applying…' : 'Apply'}
          </button>
        </form>
      )}
    </section>
  );
}

function CheckoutForm({ payment, onDone }: { payment: OpenPayment; onDone: (paymentId: string) => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const confirm = trpc.payments.confirm.useMutation();
  const { intent } = payment;
  const [phase, setPhase] = useState<CheckoutPhase>(
    payment.status === 'REQUIRES_ACTION' ? 'requires_action' : 'loading',
  );
  const [message, setMessage] = useState<string | null>(
    payment.status === 'FAILED' && payment.failureMessage
      ? `Your last attempt did not go through: ${payment.failureMessage} Try again or use another card.`
      : null,
  );
  const [elementReady, setElementReady] = useState(false);
  const inFlight = useRef(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (message && (phase === 'failed' || phase === 'ready')) errorRef.current?.focus();
  }, [message, phase]);

  /** Ask the server where the payment stands (it syncs from Stripe) and move on or explain. */
  async function settle() {
    const state = await confirm.mutateAsync({ paymentId: intent.paymentId });
    if (DONE.has(state.status)) {
      setPhase('succeeded');
      onDone(intent.paymentId);
    } else if (state.status === 'REQUIRES_ACTION') {
      setPhase('requires_action');
    } else if (state.status === 'FAILED') {
      setPhase('failed');
      setMessage(state.failureMessage ?? 'The payment failed. Try again or use another card.');
    } else {
      setPhase('ready');
    }
  }

  async function run(action: () => Promise<{ error?: StripeErrorLike | undefined }>) {
    if (inFlight.current) return; // a second click while the first is on its way does nothing
    inFlight.current = true;
    setPhase('submitting');
    setMessage(null);
    try {
      const result = await action();
      if (result.error) {
        // Card errors carry the issuer's decline message; validation errors are shown in the form too.
        setMessage(learnerMessage(result.error));
        setPhase(result.error.type === 'validation_error' ? 'ready' : 'failed');
        // Record the failed attempt now rather than waiting for the webhook.
        if (result.error.type !== 'validation_error')
          await confirm.mutateAsync({ paymentId: intent.paymentId }).catch(() => {});
        return;
      }
      await settle();
    } catch (error) {
      setPhase('failed');
      setMessage(errorMessage(error));
    } finally {
      inFlight.current = false;
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    void run(() =>
      stripe.confirmPayment({
        elements,
        redirect: 'if_required',
        confirmParams: { return_url: `${window.location.origin}/payments/${intent.paymentId}/result` },
      }),
    );
  }

  function handleAuthenticate() {
    if (!stripe) return;
    void run(() => stripe.handleNextAction({ clientSecret: intent.clientSecret }));
  }

  const busy = phase === 'submitting' || phase === 'succeeded';
  const canSubmit = !!stripe && !!elements && elementReady && !busy;
  const total = formatMoney(intent.amount, intent.currency);
  return (
    <form onSubmit={handleSubmit} className="payment-form" aria-describedby="checkout-status" noValidate>
      <div className="payment-element" aria-busy={!elementReady}>
        <PaymentElement
          options={{ layout: 'tabs' }}
          onReady={() => {
            setElementReady(true);
            setPhase((p) => (p === 'loading' ? 'ready' : p));
          }}
          onLoadError={(e) => {
            setPhase('failed');
            setMessage(e.error.message ?? 'The payment form could not be loaded.');
          }}
        />
      </div>
      {!elementReady ? <Loading label="Loading the card form…" /> : null}
      <div id="checkout-status" aria-live="polite" className="checkout-status">
        {phase === 'submitting' ? (
          <p>
            <span className="spinner" aria-hidden="true" /> Processing your payment… If your bank asks you to
            confirm it, complete the check in the window that opens.
          </p>
        ) : null}
        {phase === 'succeeded' ? (
          <p className="success-text">Payment successful. Opening your receipt…</p>
        ) : null}
      </div>
      {phase === 'requires_action' ? (
        <Alert tone="warning" title="Authentication required">
          <p>Your bank needs you to confirm this payment before it can go through.</p>
          <button type="button" className="button-secondary" onClick={handleAuthenticate} disabled={!stripe}>
            Authenticate payment
          </button>
        </Alert>
      ) : null}
      {message ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          className="alert alert-error"
          role="alert"
          data-testid="payment-error"
        >
          <strong className="alert-title">Payment not completed</strong>
          <div>{message}</div>
        </div>
      ) : null}
      <button
        type="submit"
        className="button-primary button-block"
        disabled={!canSubmit}
        aria-disabled={!canSubmit}
      >
        {phase === 'submitting'
          ? 'Processing…'
          : phase === 'failed'
            ? `Try again — pay ${total}`
            : `Pay ${total}`}
      </button>
    </form>
  );
}

interface StripeErrorLike {
  type?: string;
  code?: string;
  message?: string;
}

/**
 * What to tell the learner about a Stripe.js error. Card and validation errors carry messages written for
 * cardholders (the issuer's decline reason); a failed 3-D Secure check carries an API message, so it gets ours.
 */
export function learnerMessage(error: StripeErrorLike): string {
  if (error.code === 'payment_intent_authentication_failure') {
    return 'We could not authenticate your payment with your bank. Try again, or use another card.';
  }
  if ((error.type === 'card_error' || error.type === 'validation_error') && error.message)
    return error.message;
  return error.message
    ? `The payment could not be completed: ${error.message}`
    : 'The payment could not be completed. Please try again.';
}

export function TestCardHints() {
  return (
    <details className="test-cards">
      <summary>Test cards</summary>
      <p className="small">Use any future expiry date, any 3-digit CVC and any postal code.</p>
      <ul className="small">
        <li>
          <code>4242 4242 4242 4242</code> — succeeds
        </li>
        <li>
          <code>4000 0000 0000 0002</code> — declined
        </li>
        <li>
          <code>4000 0000 0000 9995</code> — declined: insufficient funds
        </li>
        <li>
          <code>4000 0025 0000 3155</code> — asks for 3-D Secure authentication
        </li>
      </ul>
    </details>
  );
}
