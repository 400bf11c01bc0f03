import { PAYMENT_STATUSES, type PaymentStatus } from '@enrollpay/schemas';
import { Link } from 'react-router';
import { QueryList, TableHead } from '../components/ListSection.js';
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
      <QueryList
        query={history}
        items={history.data?.items}
        loading="Loading your payments…"
        empty={
          <p>
            {status ? 'No payments with this status.' : 'No payments yet.'}{' '}
            <Link to="/catalog">Browse the catalog</Link>
          </p>
        }
      >
        {(items) => (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Your payments, newest first</caption>
              <TableHead columns={['Date', 'Offering', { label: 'Amount', num: true }, 'Status', 'Card']} />
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDateTime(p.createdAt)}</td>
                    <td>
                      <Link to={`/payments/${p.id}`}>{p.offeringTitle}</Link>
                      <div className="muted small">{p.specialistName}</div>
                    </td>
                    <td className="num">
                      {formatMoney(p.amount, p.currency)}
                      {p.amountRefunded > 0 ? (
                        <div className="muted small">
                          −{formatMoney(p.amountRefunded, p.currency)} refunded
                        </div>
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
        )}
      </QueryList>
      <Pager label="Payment pages" pages={pages} nextCursor={history.data?.nextCursor} />
    </div>
  );
}
