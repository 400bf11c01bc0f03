import { Readable, type Transform } from 'node:stream';
import {
  formatMajorUnits,
  PAYMENT_EXPORT_COLUMNS,
  PAYOUT_EXPORT_COLUMNS,
  type PaymentExportColumn,
  type PayoutExportColumn,
  REFUND_EXPORT_COLUMNS,
  type RefundExportColumn,
} from '@enrollpay/schemas';
import { stringify } from 'csv-stringify';
import type { PaymentExportRow, PayoutExportRow, RefundExportRow } from './rows.js';

/** A cell as written: text, or null for an empty cell. Numbers are written as their decimal text. */
type Cell = string | number | null;

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and strip a leading tab or
 * carriage return first), so a learner named `=HYPERLINK(...)` could run code in the specialist's
 * spreadsheet. Such a text cell is prefixed with an apostrophe, which spreadsheets show as text (OWASP's
 * advice). A plain decimal number such as a negative net (`-7.00`) is a number, not a formula, and is
 * left alone so spreadsheets still add it up.
 */
export function neutraliseFormula(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const major = (amount: number | null, currency: string): string | null =>
  amount === null ? null : formatMajorUnits(amount, currency);

/**
 * What the specialist keeps of a payment: what the learner paid, less refunds, less the platform fee it
 * still keeps (a full refund of a destination charge gives the fee back). Negative when a partial refund
 * took back more than the specialist's share. Null while the funds are held (the fee is not decided yet).
 */
function paymentNet(r: PaymentExportRow): number | null {
  return r.fee === null ? null : r.amountReceived - r.amountRefunded - r.fee + r.feeRefunded;
}

/** How each column of the payments export is computed; the key list comes from the shared contract. */
export const PAYMENT_COLUMN_VALUES: Record<PaymentExportColumn, (row: PaymentExportRow) => Cell> = {
  payment_id: (r) => r.id,
  created_at: (r) => iso(r.createdAt),
  succeeded_at: (r) => iso(r.succeededAt),
  status: (r) => r.status,
  currency: (r) => r.currency,
  amount: (r) => formatMajorUnits(r.amount, r.currency),
  amount_minor: (r) => r.amount,
  amount_received: (r) => formatMajorUnits(r.amountReceived, r.currency),
  amount_received_minor: (r) => r.amountReceived,
  amount_refunded: (r) => formatMajorUnits(r.amountRefunded, r.currency),
  amount_refunded_minor: (r) => r.amountRefunded,
  learner_id: (r) => r.learnerId,
  learner_name: (r) => r.learnerName,
  offering_id: (r) => r.offeringId,
  offering_title: (r) => r.offeringTitle,
  specialist_name: (r) => r.specialistName,
  card_brand: (r) => r.cardBrand,
  card_last4: (r) => r.cardLast4,
  stripe_payment_intent_id: (r) => r.stripePaymentIntentId,
  stripe_charge_id: (r) => r.stripeChargeId,
  promotion_code: (r) => r.promotionCode,
  discount: (r) => formatMajorUnits(r.discountAmount, r.currency),
  discount_minor: (r) => r.discountAmount,
  fee: (r) => major(r.fee, r.currency),
  fee_minor: (r) => r.fee,
  net: (r) => major(paymentNet(r), r.currency),
  net_minor: (r) => paymentNet(r),
};

export const REFUND_COLUMN_VALUES: Record<RefundExportColumn, (row: RefundExportRow) => Cell> = {
  refund_id: (r) => r.id,
  created_at: (r) => iso(r.createdAt),
  status: (r) => r.status,
  reason: (r) => r.reason,
  currency: (r) => r.currency,
  amount: (r) => formatMajorUnits(r.amount, r.currency),
  amount_minor: (r) => r.amount,
  payment_id: (r) => r.paymentId,
  learner_name: (r) => r.learnerName,
  offering_title: (r) => r.offeringTitle,
  specialist_name: (r) => r.specialistName,
  failure_reason: (r) => r.failureReason,
  stripe_refund_id: (r) => r.stripeRefundId,
  stripe_payment_intent_id: (r) => r.stripePaymentIntentId,
  // The platform fee this refund gave back, and what the refund took from the specialist (amount − fee).
  fee: (r) => formatMajorUnits(r.feeRefunded, r.currency),
  fee_minor: (r) => r.feeRefunded,
  net: (r) => formatMajorUnits(r.amount - r.feeRefunded, r.currency),
  net_minor: (r) => r.amount - r.feeRefunded,
};

export const PAYOUT_COLUMN_VALUES: Record<PayoutExportColumn, (row: PayoutExportRow) => Cell> = {
  payout_id: (r) => r.id,
  created_at: (r) => iso(r.createdAt),
  arrival_date: (r) => iso(r.arrivalDate),
  status: (r) => r.status,
  currency: (r) => r.currency,
  amount: (r) => formatMajorUnits(r.amount, r.currency),
  amount_minor: (r) => r.amount,
  automatic: (r) => (r.automatic ? 'true' : 'false'),
  failure_code: (r) => r.failureCode,
  failure_message: (r) => r.failureMessage,
  specialist_name: (r) => r.specialistName,
  specialist_email: (r) => r.specialistEmail,
  stripe_account_id: (r) => r.stripeAccountId,
  stripe_payout_id: (r) => r.stripePayoutId,
};

export interface CsvTable<Row, Column extends string> {
  columns: readonly Column[];
  values: Record<Column, (row: Row) => Cell>;
}

export const PAYMENTS_TABLE: CsvTable<PaymentExportRow, PaymentExportColumn> = {
  columns: PAYMENT_EXPORT_COLUMNS,
  values: PAYMENT_COLUMN_VALUES,
};
export const REFUNDS_TABLE: CsvTable<RefundExportRow, RefundExportColumn> = {
  columns: REFUND_EXPORT_COLUMNS,
  values: REFUND_COLUMN_VALUES,
};
export const PAYOUTS_TABLE: CsvTable<PayoutExportRow, PayoutExportColumn> = {
  columns: PAYOUT_EXPORT_COLUMNS,
  values: PAYOUT_COLUMN_VALUES,
};

function toRecord<Row, Column extends string>(table: CsvTable<Row, Column>, row: Row): (string | null)[] {
  return table.columns.map((column) => {
    const value = table.values[column](row);
    if (value === null) return null;
    return typeof value === 'number' ? String(value) : neutraliseFormula(value);
  });
}

/**
 * The CSV bytes of `pages`, as a stream with backpressure: the next page is read only when the
 * client has taken the previous ones. RFC 4180 (CRLF line ends, fields with a comma, quote or line
 * break quoted, quotes doubled) by csv-stringify; UTF-8, optionally with a byte order mark for Excel.
 */
export function csvStream<Row, Column extends string>(
  table: CsvTable<Row, Column>,
  pages: AsyncIterable<Row[]> | Iterable<Row[]>,
  { bom }: { bom: boolean },
): Transform {
  const records = Readable.from(
    (async function* () {
      for await (const page of pages) {
        for (const row of page) yield toRecord(table, row);
      }
    })(),
    { objectMode: true, highWaterMark: 256 },
  );
  const csv = stringify({
    header: true,
    columns: [...table.columns],
    record_delimiter: 'windows',
    bom,
    eof: true,
  });
  records.on('error', (error) => csv.destroy(error));
  return records.pipe(csv);
}
