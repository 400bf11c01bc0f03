import {
  type CurrencyStats,
  type Granularity,
  PAYMENT_STATUSES,
  type PaymentStatus,
} from '@enrollpay/schemas';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ExportCsv } from '../../components/ExportCsv.js';
import { Loading, QueryError } from '../../components/Feedback.js';
import { RefundPanel } from '../../components/RefundPanel.js';
import { PaymentStatusBadge } from '../../components/StatusBadge.js';
import { StatusFilter } from '../../components/StatusFilter.js';
import { formatDateTime, formatMoney, formatPercent } from '../../lib/format.js';
import { trpc } from '../../lib/trpc.js';
import { RevenueChart } from './RevenueChart.js';

const RANGES: Record<Granularity, { label: string; description: string }> = {
  day: { label: 'Day', description: 'last 30 days' },
  week: { label: 'Week', description: 'last 12 weeks' },
  month: { label: 'Month', description: 'last 12 months' },
};

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** [from, to): to is the start of tomorrow (local), from goes back 30 days / 12 weeks / 12 months. */
export function statsRange(granularity: Granularity, now = new Date()): { from: string; to: string } {
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const from =
    granularity === 'day'
      ? new Date(to.getFullYear(), to.getMonth(), to.getDate() - 30)
      : granularity === 'week'
        ? new Date(to.getFullYear(), to.getMonth(), to.getDate() - 84)
        : new Date(now.getFullYear(), now.getMonth() - 11, 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

export function DashboardPage() {
  const [granularity, setGranularity] = useState<Granularity>('day');
  const timeZone = useMemo(browserTimeZone, []);
  const range = useMemo(() => statsRange(granularity), [granularity]);
  const stats = trpc.stats.specialist.useQuery({ ...range, granularity, timezone: timeZone });
  return (
    <div>
      <div className="page-head">
        <h1>Dashboard</h1>
        <div className="toolbar">
          <span aria-hidden="true">Revenue per</span>
          <fieldset className="segmented">
            <legend className="visually-hidden">Revenue per</legend>
            {(Object.keys(RANGES) as Granularity[]).map((g) => (
              <button
                key={g}
                type="button"
                aria-pressed={g === granularity}
                onClick={() => setGranularity(g)}
              >
                {RANGES[g].label}
              </button>
            ))}
          </fieldset>
          <span className="muted small">{RANGES[granularity].description}</span>
        </div>
      </div>
      {stats.isPending ? <Loading label="Loading your figures…" /> : null}
      {stats.error ? <QueryError error={stats.error} /> : null}
      {stats.data && stats.data.currencies.length === 0 ? (
        <p className="card">No sales in this period yet. They will show here as soon as a learner pays.</p>
      ) : null}
      {stats.data?.currencies.map((c) => (
        <CurrencySection key={c.currency} stats={c} granularity={granularity} timeZone={timeZone} />
      ))}
      <RecentPayments range={range} period={RANGES[granularity].description} />
    </div>
  );
}

/** The UTC days an export of [from, to) covers: the day of `from` through the day before `to`. */
export function exportDays(range: { from: string; to: string }): { from: string; to: string } {
  return {
    from: new Date(range.from).toISOString().slice(0, 10),
    to: new Date(Date.parse(range.to) - 1).toISOString().slice(0, 10),
  };
}

function CurrencySection({
  stats,
  granularity,
  timeZone,
}: {
  stats: CurrencyStats;
  granularity: Granularity;
  timeZone: string;
}) {
  const c = stats.currency;
  const code = c.toUpperCase();
  return (
    <section className="currency-section" aria-labelledby={`kpi-${c}`} data-testid={`kpis-${c}`}>
      <h2 id={`kpi-${c}`}>Figures in {code}</h2>
      <dl className="kpis">
        <Kpi label="Gross revenue" value={formatMoney(stats.gross, c)} />
        <Kpi label="Net revenue" value={formatMoney(stats.net, c)} />
        <Kpi label="Platform fees" value={formatMoney(stats.platformFees, c)} />
        <Kpi label="Net to you" value={formatMoney(stats.netToSpecialist, c)} />
        <Kpi
          label="Refunds"
          value={formatMoney(stats.refunded, c)}
          note={`${stats.refundedCount} refunded`}
        />
        <Kpi
          label="Success rate"
          value={formatPercent(stats.successRate)}
          note={`${stats.succeededCount} paid, ${stats.failedCount} failed`}
        />
        <Kpi label="Refund rate" value={formatPercent(stats.refundRate)} />
        <Kpi label="Average transaction" value={formatMoney(stats.averageTransactionValue, c)} />
        <Kpi label="Discounts given" value={formatMoney(stats.discountsGiven, c)} />
      </dl>
      <div className="grid-2">
        <RevenueChart stats={stats} granularity={granularity} timeZone={timeZone} />
        <section className="card" aria-labelledby={`by-offering-${c}`}>
          <h3 id={`by-offering-${c}`}>Revenue by offering ({code})</h3>
          {stats.byOffering.length === 0 ? (
            <p className="muted">No sales yet.</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Offering</th>
                  <th scope="col" className="num">
                    Sales
                  </th>
                  <th scope="col" className="num">
                    Gross
                  </th>
                  <th scope="col" className="num">
                    Net
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.byOffering.map((o) => (
                  <tr key={o.offeringId}>
                    <th scope="row">{o.title}</th>
                    <td className="num">{o.count}</td>
                    <td className="num">{formatMoney(o.gross, c)}</td>
                    <td className="num">{formatMoney(o.net, c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </section>
  );
}

function Kpi({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd>{value}</dd>
      {note ? <dd className="kpi-note">{note}</dd> : null}
    </div>
  );
}

function RecentPayments({ range, period }: { range: { from: string; to: string }; period: string }) {
  const [status, setStatus] = useState<PaymentStatus | ''>('');
  const payments = trpc.payments.forSpecialist.useQuery({ limit: 10, ...(status ? { status } : {}) });
  const [open, setOpen] = useState<string | null>(null);
  const days = exportDays(range);
  return (
    <section aria-labelledby="recent-title">
      <div className="page-head">
        <h2 id="recent-title">Recent payments</h2>
        <div className="toolbar">
          <StatusFilter statuses={PAYMENT_STATUSES} value={status} onChange={setStatus} />
          <ExportCsv kind="payments" filters={{ ...days, ...(status ? { status } : {}) }} />
          <ExportCsv kind="refunds" filters={days} label="Export refunds CSV" />
        </div>
      </div>
      <p className="muted small">
        Exports cover the {period} ({days.from} to {days.to}, UTC)
        {status ? ` with status ${status.toLowerCase()}` : ''}.
      </p>
      {payments.isPending ? <Loading /> : null}
      {payments.error ? <QueryError error={payments.error} /> : null}
      {payments.data && payments.data.items.length === 0 ? (
        <p className="muted">{status ? 'No payments with this status.' : 'No payments yet.'}</p>
      ) : null}
      {payments.data && payments.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="recent-payments">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Learner</th>
                <th scope="col">Offering</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {payments.data.items.map((p) => (
                <Fragment key={p.id}>
                  <tr>
                    <td>{formatDateTime(p.createdAt)}</td>
                    <td>{p.learnerName}</td>
                    <td>
                      <Link to={`/payments/${p.id}`}>{p.offeringTitle}</Link>
                    </td>
                    <td className="num">{formatMoney(p.amount, p.currency)}</td>
                    <td>
                      <PaymentStatusBadge status={p.status} />
                    </td>
                    <td>
                      {p.status === 'SUCCEEDED' || p.status === 'PARTIALLY_REFUNDED' ? (
                        <button
                          type="button"
                          className="button-link"
                          aria-expanded={open === p.id}
                          aria-controls={`refund-${p.id}`}
                          onClick={() => setOpen(open === p.id ? null : p.id)}
                        >
                          Refund<span className="visually-hidden"> {p.learnerName}'s payment</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                  {open === p.id ? (
                    <tr id={`refund-${p.id}`}>
                      <td colSpan={6}>
                        <RefundPanel paymentId={p.id} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
