import { formatMoney } from '@enrollpay/schemas';
import { z } from 'zod';

/**
 * Email templates for the outbox kinds the payment sync function writes. The OutboxMessage row carries
 * `recipient` and `subject`; `payload` carries what the body needs, typed per kind (`OutboxPayload<K>`;
 * mail/payment-mails.ts builds them). Every payload field is optional so an older row still renders; a
 * missing value reads as a neutral phrase rather than "undefined", and fields a template does not know
 * are ignored.
 */
const Money = { amount: z.int().optional(), currency: z.string().optional() };
const Common = {
  /** Who the mail is addressed to ("Hi Ada"). */
  recipientName: z.string().optional(),
  learnerName: z.string().optional(),
  learnerEmail: z.string().optional(),
  specialistName: z.string().optional(),
  offeringId: z.string().optional(),
  offeringTitle: z.string().optional(),
  paymentId: z.string().optional(),
  enrollmentId: z.string().optional(),
  refundId: z.string().optional(),
  disputeId: z.string().optional(),
  ...Money,
};

export const OutboxPayloadSchemas = {
  'payment.receipt': z.object({
    ...Common,
    receiptUrl: z.string().nullish(),
    cardBrand: z.string().nullish(),
    cardLast4: z.string().nullish(),
    /** A promotion code's discount (minor units of `currency`) and the code, when one was applied. */
    discountAmount: z.int().optional(),
    promotionCode: z.string().nullish(),
    /** A 100 % code: nothing was charged. */
    free: z.boolean().optional(),
  }),
  'enrollment.new': z.object({
    ...Common,
    discountAmount: z.int().optional(),
    promotionCode: z.string().nullish(),
  }),
  'payment.failed': z.object({
    ...Common,
    failureMessage: z.string().nullish(),
    /** The sync function's name for failureMessage. */
    reason: z.string().nullish(),
    declineCode: z.string().nullish(),
    /** Absolute URL of the offering's checkout to retry the payment; defaults to the offering's page. */
    retryUrl: z.string().nullish(),
  }),
  'refund.processed': z.object({
    ...Common,
    refundAmount: z.int().optional(),
    /** True when the whole payment has now been refunded (the enrollment has ended). */
    fullRefund: z.boolean().optional(),
  }),
  'refund.failed': z.object({
    ...Common,
    refundAmount: z.int().optional(),
    failureReason: z.string().nullish(),
    /** The sync function's name for failureReason. */
    reason: z.string().nullish(),
  }),
  'dispute.opened': z.object({
    ...Common,
    disputeAmount: z.int().optional(),
    reason: z.string().nullish(),
  }),
  'dispute.evidence_due': z.looseObject({
    ...Common,
    disputeId: z.string().optional(),
    disputeAmount: z.int().optional(),
    reason: z.string().nullish(),
    /** ISO 8601: Stripe's evidence_details.due_by. */
    dueBy: z.string().optional(),
  }),
  'payout.failed': z.object({
    ...Common,
    payoutId: z.string().optional(),
    failureMessage: z.string().nullish(),
    failureCode: z.string().nullish(),
  }),
} as const;

export type OutboxKind = keyof typeof OutboxPayloadSchemas;
export type OutboxPayload<K extends OutboxKind> = z.input<(typeof OutboxPayloadSchemas)[K]>;

export function isOutboxKind(kind: string): kind is OutboxKind {
  return Object.hasOwn(OutboxPayloadSchemas, kind);
}

export interface RenderedEmail {
  text: string;
  html: string;
}

export class UnknownTemplateError extends Error {
  constructor(kind: string) {
    super(`No email template for outbox kind "${kind}"`);
    this.name = 'UnknownTemplateError';
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function money(amount: number | undefined, currency: string | undefined): string {
  if (amount === undefined || !currency) return 'the amount';
  try {
    return formatMoney(amount, currency);
  } catch {
    return `${amount} ${currency.toUpperCase()} (minor units)`;
  }
}

/** A body as paragraphs; a paragraph is text, or a link [label, url]. */
type Paragraph = string | { label: string; url: string };

function build(greetingName: string | undefined, paragraphs: Paragraph[]): RenderedEmail {
  const greeting = greetingName ? `Hi ${greetingName},` : 'Hi,';
  const all: Paragraph[] = [greeting, ...paragraphs, '— enrollpay'];
  const text = all.map((p) => (typeof p === 'string' ? p : `${p.label}: ${p.url}`)).join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family: system-ui, sans-serif; line-height: 1.5">',
    ...all.map((p) =>
      typeof p === 'string'
        ? `<p>${escapeHtml(p)}</p>`
        : `<p><a href="${escapeHtml(p.url)}">${escapeHtml(p.label)}</a></p>`,
    ),
    '</body></html>',
  ].join('\n');
  return { text: `${text}\n`, html };
}

const the = (title: string | undefined) => (title ? `"${title}"` : 'your enrollment');

/** Renders an outbox message's body. Throws UnknownTemplateError for a kind without a template. */
export function renderEmail(kind: string, payload: unknown, webOrigin: string): RenderedEmail {
  if (!isOutboxKind(kind)) throw new UnknownTemplateError(kind);
  const input = typeof payload === 'object' && payload !== null ? payload : {};
  const origin = webOrigin.replace(/\/$/, '');
  switch (kind) {
    case 'payment.receipt': {
      const p = OutboxPayloadSchemas[kind].parse(input);
      const card =
        p.cardBrand && p.cardLast4 ? ` with your ${p.cardBrand} card ending in ${p.cardLast4}` : '';
      const discount =
        p.promotionCode && p.discountAmount
          ? [
              `Promotion code ${p.promotionCode}: ${money(p.discountAmount, p.currency)} off the price of ${money((p.amount ?? 0) + p.discountAmount, p.currency)}.`,
            ]
          : [];
      if (p.free) {
        return build(p.recipientName ?? p.learnerName, [
          `You are enrolled in ${the(p.offeringTitle)}, free of charge: nothing was charged.`,
          ...discount,
          ...(p.paymentId ? [`Reference: ${p.paymentId}`] : []),
        ]);
      }
      return build(p.recipientName ?? p.learnerName, [
        `Thank you: we received your payment of ${money(p.amount, p.currency)}${card} for ${the(p.offeringTitle)}.`,
        ...discount,
        'Your enrollment is now active.',
        ...(p.receiptUrl ? [{ label: 'Your receipt', url: p.receiptUrl }] : []),
        ...(p.paymentId ? [`Payment reference: ${p.paymentId}`] : []),
      ]);
    }
    case 'enrollment.new': {
      const p = OutboxPayloadSchemas[kind].parse(input);
      return build(p.recipientName ?? p.specialistName, [
        `${p.learnerName ?? 'A learner'}${p.learnerEmail ? ` (${p.learnerEmail})` : ''} enrolled in ${the(p.offeringTitle)} and paid ${money(p.amount, p.currency)}.`,
        ...(p.promotionCode && p.discountAmount
          ? [`They used your promotion code ${p.promotionCode} (${money(p.discountAmount, p.currency)} off).`]
          : []),
        ...(p.paymentId ? [`Payment reference: ${p.paymentId}`] : []),
      ]);
    }
    case 'payment.failed': {
      const p = OutboxPayloadSchemas[kind].parse(input);
      const retryUrl =
        p.retryUrl ?? (p.offeringId ? `${origin}/offerings/${encodeURIComponent(p.offeringId)}` : origin);
      return build(p.recipientName ?? p.learnerName, [
        `Your payment of ${money(p.amount, p.currency)} for ${the(p.offeringTitle)} did not go through.`,
        ...((p.failureMessage ?? p.reason) ? [`The bank said: ${p.failureMessage ?? p.reason}`] : []),
        'Nothing was charged. You can try again with the same or another card:',
        { label: 'Retry the payment', url: retryUrl },
      ]);
    }
    case 'refund.processed': {
      const p = OutboxPayloadSchemas[kind].parse(input);
      return build(p.recipientName ?? p.learnerName, [
        `We refunded ${money(p.refundAmount ?? p.amount, p.currency)} for ${the(p.offeringTitle)}.`,
        p.fullRefund
          ? 'The payment was refunded in full, so the enrollment has ended.'
          : 'The rest of your payment and your enrollment are unchanged.',
        'Refunds usually reach your card within 5–10 business days.',
      ]);
    }
    case 'refund.failed': {
      const p = OutboxPayloadSchemas[kind].parse(input);
      return build(p.recipientName ?? p.specialistName, [
        `A refund of ${money(p.refundAmount ?? p.amount, p.currency)} to ${p.learnerName ?? 'a learner'} for ${the(p.offeringTitle)} failed.`,
        ...((p.failureReason ?? p.reason) ? [`Reason: ${p.failureReason ?? p.reason}`] : []),
        'The learner has not received this money. Please contact them, or support, to arrange it another way.',
        ...(p.paymentId ? [`Payment reference: ${p.paymentId}`] : []),
      ]);
    }
    case 'dispute.opened': {
      const p = OutboxPayloadSchemas[kind].parse(input);
      return build(p.recipientName, [
        `${p.learnerName ?? 'A learner'}'s bank disputed the payment of ${money(p.disputeAmount ?? p.amount, p.currency)} for ${the(p.offeringTitle)}${p.reason ? ` (reason: ${p.reason})` : ''}.`,
        'The enrollment is suspended until the dispute is decided.',
        ...(p.paymentId ? [`Payment reference: ${p.paymentId}`] : []),
      ]);
    }
    case 'dispute.evidence_due': {
      const p = OutboxPayloadSchemas[kind].parse(input);
      const due = p.dueBy ? new Date(p.dueBy) : null;
      const dueText =
        due && !Number.isNaN(due.getTime())
          ? `${due.toISOString().slice(0, 16).replace('T', ' ')} UTC`
          : 'in three days';
      return build(p.recipientName ?? p.specialistName, [
        `The evidence for the disputed payment of ${money(p.disputeAmount ?? p.amount, p.currency)} by ${p.learnerName ?? 'a learner'} for ${the(p.offeringTitle)} is due by ${dueText}.`,
        'Without evidence the bank decides for the learner and the money is gone. Your draft is kept until you submit it.',
        {
          label: 'Answer the dispute',
          url: `${origin}/disputes${p.disputeId ? `/${encodeURIComponent(p.disputeId)}` : ''}`,
        },
        ...(p.paymentId ? [`Payment reference: ${p.paymentId}`] : []),
      ]);
    }
    case 'payout.failed': {
      const p = OutboxPayloadSchemas[kind].parse(input);
      return build(p.recipientName, [
        `Your payout of ${money(p.amount, p.currency)} could not be paid to your bank account.`,
        ...(p.failureMessage ? [`Your bank said: ${p.failureMessage}`] : []),
        'The money is back in your available balance. Update your bank details, and it will be paid out again:',
        { label: 'Get paid', url: `${origin}/get-paid` },
        ...(p.payoutId ? [`Payout reference: ${p.payoutId}`] : []),
      ]);
    }
  }
}
