import { type CurrencyStats, fromMinorUnits, type Granularity } from '@enrollpay/schemas';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../lib/format.js';

export function bucketLabel(iso: string, granularity: Granularity, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions =
    granularity === 'month'
      ? { month: 'short', year: 'numeric', timeZone }
      : { month: 'short', day: 'numeric', timeZone };
  return new Intl.DateTimeFormat('en-US', options).format(new Date(iso));
}

/** Gross and refunded per bucket for one currency, with the same figures as a table for screen readers. */
export function RevenueChart({
  stats,
  granularity,
  timeZone,
}: {
  stats: CurrencyStats;
  granularity: Granularity;
  timeZone: string;
}) {
  const { currency } = stats;
  const data = stats.series.map((b) => ({
    label: bucketLabel(b.bucketStart, granularity, timeZone),
    gross: fromMinorUnits(b.gross, currency),
    refunded: fromMinorUnits(b.refunded, currency),
    raw: b,
  }));
  const compact = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const captionId = `chart-${currency}`;
  return (
    <figure className="card" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <h3>
          Revenue per {granularity} ({currency.toUpperCase()})
        </h3>
      </figcaption>
      <div className="chart" aria-hidden="true" data-testid={`revenue-chart-${currency}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis tickFormatter={(v: number) => compact.format(v)} tick={{ fontSize: 12 }} width={70} />
            <Tooltip
              formatter={(value, name) => [
                compact.format(typeof value === 'number' ? value : Number(value)),
                name === 'gross' ? 'Gross' : 'Refunded',
              ]}
            />
            <Legend formatter={(name) => (name === 'gross' ? 'Gross' : 'Refunded')} />
            <Bar dataKey="gross" fill="#1f4fd1" isAnimationActive={false} />
            <Bar dataKey="refunded" fill="#d9822b" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Show as a table</summary>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">
                  {granularity === 'month' ? 'Month' : granularity === 'week' ? 'Week of' : 'Day'}
                </th>
                <th scope="col" className="num">
                  Payments
                </th>
                <th scope="col" className="num">
                  Gross
                </th>
                <th scope="col" className="num">
                  Refunded
                </th>
                <th scope="col" className="num">
                  Net
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.raw.bucketStart}>
                  <th scope="row">{d.label}</th>
                  <td className="num">{d.raw.count}</td>
                  <td className="num">{formatMoney(d.raw.gross, currency)}</td>
                  <td className="num">{formatMoney(d.raw.refunded, currency)}</td>
                  <td className="num">{formatMoney(d.raw.net, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
