import type { OfferingKind } from '@enrollpay/schemas';
import { useId } from 'react';
import { Link } from 'react-router';
import { Pager, useFilteredPages } from '../components/Pager.js';
import { QueryList } from '../components/QueryList.js';
import { formatMoney } from '../lib/format.js';
import { trpc } from '../lib/trpc.js';

const KIND_LABELS: Record<OfferingKind, string> = { COURSE: 'Course', SERVICE: 'Service' };

export function CatalogPage() {
  const id = useId();
  const [kind, setKind, pages] = useFilteredPages<OfferingKind>();
  const list = trpc.catalog.list.useQuery({
    limit: 12,
    ...(kind ? { kind } : {}),
    ...(pages.cursor ? { cursor: pages.cursor } : {}),
  });
  return (
    <div>
      <div className="page-head">
        <h1>Catalog</h1>
        <div className="field field-inline">
          <label htmlFor={`${id}-kind`}>Show</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) =>
              setKind(e.target.value === 'COURSE' || e.target.value === 'SERVICE' ? e.target.value : '')
            }
          >
            <option value="">Courses and services</option>
            <option value="COURSE">Courses</option>
            <option value="SERVICE">Services</option>
          </select>
        </div>
      </div>
      <QueryList
        query={list}
        items={list.data?.items}
        loading="Loading offerings…"
        empty={<p>No offerings yet.</p>}
      >
        {(items) => (
          <ul className="offering-grid">
            {items.map((o) => (
              <li key={o.id} className="card offering-card">
                <span className="kind">{KIND_LABELS[o.kind] ?? o.kind}</span>
                <h2>
                  <Link to={`/offerings/${o.id}`}>{o.title}</Link>
                </h2>
                <p className="muted">by {o.specialist.name}</p>
                <p className="price">{formatMoney(o.price.amount, o.price.currency)}</p>
              </li>
            ))}
          </ul>
        )}
      </QueryList>
      <Pager label="Catalog pages" pages={pages} nextCursor={list.data?.nextCursor} />
    </div>
  );
}
