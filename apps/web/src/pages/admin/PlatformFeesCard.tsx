import { type Granularity, PlatformFeesInputSchema } from '@enrollpay/schemas';
import { useId, useState } from 'react';
import { QueryError } from '../../components/Feedback.js';
import { formatMoney } from '../../lib/format.js';
import { trpc } from '../../lib/trpc.js';

const DAY_MS = 86_400_000;

/** The last `days` whole UTC days, ending with today. */
function lastDays(days: number): { from: string; to: string } {
  const now = new Date();
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  return { from: new Date(tomorrow - days * DAY_MS).toISOString(), to: new Date(tomorrow).toISOString() };
}

const PERIODS: { label: string; days: number; granularity: Granularity }[] = [
  { label: 'Last 30 days, by day', days: 30, granularity: 'day' },
  { label: 'Last 12 months, by month', days: 365, granularity: 'month' },
];

function bucketLabel(iso: string, granularity: Granularity): string {
  const date = new Date(iso);
  return granularity === 'month'
    ? date.toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' })
    : date.toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/**
 * Admins: the platform's fee revenue (stats.platformFees) per currency — gross, fees, fees given back on
 * full refunds, and net — with one row per day or month (UTC). Currencies are never added together.
 */
export function PlatformFeesCard() {
  const id = useId();
  const [period, setPeriod] = useState(0);
  const chosen = PERIODS[period] ?? { label: '', days: 30, granularity: 'day' as const };
  // The range is fixed when the page opens, so the query key does not change on every render.
  const [ranges] = useState(() => PERIODS.map((p) => lastDays(p.days)));
  const input = PlatformFeesInputSchema.parse({
    ...(ranges[period] ?? lastDays(chosen.days)),
    granularity: chosen.granularity,
  });
  const fees = trpc.stats.platformFees.useQuery(input);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Platform fee revenue</h2>
      <p className="muted">
        Fees the platform took on learners' payments (all specialists), less the fees given back when a
        payment was refunded in full. Days are UTC.
      </p>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor={`${id}-period`}>Period</label>
          <select id={`${id}-period`} value={period} onChange={(e) => setPeriod(Number(e.target.value))}>
            {PERIODS.map((p, i) => (
              <option key={p.label} value={i}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {fees.error ? <QueryError error={fees.error} /> : null}
      {fees.isPending ? <p className="muted">Loading fee revenue…</p> : null}
      {fees.data && fees.data.currencies.length === 0 ? <p>No payments in this period.</p> : null}
      {fees.data?.currencies.map((c) => (
        <div key={c.currency} data-testid={`platform-fees-${c.currency}`}>
          <h3>{c.currency.toUpperCase()}</h3>
          <dl className="kpis">
            <div className="kpi">
              <dt>Gross</dt>
              <dd>{formatMoney(c.gross, c.currency)}</dd>
            </div>
            <div className="kpi">
              <dt>Fees</dt>
              <dd>{formatMoney(c.fees, c.currency)}</dd>
            </div>
            <div className="kpi">
              <dt>Fee refunds</dt>
              <dd>{formatMoney(c.feeRefunds, c.currency)}</dd>
            </div>
            <div className="kpi">
              <dt>Net fee revenue</dt>
              <dd>{formatMoney(c.net, c.currency)}</dd>
            </div>
          </dl>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">
                Platform fee revenue in {c.currency.toUpperCase()} by {chosen.granularity}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{chosen.granularity === 'month' ? 'Month' : 'Day'}</th>
                  <th scope="col">Payments</th>
                  <th scope="col">Gross</th>
                  <th scope="col">Fees</th>
                  <th scope="col">Fee refunds</th>
                  <th scope="col">Net</th>
                </tr>
              </thead>
              <tbody>
                {c.series
                  .filter((b) => b.payments > 0 || b.feeRefunds > 0)
                  .map((b) => (
                    <tr key={b.bucketStart}>
                      <th scope="row">{bucketLabel(b.bucketStart, chosen.granularity)}</th>
                      <td>{b.payments}</td>
                      <td>{formatMoney(b.gross, c.currency)}</td>
                      <td>{formatMoney(b.fees, c.currency)}</td>
                      <td>{formatMoney(b.feeRefunds, c.currency)}</td>
                      <td>{formatMoney(b.net, c.currency)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}
