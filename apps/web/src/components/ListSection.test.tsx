import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DetailsRow, DisclosureButton, QueryList, TableHead } from './ListSection.js';

afterEach(cleanup);

function List({ query, items }: { query: { isPending: boolean; error: unknown }; items?: string[] }) {
  return (
    <QueryList query={query} items={items} loading="Loading codes…" empty={<p>No codes yet.</p>}>
      {(codes) => (
        <ul>
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </QueryList>
  );
}

describe('QueryList', () => {
  it('shows one state at a time: loading, the error, empty, or the items', () => {
    const { rerender } = render(<List query={{ isPending: true, error: null }} />);
    expect(screen.getByRole('status').textContent).toContain('Loading codes…');
    expect(screen.queryByText('No codes yet.')).toBeNull();

    rerender(<List query={{ isPending: false, error: new Error('the server is down') }} />);
    expect(screen.getByRole('alert').textContent).toContain('the server is down');
    expect(screen.queryByRole('status')).toBeNull();

    rerender(<List query={{ isPending: false, error: null }} items={[]} />);
    expect(screen.getByText('No codes yet.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();

    rerender(<List query={{ isPending: false, error: null }} items={['LAUNCH20', 'SPRING']} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['LAUNCH20', 'SPRING']);
    expect(screen.queryByText('No codes yet.')).toBeNull();
  });
});

describe('TableHead', () => {
  it('renders column headers: numbers right-aligned, hidden labels for screen readers only, false left out', () => {
    render(
      <table>
        <TableHead
          columns={['Date', false, { label: 'Amount', num: true }, { label: 'Actions', hidden: true }]}
        />
      </table>,
    );
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => [h.textContent, h.getAttribute('scope'), h.className])).toEqual([
      ['Date', 'col', ''],
      ['Amount', 'col', 'num'],
      ['Actions', 'col', ''],
    ]);
    expect(headers[2]?.querySelector('.visually-hidden')?.textContent).toBe('Actions');
  });
});

function Row() {
  const [open, setOpen] = useState(false);
  return (
    <table>
      <tbody>
        <tr>
          <td>
            <DisclosureButton controls="refund-p1" open={open} onToggle={() => setOpen(!open)}>
              Refund
            </DisclosureButton>
          </td>
        </tr>
        {open ? (
          <DetailsRow id="refund-p1" columns={6}>
            The refund form
          </DetailsRow>
        ) : null}
      </tbody>
    </table>
  );
}

describe('DisclosureButton and DetailsRow', () => {
  it('opens and closes the row it controls, and says whether it is open', () => {
    render(<Row />);
    const button = screen.getByRole('button', { name: 'Refund' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe('refund-p1');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const cell = screen.getByText('The refund form');
    expect(cell.getAttribute('colspan')).toBe('6');
    expect(cell.parentElement?.id).toBe('refund-p1');
    fireEvent.click(button);
    expect(screen.queryByText('The refund form')).toBeNull();
  });
});
