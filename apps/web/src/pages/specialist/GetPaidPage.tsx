import type { PayoutAccountOutput, PayoutStatus } from '@enrollpay/schemas';
import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ExportCsv } from '../../components/ExportCsv.js';
import { Alert, Loading, QueryError } from '../../components/Feedback.js';
import { DetailsRow, DisclosureButton, QueryList, TableHead } from '../../components/ListSection.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format.js';
import { trpc } from '../../lib/trpc.js';

const ACCOUNT_TEXT: Record<
  PayoutAccountOutput['status'],
  { title: string; tone: 'info' | 'warning' | 'success' }
> = {
  NOT_STARTED: { title: 'Set up payouts to receive your earnings', tone: 'info' },
  INCOMPLETE: { title: 'Onboarding is not finished yet', tone: 'warning' },
  RESTRICTED: { title: 'Stripe needs more information', tone: 'warning' },
  ACTIVE: { title: 'Payouts are active', tone: 'success' },
};

const PAYOUT_STATUS_TEXT: Record<PayoutStatus, string> = {
  PENDING: 'Pending',
  IN_TRANSIT: 'In transit',
  PAID: 'Paid',
  FAILED: 'Failed',
  CANCELED: 'Canceled',
};

/** The specialist's "Get paid" page: onboarding, balance per currency, payouts, fees on recent payments. */
export function GetPaidPage() {
  const [params] = useSearchParams();
  const account = trpc.payouts.account.useQuery(undefined, {
    // Back from Stripe's onboarding: account.updated may still be on its way.
    refetchInterval: (query) =>
      params.get('onboarding') && query.state.data?.status !== 'ACTIVE' ? 1000 : false,
  });
  return (
    <div>
      <div className="page-head">
        <h1>Get paid</h1>
      </div>
      {account.isPending ? <Loading label="Loading your payout account…" /> : null}
      {account.error ? <QueryError error={account.error} /> : null}
      {account.data ? <AccountSection account={account.data} /> : null}
      {account.data?.stripeAccountId ? (
        <>
          <BalanceSection />
          <PayoutsSection />
        </>
      ) : null}
      <PaymentFees feeBps={account.data?.feeBps} />
    </div>
  );
}

function AccountSection({ account }: { account: PayoutAccountOutput }) {
  const link = trpc.payouts.onboardingLink.useMutation({
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const text = ACCOUNT_TEXT[account.status];
  return (
    <section className="card" aria-labelledby="account-title" data-testid="payout-account">
      <h2 id="account-title">Payout account</h2>
      <Alert tone={text.tone} title={text.title}>
        {account.status === 'NOT_STARTED' ? (
          <p>
            Learners can already buy your offerings: we hold what they pay and transfer it to you, less the
            platform fee, as soon as you finish onboarding with Stripe.
          </p>
        ) : null}
        {account.status === 'ACTIVE' ? (
          <p>Charges and payouts are enabled. Your earnings are paid out to your bank account daily.</p>
        ) : null}
        {account.currentlyDue.length > 0 ? (
          <p>
            Still due: <span data-testid="currently-due">{account.currentlyDue.join(', ')}</span>
          </p>
        ) : null}
      </Alert>
      <p className="muted small">
        Platform fee: {(account.feeBps / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })} % of
        each sale{account.feeOverridden ? ' (a rate agreed with you)' : ''}, rounded to the nearest cent
        (halves round up; whole yen for JPY).
      </p>
      {account.status !== 'ACTIVE' ? (
        <button type="button" className="button" disabled={link.isPending} onClick={() => link.mutate()}>
          {account.status === 'NOT_STARTED' ? 'Start onboarding' : 'Continue onboarding'}
        </button>
      ) : null}
      {link.error ? <Alert>{errorMessage(link.error)}</Alert> : null}
    </section>
  );
}

function BalanceSection() {
  const balance = trpc.payouts.balance.useQuery();
  return (
    <section aria-labelledby="balance-title">
      <h2 id="balance-title">Balance</h2>
      <QueryList
        query={balance}
        items={balance.data?.balances}
        what="Balance"
        empty={<p className="muted">No money yet.</p>}
      >
        {(balances) => (
          <table className="data-table" data-testid="balances">
            <TableHead
              columns={['Currency', { label: 'Pending', num: true }, { label: 'Available', num: true }]}
            />
            <tbody>
              {balances.map((b) => (
                <tr key={b.currency} data-testid={`balance-${b.currency}`}>
                  <th scope="row">{b.currency.toUpperCase()}</th>
                  <td className="num" data-testid={`pending-${b.currency}`}>
                    {formatMoney(b.pending, b.currency)}
                  </td>
                  <td className="num" data-testid={`available-${b.currency}`}>
                    {formatMoney(b.available, b.currency)}
                    {b.available < 0 ? (
                      <span className="small muted">
                        {' '}
                        (refunds exceeded your balance; it is recovered from your next sales)
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryList>
    </section>
  );
}

function PayoutsSection() {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const payouts = trpc.payouts.list.useQuery({ cursor, limit: 20 });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="payouts-title">
      <h2 id="payouts-title">Payouts</h2>
      <QueryList
        query={payouts}
        items={payouts.data?.items}
        what="Payouts"
        empty={<p className="muted">No payouts yet.</p>}
      >
        {(items) => (
          <>
            <table className="data-table" data-testid="payouts">
              <TableHead
                columns={[
                  'Arrival date',
                  { label: 'Amount', num: true },
                  'Status',
                  { label: 'Details', hidden: true },
                ]}
              />
              <tbody>
                {items.map((p) => (
                  <Fragment key={p.id}>
                    <tr data-testid="payout-row">
                      <td>{formatDate(p.arrivalDate)}</td>
                      <td className="num">{formatMoney(p.amount, p.currency)}</td>
                      <td>
                        {PAYOUT_STATUS_TEXT[p.status]}
                        {p.failureMessage ? <span className="small muted"> — {p.failureMessage}</span> : null}
                      </td>
                      <td>
                        <DisclosureButton
                          controls={`payout-${p.id}`}
                          open={open === p.id}
                          onToggle={() => setOpen(open === p.id ? null : p.id)}
                        >
                          Payments
                          <span className="visually-hidden">
                            {' '}
                            in the payout of {formatDate(p.arrivalDate)}
                          </span>
                        </DisclosureButton>
                      </td>
                    </tr>
                    {open === p.id ? (
                      <DetailsRow id={`payout-${p.id}`} columns={4}>
                        <PayoutPayments payoutId={p.id} />
                      </DetailsRow>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
            {/* Every payout, not only this page: the file is for the specialist's books. */}
            <ExportCsv kind="payouts" filters={{}} label="Export payouts CSV" />
          </>
        )}
      </QueryList>
      {payouts.data?.nextCursor ? (
        <button
          type="button"
          className="button-link"
          onClick={() => setCursor(payouts.data.nextCursor ?? undefined)}
        >
          Older payouts
        </button>
      ) : null}
    </section>
  );
}

function PayoutPayments({ payoutId }: { payoutId: string }) {
  const lines = trpc.payouts.payments.useQuery({ payoutId });
  return (
    <QueryList
      query={lines}
      items={lines.data?.items}
      what="Payout"
      empty={<p className="muted">Nothing in this payout.</p>}
    >
      {(items) => (
        <table className="data-table" data-testid="payout-payments">
          <TableHead
            columns={[
              'Payment',
              { label: 'Amount', num: true },
              { label: 'Platform fee', num: true },
              { label: 'Net', num: true },
            ]}
          />
          <tbody>
            {items.map((l, i) => (
              <tr key={`${l.paymentId ?? l.type}-${i}`}>
                <td>
                  {l.paymentId ? (
                    <Link to={`/payments/${l.paymentId}`}>{l.description ?? l.paymentId}</Link>
                  ) : (
                    (l.description ?? l.type)
                  )}
                </td>
                <td className="num">{formatMoney(l.amount, l.currency)}</td>
                <td className="num">{formatMoney(l.fee, l.currency)}</td>
                <td className="num">{formatMoney(l.net, l.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryList>
  );
}

function PaymentFees({ feeBps }: { feeBps: number | undefined }) {
  const payments = trpc.payments.forSpecialist.useQuery({ limit: 20 });
  return (
    <section aria-labelledby="fees-title">
      <h2 id="fees-title">Recent payments and fees</h2>
      <QueryList
        query={payments}
        items={payments.data?.items}
        empty={<p className="muted">No payments yet.</p>}
      >
        {(items) => (
          <table className="data-table" data-testid="payment-fees">
            <TableHead
              columns={[
                'Date',
                'Offering',
                { label: 'Amount', num: true },
                { label: 'Platform fee', num: true },
                { label: 'Refunded', num: true },
              ]}
            />
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>{formatDateTime(p.createdAt)}</td>
                  <td>
                    <Link to={`/payments/${p.id}`}>{p.offeringTitle}</Link>
                  </td>
                  <td className="num">{formatMoney(p.amount, p.currency)}</td>
                  <td className="num" data-testid="payment-fee">
                    {formatMoney(p.applicationFeeAmount, p.currency)}
                  </td>
                  <td className="num">{formatMoney(p.amountRefunded, p.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryList>
      {feeBps !== undefined ? (
        <p className="muted small">A fee of 0 means the payment is held until your onboarding is complete.</p>
      ) : null}
    </section>
  );
}
