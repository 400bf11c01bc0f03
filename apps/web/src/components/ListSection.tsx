// The pieces every list section of the staff pages shares (GetPaid, Dashboard, PromotionCodes, MyOfferings,
// Disputes): the loading / error / empty / items states of a query, a table head from a column list, and
// the toggle + row that open a payment's or a payout's details under its row.
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

/** A row under a table row, opened by a DisclosureButton whose `controls` is this row's `id`. */
export function DetailsRow({ id, columns, children }: { id: string; columns: number; children: ReactNode }) {
  return (
    <tr id={id}>
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}

/** A link-style button that opens and closes the DetailsRow with the id `controls`. */
export function DisclosureButton({
  controls,
  open,
  onToggle,
  children,
}: {
  controls: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="button-link"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      {children}
    </button>
  );
}

/** A column of a data table: its label, right-aligned for numbers, or read only by screen readers. */
export type Column = string | { label: string; num?: boolean; hidden?: boolean };

/** A data table's head row; `false` leaves a column out (e.g. one only admins see). */
export function TableHead({ columns }: { columns: readonly (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          if (column === false) return null;
          const {
            label,
            num = false,
            hidden = false,
          } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label} scope="col" className={num ? 'num' : undefined}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
