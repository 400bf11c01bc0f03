import {
  type CurrencyStats,
  type Granularity,
  PAYMENT_STATUSES,
  type PaymentStatus,
} from '@enrollpay/schemas';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ExportCsv } from '../../components/ExportCsv.js';
import { DetailsRow, DisclosureButton, QueryList, TableHead } from '../../components/ListSection.js';
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
      <QueryList
        query={stats}
        items={stats.data?.currencies}
        loading="Loading your figures…"
        empty={
          <p className="card">No sales in this period yet. They will show here as soon as a learner pays.</p>
        }
      >
        {(currencies) =>
          currencies.map((c) => (
            <CurrencySection key={c.currency} stats={c} granularity={granularity} timeZone={timeZone} />
          ))
        }
      </QueryList>
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
              <TableHead
                columns={[
                  'Offering',
                  { label: 'Sales', num: true },
                  { label: 'Gross', num: true },
                  { label: 'Net', num: true },
                ]}
              />
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
      <QueryList
        query={payments}
        items={payments.data?.items}
        empty={<p className="muted">{status ? 'No payments with this status.' : 'No payments yet.'}</p>}
      >
        {(items) => (
          <div className="table-wrap">
            <table className="data-table" data-testid="recent-payments">
              <TableHead
                columns={[
                  'Date',
                  'Learner',
                  'Offering',
                  { label: 'Amount', num: true },
                  'Status',
                  { label: 'Actions', hidden: true },
                ]}
              />
              <tbody>
                {items.map((p) => (
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
                          <DisclosureButton
                            controls={`refund-${p.id}`}
                            open={open === p.id}
                            onToggle={() => setOpen(open === p.id ? null : p.id)}
                          >
                            Refund<span className="visually-hidden"> {p.learnerName}'s payment</span>
                          </DisclosureButton>
                        ) : null}
                      </td>
                    </tr>
                    {open === p.id ? (
                      <DetailsRow id={`refund-${p.id}`} columns={6}>
                        <RefundPanel paymentId={p.id} />
                      </DetailsRow>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryList>
    </section>
  );
}
