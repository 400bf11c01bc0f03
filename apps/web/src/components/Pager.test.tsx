import { OutboxStatusSchema } from '@enrollpay/schemas';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Pager, useFilteredPages } from './Pager.js';
import { StatusFilter } from './StatusFilter.js';

afterEach(cleanup);

// A paged list whose every page has a next one, as the server would answer: page n's nextCursor is "c<n>".
function EmailPages() {
  const [status, setStatus, pages] = useFilteredPages<(typeof OutboxStatusSchema.options)[number]>('FAILED');
  return (
    <>
      <StatusFilter statuses={OutboxStatusSchema.options} value={status} onChange={setStatus} />
      <output data-testid="query">{`${status || 'all'} after ${pages.cursor ?? 'start'}`}</output>
      <Pager label="Email pages" pages={pages} nextCursor={`c${pages.page}`} />
    </>
  );
}

describe('Pager and useFilteredPages', () => {
  it('pages forward and back by cursor, and a new filter starts again at page 1', () => {
    render(<EmailPages />);
    const nav = screen.getByRole('navigation', { name: 'Email pages' });
    const previous = screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement;
    const next = screen.getByRole('button', { name: 'Next' });
    expect(nav.textContent).toContain('Page 1');
    expect(previous.disabled).toBe(true);

    fireEvent.click(next);
    fireEvent.click(next);
    expect(nav.textContent).toContain('Page 3');
    expect(screen.getByTestId('query').textContent).toBe('FAILED after c2');
    expect(previous.disabled).toBe(false);
    fireEvent.click(previous);
    expect(screen.getByTestId('query').textContent).toBe('FAILED after c1');

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    expect(screen.getByTestId('query').textContent).toBe('all after start');
    expect(nav.textContent).toContain('Page 1');
    expect(previous.disabled).toBe(true);
  });

  it('shows nothing for a list of one page', () => {
    function OnePage() {
      const [, , pages] = useFilteredPages();
      return <Pager label="Catalog pages" pages={pages} nextCursor={null} />;
    }
    render(<OnePage />);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
