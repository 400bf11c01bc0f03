// The pieces every list section of the app shares (GetPaid, Dashboard, PromotionCodes, MyOfferings, Disputes,
// MyPayments, Operations, ConnectedAccounts; the catalog imports QueryList from its own module): the loading /
// error / empty / items states of a query, a table head from a column list, and the toggle + row that open a
// payment's or a payout's details under its row.
import type { ReactNode } from 'react';

export { QueryList } from './QueryList.js';

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
