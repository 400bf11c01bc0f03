import { useId, useState } from 'react';
import { downloadExport, type ExportFilters, type ExportKind } from '../lib/download.js';

/**
 * "Export CSV": downloads the list as it is filtered on screen. The "for Excel" box adds a byte order
 * mark, without which Excel misreads accented names.
 */
export function ExportCsv({
  kind,
  filters,
  label = 'Export CSV',
}: {
  kind: ExportKind;
  filters: Omit<ExportFilters, 'bom'>;
  label?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [bom, setBom] = useState(false);
  const bomId = useId();

  async function run() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await downloadExport(kind, { ...filters, bom }));
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The export failed. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export-csv">
      <button type="button" className="button-secondary" onClick={run} disabled={busy} aria-busy={busy}>
        {busy ? 'Exporting…' : label}
      </button>
      <span className="field-inline small">
        <input id={bomId} type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
        <label htmlFor={bomId}>for Excel</label>
      </span>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="muted small" role="status">
          Downloaded {done}
        </p>
      ) : null}
    </div>
  );
}
