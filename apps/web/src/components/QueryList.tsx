// QueryList in a module of its own: the catalog page is in the entry chunk, which the checkout route downloads
// too, and needs only this; the table pieces of ListSection (which re-exports it) stay in the lazy chunks.
import type { ReactNode } from 'react';
import { Loading, QueryError } from './Feedback.js';

/**
 * The states of a list that a query loads, written once for every list section: a spinner while it loads,
 * the error if it failed, `empty` when it has no items, and `children(items)` when it has some.
 */
export function QueryList<T>({
  query,
  items,
  loading,
  what,
  empty,
  children,
}: {
  query: { isPending: boolean; error: unknown };
  /** The query's items (`query.data?.items`); undefined until it has loaded. */
  items: readonly T[] | undefined;
  /** The spinner's label (default "Loading…"). */
  loading?: string;
  /** What is not found, for a NOT_FOUND error (see QueryError). */
  what?: string;
  empty: ReactNode;
  children: (items: readonly T[]) => ReactNode;
}) {
  return (
    <>
      {query.isPending ? <Loading label={loading} /> : null}
      {query.error ? <QueryError error={query.error} what={what} /> : null}
      {items && items.length === 0 ? empty : null}
      {items && items.length > 0 ? children(items) : null}
    </>
  );
}
