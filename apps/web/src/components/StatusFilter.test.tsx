import { OutboxStatusSchema } from '@enrollpay/schemas';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusFilter } from './StatusFilter.js';

afterEach(cleanup);

describe('StatusFilter', () => {
  it('offers "All" and every status, labelled, and reports the choice (or "" for all)', () => {
    const chosen: string[] = [];
    render(
      <StatusFilter statuses={OutboxStatusSchema.options} value="FAILED" onChange={(s) => chosen.push(s)} />,
    );
    const select = screen.getByLabelText('Status') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['All', 'Pending', 'Sent', 'Failed']);
    expect(select.value).toBe('FAILED');
    fireEvent.change(select, { target: { value: 'SENT' } });
    fireEvent.change(select, { target: { value: '' } });
    expect(chosen).toEqual(['SENT', '']);
  });
});
