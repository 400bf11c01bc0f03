import { PAYMENT_STATUSES } from '@enrollpay/schemas';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PaymentStatusBadge, StatusBadge } from './StatusBadge.js';

afterEach(cleanup);

describe('status badges', () => {
  it('say what a payment status means to a learner', () => {
    render(
      <>
        <PaymentStatusBadge status="SUCCEEDED" />
        <PaymentStatusBadge status="REQUIRES_ACTION" />
        <PaymentStatusBadge status="PARTIALLY_REFUNDED" />
      </>,
    );
    expect(screen.getByText('Paid').className).toContain('badge-good');
    expect(screen.getByText('Authentication required').className).toContain('badge-warn');
    expect(screen.getByText('Partially refunded')).toBeTruthy();
  });

  it('has a label for every payment status in the contract', () => {
    const { container } = render(
      <div>
        {PAYMENT_STATUSES.map((s) => (
          <PaymentStatusBadge key={s} status={s} />
        ))}
      </div>,
    );
    const labels = [...container.querySelectorAll('.badge')].map((b) => b.textContent ?? '');
    expect(labels).toHaveLength(PAYMENT_STATUSES.length);
    for (const label of labels) expect(label).toMatch(/^[A-Z][a-z -]+$/);
  });

  it('turns other enum values into words', () => {
    render(<StatusBadge status="PENDING_PAYMENT" />);
    expect(screen.getByText('Pending payment').dataset.status).toBe('PENDING_PAYMENT');
  });
});
