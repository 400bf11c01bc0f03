import { z } from 'zod';
import { OfferingKindSchema } from './enums.js';
import {
  booleanField,
  dateTimeField,
  idField,
  inputObject,
  MAX_AMOUNT,
  minorUnitsField,
  textField,
} from './fields.js';
import { CursorPageSchema, CursorSchema, LimitSchema, OfferingIdSchema } from './ids.js';
import { CurrencySchema, MoneySchema, minimumChargeProblem } from './money.js';

export const MAX_REFUND_WINDOW_DAYS = 365;
export const DEFAULT_REFUND_WINDOW_DAYS = 14;

export const OfferingTitleSchema = textField('title', { min: 1, max: 120 });
export const OfferingDescriptionSchema = textField('description', { max: 5000 });
export const RefundWindowDaysSchema = z
  .int({
    error: (iss) =>
      iss.input === undefined
        ? 'refundWindowDays is required'
        : 'refundWindowDays must be a whole number of days',
  })
  .min(0, { error: 'refundWindowDays must not be negative (0 means learners cannot self-refund)' })
  .max(MAX_REFUND_WINDOW_DAYS, { error: `refundWindowDays must be at most ${MAX_REFUND_WINDOW_DAYS}` });

export const SpecialistRefSchema = z.object({ id: idField('id'), name: textField('name', { max: 200 }) });
export type SpecialistRef = z.infer<typeof SpecialistRefSchema>;

/** One card of the catalog. */
export const OfferingSummarySchema = z.object({
  id: idField('id'),
  title: OfferingTitleSchema,
  kind: OfferingKindSchema,
  price: MoneySchema,
  refundWindowDays: RefundWindowDaysSchema,
  specialist: SpecialistRefSchema,
});
export type OfferingSummary = z.infer<typeof OfferingSummarySchema>;

/** An offering in full (catalog.get, offerings.*). */
export const OfferingSchema = OfferingSummarySchema.extend({
  description: OfferingDescriptionSchema,
  active: booleanField('active'),
  createdAt: dateTimeField('createdAt'),
  updatedAt: dateTimeField('updatedAt'),
});
export type Offering = z.infer<typeof OfferingSchema>;

/** catalog.list — active offerings only. */
export const CatalogListInputSchema = inputObject('catalog.list', {
  kind: OfferingKindSchema.optional(),
  specialistId: idField('specialistId').optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
  // Every field is optional: a call with no input at all is `{}`, as tRPC clients send it.
}).prefault({});
export type CatalogListInput = z.infer<typeof CatalogListInputSchema>;

export const CatalogListOutputSchema = CursorPageSchema(OfferingSummarySchema);
export type CatalogListOutput = z.infer<typeof CatalogListOutputSchema>;

/** catalog.get */
export const CatalogGetInputSchema = inputObject('catalog.get', { offeringId: OfferingIdSchema });
export type CatalogGetInput = z.infer<typeof CatalogGetInputSchema>;
export const CatalogGetOutputSchema = OfferingSchema;
export type CatalogGetOutput = z.infer<typeof CatalogGetOutputSchema>;

const PriceAmountSchema = minorUnitsField('amount', { min: 1, max: MAX_AMOUNT });

function checkMinimumCharge(
  value: { amount?: number | undefined; currency?: string | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  if (value.amount === undefined || value.currency === undefined) return;
  const problem = minimumChargeProblem(value.amount, value.currency);
  if (problem) ctx.addIssue({ code: 'custom', path: ['amount'], input: value.amount, message: problem });
}

/** offerings.create — the specialist is the caller. */
export const CreateOfferingInputSchema = inputObject('offerings.create', {
  title: OfferingTitleSchema,
  description: OfferingDescriptionSchema,
  kind: OfferingKindSchema,
  amount: PriceAmountSchema,
  currency: CurrencySchema,
  refundWindowDays: RefundWindowDaysSchema.default(DEFAULT_REFUND_WINDOW_DAYS),
}).superRefine(checkMinimumCharge);
export type CreateOfferingInput = z.infer<typeof CreateOfferingInputSchema>;
export const CreateOfferingOutputSchema = OfferingSchema;
export type CreateOfferingOutput = z.infer<typeof CreateOfferingOutputSchema>;

/**
 * offerings.update — any subset of fields; a new price never changes existing payments. An amount without
 * a currency is checked against Stripe's minimum by the server, which knows the offering's currency.
 */
export const UpdateOfferingInputSchema = inputObject('offerings.update', {
  offeringId: OfferingIdSchema,
  title: OfferingTitleSchema.optional(),
  description: OfferingDescriptionSchema.optional(),
  kind: OfferingKindSchema.optional(),
  amount: PriceAmountSchema.optional(),
  currency: CurrencySchema.optional(),
  refundWindowDays: RefundWindowDaysSchema.optional(),
  active: booleanField('active').optional(),
}).superRefine((value, ctx) => {
  const { offeringId: _offeringId, ...changes } = value;
  if (Object.values(changes).every((v) => v === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      input: value,
      message: 'offerings.update needs at least one field to change',
    });
  }
  if (value.currency !== undefined && value.amount === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['amount'],
      input: value,
      message:
        'amount is required when currency changes (the same number means a different price in another currency)',
    });
  }
  checkMinimumCharge(value, ctx);
});
export type UpdateOfferingInput = z.infer<typeof UpdateOfferingInputSchema>;
export const UpdateOfferingOutputSchema = OfferingSchema;
export type UpdateOfferingOutput = z.infer<typeof UpdateOfferingOutputSchema>;

/** offerings.archive — hides the offering from the catalog; existing enrollments and payments stay. */
export const ArchiveOfferingInputSchema = inputObject('offerings.archive', { offeringId: OfferingIdSchema });
export type ArchiveOfferingInput = z.infer<typeof ArchiveOfferingInputSchema>;
export const ArchiveOfferingOutputSchema = OfferingSchema;
export type ArchiveOfferingOutput = z.infer<typeof ArchiveOfferingOutputSchema>;

/** offerings.mine (no input) — the calling specialist's offerings, archived ones included. */
export const MyOfferingsOutputSchema = z.object({ items: z.array(OfferingSchema) });
export type MyOfferingsOutput = z.infer<typeof MyOfferingsOutputSchema>;
