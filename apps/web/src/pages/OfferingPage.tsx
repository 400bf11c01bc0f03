import { Link, useParams } from 'react-router';
import { Loading, QueryError } from '../components/Feedback.js';
import { useAuth } from '../lib/auth.js';
import { formatMoney } from '../lib/format.js';
import { trpc } from '../lib/trpc.js';

export function OfferingPage() {
  const { offeringId = '' } = useParams();
  const { user } = useAuth();
  const offering = trpc.catalog.get.useQuery({ offeringId });
  if (offering.isPending) return <Loading label="Loading offering…" />;
  if (offering.error) return <QueryError error={offering.error} what="Offering" />;
  const o = offering.data;
  const checkout = `/offerings/${o.id}/checkout`;
  return (
    <article className="narrow">
      <p className="kind">{o.kind === 'COURSE' ? 'Course' : 'Service'}</p>
      <h1>{o.title}</h1>
      <p className="muted">by {o.specialist.name}</p>
      <p className="description">{o.description}</p>
      <dl className="facts">
        <div>
          <dt>Price</dt>
          <dd className="price">{formatMoney(o.price.amount, o.price.currency)}</dd>
        </div>
        <div>
          <dt>Refunds</dt>
          <dd>
            {o.refundWindowDays > 0
              ? `Full refund on request within ${o.refundWindowDays} days`
              : 'No self-service refunds'}
          </dd>
        </div>
      </dl>
      {!o.active ? (
        <p className="alert alert-warning">This offering is no longer available.</p>
      ) : !user ? (
        <Link className="button-primary" to={`/sign-in?next=${encodeURIComponent(checkout)}`}>
          Sign in to enroll
        </Link>
      ) : user.role === 'LEARNER' ? (
        <Link className="button-primary" to={checkout}>
          Enroll for {formatMoney(o.price.amount, o.price.currency)}
        </Link>
      ) : (
        <p className="muted">Sign in with a learner account to enroll.</p>
      )}
    </article>
  );
}
