import {
  type OutboxStatus,
  OutboxStatusSchema,
  ReconcileInputSchema,
  type WebhookEventStatus,
  WebhookEventStatusSchema,
} from '@enrollpay/schemas';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Loading, QueryError } from '../../components/Feedback.js';
import { QueryList, TableHead } from '../../components/ListSection.js';
import { Pager, useFilteredPages } from '../../components/Pager.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { StatusFilter } from '../../components/StatusFilter.js';
import { errorMessage, issuesByField } from '../../lib/errors.js';
import { formatDateTime, titleCase } from '../../lib/format.js';
import { trpc } from '../../lib/trpc.js';
import { ExportsCard } from './ExportsCard.js';
import { PlatformFeesCard } from './PlatformFeesCard.js';

export function OperationsPage() {
  return (
    <div>
      <h1>Operations</h1>
      <Metrics />
      <PlatformFeesCard />
      <Reconcile />
      <WebhookEvents />
      <Outbox />
      <ExportsCard />
    </div>
  );
}

function formatAge(seconds: number | null): string {
  if (seconds === null) return 'none waiting';
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function Metrics() {
  const metrics = trpc.admin.metricsSummary.useQuery(undefined, { refetchInterval: 10_000 });
  if (metrics.isPending) return <Loading label="Loading key metrics…" />;
  if (metrics.error) return <QueryError error={metrics.error} />;
  const m = metrics.data;
  const count = (record: Partial<Record<string, number>>, key: string) => record[key] ?? 0;
  return (
    <section aria-labelledby="metrics-title">
      <h2 id="metrics-title">Key metrics</h2>
      <dl className="kpis">
        <Tile label="Succeeded payments" value={count(m.paymentsByStatus, 'SUCCEEDED')} />
        <Tile label="Failed payments" value={count(m.paymentsByStatus, 'FAILED')} />
        <Tile
          label="Refunded payments"
          value={count(m.paymentsByStatus, 'REFUNDED') + count(m.paymentsByStatus, 'PARTIALLY_REFUNDED')}
        />
        <Tile label="Open disputes" value={m.openDisputes} />
        <Tile label="Webhook events failed" value={count(m.webhookEventsByStatus, 'FAILED')} />
        <Tile label="Oldest unprocessed event" value={formatAge(m.oldestUnprocessedEventAgeSeconds)} />
        <Tile label="Emails pending / failed" value={`${m.outbox.pending} / ${m.outbox.failed}`} />
        <Tile label="Refunds pending / failed" value={`${m.refunds.pending} / ${m.refunds.failed}`} />
        <Tile label="Job queue depth" value={m.queueDepth} />
      </dl>
      <p className="muted small">Updated {formatDateTime(m.generatedAt)}; refreshes every 10 seconds.</p>
    </section>
  );
}

function Tile({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Reconcile() {
  const id = useId();
  const utils = trpc.useUtils();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reconcile = trpc.admin.reconcile.useMutation({ onSuccess: () => utils.admin.invalidate() });
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const hours = Number(new FormData(event.currentTarget).get('sinceHours'));
    const parsed = ReconcileInputSchema.safeParse({ sinceHours: hours });
    if (!parsed.success) return setErrors(issuesByField(parsed.error.issues));
    setErrors({});
    reconcile.mutate(parsed.data);
  }
  const report = reconcile.data;
  return (
    <section className="card" aria-labelledby="reconcile-title">
      <h2 id="reconcile-title">Reconcile with Stripe</h2>
      <p className="muted">
        Re-reads payments, refunds and disputes from Stripe — and Connect transfers, application fees,
        connected accounts and payouts — and repairs anything our records missed (e.g. a lost webhook).
      </p>
      <form className="toolbar" onSubmit={handleSubmit} noValidate>
        <div className="field field-inline">
          <label htmlFor={`${id}-hours`}>Look back (hours)</label>
          <input
            id={`${id}-hours`}
            name="sinceHours"
            type="number"
            min={1}
            max={2160}
            defaultValue={24}
            style={{ width: '6rem' }}
            aria-invalid={errors.sinceHours ? true : undefined}
          />
        </div>
        <button type="submit" className="button-primary" disabled={reconcile.isPending}>
          {reconcile.isPending ? 'Reconciling…' : 'Reconcile now'}
        </button>
      </form>
      {errors.sinceHours ? <p className="field-error">{errors.sinceHours}</p> : null}
      {reconcile.error ? <Alert>{errorMessage(reconcile.error)}</Alert> : null}
      {report ? (
        <div aria-live="polite" data-testid="reconcile-report">
          <p>
            Checked {report.checked.paymentIntents} payment intents, {report.checked.refunds} refunds and{' '}
            {report.checked.disputes} disputes since {formatDateTime(report.since)}.{' '}
            {report.repaired.length === 0 ? 'Everything matched.' : `${report.repaired.length} repairs made.`}
          </p>
          {report.repaired.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table">
                <TableHead columns={['Kind', 'Stripe object', 'Field', 'Before', 'After']} />
                <tbody>
                  {report.repaired.map((r) => (
                    <tr key={`${r.stripeId}-${r.field}`}>
                      <td>{titleCase(r.kind)}</td>
                      <td>
                        {r.paymentId ? <Link to={`/payments/${r.paymentId}`}>{r.stripeId}</Link> : r.stripeId}
                      </td>
                      <td>{r.field}</td>
                      <td>{String(r.before)}</td>
                      <td>{String(r.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <p>
            Stripe Connect: checked {report.connect.checked.transfers} transfers,{' '}
            {report.connect.checked.applicationFees} application fees, {report.connect.checked.accounts}{' '}
            connected accounts and {report.connect.checked.payouts} payouts.{' '}
            {report.connect.drift.length === 0
              ? 'Everything matched.'
              : `${report.connect.drift.filter((d) => d.repaired).length} repaired, ${report.connect.drift.filter((d) => !d.repaired).length} need a person.`}
          </p>
          {report.connect.drift.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table" data-testid="connect-drift">
                <TableHead columns={['Kind', 'Stripe object', 'Field', 'Ours', "Stripe's", 'Outcome']} />
                <tbody>
                  {report.connect.drift.map((d) => (
                    <tr key={`${d.stripeId}-${d.field}`}>
                      <td>{titleCase(d.kind)}</td>
                      <td>
                        {d.paymentId ? <Link to={`/payments/${d.paymentId}`}>{d.stripeId}</Link> : d.stripeId}
                      </td>
                      <td>{d.field}</td>
                      <td>{String(d.before)}</td>
                      <td>{String(d.after)}</td>
                      <td>{d.repaired ? 'Repaired' : 'Needs a person'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {report.errors.length > 0 ? (
            <Alert title={`${report.errors.length} objects could not be checked`}>
              <ul>
                {report.errors.map((e) => (
                  <li key={e.stripeId}>
                    {e.stripeId}: {e.message}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function WebhookEvents() {
  const [status, setStatus, pages] = useFilteredPages<WebhookEventStatus>();
  const events = trpc.admin.webhookEvents.useQuery({
    limit: 20,
    ...(status ? { status } : {}),
    ...(pages.cursor ? { cursor: pages.cursor } : {}),
  });
  return (
    <section aria-labelledby="events-title">
      <div className="page-head">
        <h2 id="events-title">Webhook events</h2>
        <StatusFilter statuses={WebhookEventStatusSchema.options} value={status} onChange={setStatus} />
      </div>
      <QueryList query={events} items={events.data?.items} empty={<p className="muted">No events.</p>}>
        {(items) => (
          <div className="table-wrap">
            <table className="data-table">
              <TableHead
                columns={[
                  'Received',
                  'Type',
                  'Status',
                  { label: 'Attempts', num: true },
                  'Last error',
                  'Event',
                ]}
              />
              <tbody>
                {items.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.receivedAt)}</td>
                    <td>
                      <code>{e.type}</code>
                    </td>
                    <td>
                      <StatusBadge status={e.status} />
                    </td>
                    <td className="num">{e.attempts}</td>
                    <td className="small">{e.lastError ?? '—'}</td>
                    <td className="small">
                      <code>{e.id}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryList>
      <Pager label="Webhook event pages" pages={pages} nextCursor={events.data?.nextCursor} />
    </section>
  );
}

function Outbox() {
  const [status, setStatus, pages] = useFilteredPages<OutboxStatus>('FAILED');
  const outbox = trpc.admin.outbox.useQuery({
    limit: 20,
    ...(status ? { status } : {}),
    ...(pages.cursor ? { cursor: pages.cursor } : {}),
  });
  return (
    <section aria-labelledby="outbox-title">
      <div className="page-head">
        <h2 id="outbox-title">Emails</h2>
        <StatusFilter statuses={OutboxStatusSchema.options} value={status} onChange={setStatus} />
      </div>
      <QueryList
        query={outbox}
        items={outbox.data?.items}
        empty={<p className="muted">{status === 'FAILED' ? 'No failed emails.' : 'No emails.'}</p>}
      >
        {(items) => (
          <div className="table-wrap">
            <table className="data-table">
              <TableHead
                columns={[
                  'Created',
                  'Kind',
                  'Recipient',
                  'Subject',
                  'Status',
                  { label: 'Attempts', num: true },
                  'Last error',
                ]}
              />
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <td>{formatDateTime(m.createdAt)}</td>
                    <td>
                      <code>{m.kind}</code>
                    </td>
                    <td>{m.recipient ?? '—'}</td>
                    <td>{m.subject ?? '—'}</td>
                    <td>
                      <StatusBadge status={m.status} />
                    </td>
                    <td className="num">{m.attempts}</td>
                    <td className="small">{m.lastError ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryList>
      <Pager label="Email pages" pages={pages} nextCursor={outbox.data?.nextCursor} />
    </section>
  );
}
