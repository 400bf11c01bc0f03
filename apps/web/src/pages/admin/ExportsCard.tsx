import {
  PAYMENT_STATUSES,
  type PaymentStatus,
  type RefundStatus,
  RefundStatusSchema,
  SUPPORTED_CURRENCIES,
} from '@enrollpay/schemas';
import { useId, useState } from 'react';
import { ExportCsv } from '../../components/ExportCsv.js';
import { StatusFilter } from '../../components/StatusFilter.js';

/** The admin's CSV exports of every specialist's payments and refunds, with the filters the API takes. */
export function ExportsCard() {
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [currency, setCurrency] = useState('');
  const [paymentStatus, setPaymentStatus] = useState<PaymentStatus | ''>('');
  const [refundStatus, setRefundStatus] = useState<RefundStatus | ''>('');
  const common = { from, to, currency };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Exports</h2>
      <p className="muted small">
        Every specialist's payments or refunds as CSV. Dates are UTC days, both included.
      </p>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field field-inline">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field field-inline">
          <label htmlFor={`${id}-currency`}>Currency</label>
          <select id={`${id}-currency`} value={currency} onChange={(e) => setCurrency(e.target.value)}>
            <option value="">All</option>
            {SUPPORTED_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="toolbar">
        <StatusFilter
          statuses={PAYMENT_STATUSES}
          value={paymentStatus}
          onChange={setPaymentStatus}
          label="Payment status"
        />
        <ExportCsv
          kind="payments"
          filters={{ ...common, status: paymentStatus }}
          label="Export payments CSV"
        />
      </div>
      <div className="toolbar">
        <StatusFilter
          statuses={RefundStatusSchema.options}
          value={refundStatus}
          onChange={setRefundStatus}
          label="Refund status"
        />
        <ExportCsv kind="refunds" filters={{ ...common, status: refundStatus }} label="Export refunds CSV" />
      </div>
    </section>
  );
}
