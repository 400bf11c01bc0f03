import { useId } from 'react';
import { titleCase } from '../lib/format.js';

interface StatusFilterProps<S extends string> {
  /** Every status the list can be filtered by, in display order. */
  statuses: readonly S[];
  /** The chosen status, or '' for all. */
  value: S | '';
  onChange: (status: S | '') => void;
  label?: string;
}

/** The status <select> of the list pages: "All" or one of `statuses`, nothing else. */
export function StatusFilter<S extends string>({
  statuses,
  value,
  onChange,
  label = 'Status',
}: StatusFilterProps<S>) {
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(statuses.find((s) => s === e.target.value) ?? '')}
      >
        <option value="">All</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {titleCase(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
