import { Readable, type Transform } from 'node:stream';
import {
  formatMajorUnits,
  PAYMENT_EXPORT_COLUMNS,
  type PaymentExportColumn,
  REFUND_EXPORT_COLUMNS,
  type RefundExportColumn,
} from '@enrollpay/schemas';
import { stringify } from 'csv-stringify';
import type { PaymentExportRow, RefundExportRow } from './rows.js';

/** A cell as written: text, or null for an empty cell. Numbers are written as their decimal text. */
type Cell = string | number | null;

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and strip a leading tab or
 * carriage return first), so a learner named `=HYPERLINK(...)` could run code in the specialist's
 * spreadsheet. Such a text cell is prefixed with an apostrophe, which spreadsheets show as text (OWASP's
 * advice). Our own numbers and money are never negative here, so they are left alone.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

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
