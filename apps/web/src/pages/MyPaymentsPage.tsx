import { PAYMENT_STATUSES, type PaymentStatus } from '@enrollpay/schemas';
import { Link } from 'react-router';
import { Loading, QueryError } from '../components/Feedback.js';
import { Pager, useFilteredPages } from '../components/Pager.js';
import { PaymentStatusBadge } from '../components/StatusBadge.js';
import { StatusFilter } from '../components/StatusFilter.js';
import { formatDateTime, formatMoney } from '../lib/format.js';
import { trpc } from '../lib/trpc.js';

export function MyPaymentsPage() {
  const [status, setStatus, pages] = useFilteredPages<PaymentStatus>();
  const history = trpc.payments.history.useQuery({
    limit: 10,
    ...(status ? { status } : {}),
    ...(pages.cursor ? { cursor: pages.cursor } : {}),
  });
  return (
    <div>
      <div className="page-head">
        <h1>My payments</h1>
        <StatusFilter statuses={PAYMENT_STATUSES} value={status} onChange={setStatus} />
      </div>
      {history.isPending ? <Loading label="Loading your payments…" /> : null}
      {history.error ? <QueryError error={history.error} /> : null}
      {history.data && history.data.items.length === 0 ? (
        <p>
          {status ? 'No payments with this status.' : 'No payments yet.'}{' '}
          <Link to="/catalog">Browse the catalog</Link>
        </p>
      ) : null}
      {history.data && history.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Your payments, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Offering</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Status</th>
                <th scope="col">Card</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((p) => (
                <tr key={p.id}>
                  <td>{formatDateTime(p.createdAt)}</td>
                  <td>
                    <Link to={`/payments/${p.id}`}>{p.offeringTitle}</Link>
                    <div className="muted small">{p.specialistName}</div>
                  </td>
                  <td className="num">
                    {formatMoney(p.amount, p.currency)}
                    {p.amountRefunded > 0 ? (
                      <div className="muted small">−{formatMoney(p.amountRefunded, p.currency)} refunded</div>
                    ) : null}
                  </td>
                  <td>
                    <PaymentStatusBadge status={p.status} />
                  </td>
                  <td>{p.cardLast4 ? `•••• ${p.cardLast4}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager label="Payment pages" pages={pages} nextCursor={history.data?.nextCursor} />
    </div>
  );
}
