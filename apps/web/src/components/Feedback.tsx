import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorCode, errorMessage } from '../lib/errors.js';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function Alert({
  tone = 'error',
  title,
  children,
}: {
  tone?: 'error' | 'info' | 'success' | 'warning';
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <strong className="alert-title">{title}</strong> : null}
      {children ? <div>{children}</div> : null}
    </div>
  );
}

/** A failed query: "not found" for NOT_FOUND (never revealing whether it exists for someone else). */
export function QueryError({ error, what = 'Page' }: { error: unknown; what?: string }) {
  const code = errorCode(error);
  if (code === 'NOT_FOUND' || code === 'FORBIDDEN') {
    return (
      <section className="empty-state" aria-labelledby="not-found-title">
        <h1 id="not-found-title">{what} not found</h1>
        <p>It may have been removed, or the link may be wrong.</p>
        <Link to="/">Go to the start page</Link>
      </section>
    );
  }
  return <Alert title="Something went wrong">{errorMessage(error)}</Alert>;
}

export function NotFoundPage() {
  return (
    <section className="empty-state" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <Link to="/">Go to the start page</Link>
    </section>
  );
}
