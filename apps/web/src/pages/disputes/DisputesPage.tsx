import type { DisputeListInput } from '@enrollpay/schemas';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryList, TableHead } from '../../components/ListSection.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useAuth } from '../../lib/auth.js';
import { formatDateTime, formatMoney, titleCase } from '../../lib/format.js';
import { trpc } from '../../lib/trpc.js';

const STATES: { value: DisputeListInput['state']; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

/** Disputes on the specialist's payments (an admin: everyone's), the nearest evidence due date first. */
export function DisputesPage() {
  const { user } = useAuth();
  const [state, setState] = useState<DisputeListInput['state']>('open');
  const disputes = trpc.disputes.list.useQuery({ state });
  return (
    <div>
      <div className="page-head">
        <h1>Disputes</h1>
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          {STATES.map((s) => (
            <button
              key={s.value}
              type="button"
              aria-pressed={s.value === state}
              onClick={() => setState(s.value)}
            >
              {s.label}
            </button>
          ))}
        </fieldset>
      </div>
      <p className="muted small">
        When a learner's bank disputes a payment, answer with evidence before the due date; without it the
        bank decides for the learner.
      </p>
      <QueryList
        query={disputes}
        items={disputes.data?.items}
        loading="Loading disputes…"
        empty={<p className="card">{state === 'open' ? 'No open disputes.' : 'No disputes.'}</p>}
      >
        {(items) => (
          <div className="table-wrap">
            <table className="data-table" data-testid="disputes">
              <caption className="visually-hidden">Disputes, nearest due date first</caption>
              <TableHead
                columns={[
                  'Evidence due by',
                  'Learner',
                  'Offering',
                  user?.role === 'ADMIN' && 'Specialist',
                  { label: 'Amount', num: true },
                  'Reason',
                  'Status',
                  { label: 'Actions', hidden: true },
                ]}
              />
              <tbody>
                {items.map((d) => (
                  <tr key={d.id}>
                    <td>{d.needsResponse ? formatDateTime(d.dueBy) : '—'}</td>
                    <td>{d.learner.name}</td>
                    <td>
                      <Link to={`/payments/${d.paymentId}`}>{d.offering.title}</Link>
                    </td>
                    {user?.role === 'ADMIN' ? <td>{d.specialist.name}</td> : null}
                    <td className="num">{formatMoney(d.amount, d.currency)}</td>
                    <td>{d.reason ? titleCase(d.reason) : '—'}</td>
                    <td>
                      <StatusBadge status={d.status} />
                    </td>
                    <td>
                      <Link to={`/disputes/${d.id}`}>
                        {d.needsResponse ? 'Answer' : 'View'}
                        <span className="visually-hidden"> the dispute of {d.learner.name}'s payment</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {disputes.data?.truncated ? (
              <p className="muted small">Showing the first 100; answer or close some to see the rest.</p>
            ) : null}
          </div>
        )}
      </QueryList>
    </div>
  );
}
