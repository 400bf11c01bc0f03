import { z } from 'zod';
import {
  booleanField,
  countField,
  dateTimeField,
  enumField,
  idField,
  inputObject,
  minorUnitsField,
  typeError,
} from './fields.js';
import { OfferingIdSchema } from './ids.js';
import { CurrencySchema } from './money.js';
import { PROMOTION_CODE_DESCRIPTION, PROMOTION_CODE_RULE, promotionCodeMessages } from './promotion-code.js';

/** Promotion codes (issue 15): a specialist's discount codes for their own offerings. */

export const PROMOTION_DISCOUNT_KINDS = ['PERCENT', 'FIXED'] as const;
export const PromotionDiscountKindSchema = enumField(PROMOTION_DISCOUNT_KINDS, 'kind').meta({
  description: 'PERCENT: percentOff % of the price; FIXED: amountOff minor units of `currency`.',
});
export type PromotionDiscountKind = z.infer<typeof PromotionDiscountKindSchema>;

/** A code field (`promotionCode`, `code`) with PROMOTION_CODE_RULE and its messages. */
function promotionCodeField(field: string) {
  const { minLength, maxLength, pattern } = PROMOTION_CODE_RULE;
  const messages = promotionCodeMessages(field);
  return z
    .string({ error: typeError(field, 'a string') })
    .trim()
    .min(minLength, { error: messages.tooShort })
    .max(maxLength, { error: messages.tooLong })
    .regex(pattern, { error: messages.pattern });
}

/**
 * A code as a learner types it: 3–32 letters, digits, "-" or "_". Case-insensitive (LAUNCH20 = launch20);
 * surrounding spaces are ignored. The same rule in zod/mini: PromotionCodeStringMiniSchema.
 */
export const PromotionCodeStringSchema = promotionCodeField('promotionCode').meta({
  description: PROMOTION_CODE_DESCRIPTION,
});

/** The same rule as PromotionCodeStringSchema, as a specialist's `code` field. */
const CodeFieldSchema = promotionCodeField('code').meta({
  description: 'The code learners type, case-insensitive and unique among your codes.',
});

/** The canonical form of a code: upper-case (codes are ASCII, so this is exact). */
export function normalizePromotionCode(code: string): string {
  return code.trim().toUpperCase();
}

export const PromotionCodeIdSchema = idField('promotionCodeId');

/**
 * promotionCodes.create. PERCENT needs percentOff (1–100) and no amountOff/currency; FIXED needs amountOff
 * and currency, and then applies only to offerings priced in that currency. `offeringIds` empty or left
 * out: every offering of the specialist, present and future.
 */
export const CreatePromotionCodeInputSchema = inputObject('promotionCodes.create', {
  code: CodeFieldSchema,
  kind: PromotionDiscountKindSchema,
  percentOff: z
    .int({ error: typeError('percentOff', 'a whole number of percent (1–100)') })
    .min(1, { error: 'percentOff must be at least 1' })
    .max(100, { error: 'percentOff must be at most 100' })
    .optional(),
  amountOff: minorUnitsField('amountOff', { min: 1 }).optional(),
  currency: CurrencySchema.optional(),
  offeringIds: z
    .array(OfferingIdSchema, { error: typeError('offeringIds', 'an array of offering ids') })
    .max(100, { error: 'offeringIds must list at most 100 offerings' })
    .default([]),
  startsAt: dateTimeField('startsAt').optional(),
  endsAt: dateTimeField('endsAt').optional(),
  maxRedemptions: z
    .int({ error: typeError('maxRedemptions', 'a whole number') })
    .min(1, { error: 'maxRedemptions must be at least 1 (leave it out for no limit)' })
    .max(1_000_000, { error: 'maxRedemptions must be at most 1000000' })
    .optional(),
  oncePerLearner: booleanField('oncePerLearner').default(false),
}).superRefine((input, ctx) => {
  if (input.kind === 'PERCENT') {
    if (input.percentOff === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['percentOff'],
        message: 'percentOff is required for a PERCENT code',
      });
    if (input.amountOff !== undefined)
      ctx.addIssue({ code: 'custom', path: ['amountOff'], message: 'amountOff is only for a FIXED code' });
    if (input.currency !== undefined)
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'currency is only for a FIXED code' });
  } else {
    if (input.amountOff === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['amountOff'],
        message: 'amountOff is required for a FIXED code',
      });
    if (input.currency === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['currency'],
        message: 'currency is required for a FIXED code (it applies only to offerings in that currency)',
      });
    if (input.percentOff !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['percentOff'],
        message: 'percentOff is only for a PERCENT code',
      });
  }
  if (input.startsAt && input.endsAt && Date.parse(input.startsAt) >= Date.parse(input.endsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsAt must be after startsAt' });
  if (new Set(input.offeringIds).size !== input.offeringIds.length)
    ctx.addIssue({
      code: 'custom',
      path: ['offeringIds'],
      message: 'offeringIds must not repeat an offering',
    });
});
export type CreatePromotionCodeInput = z.infer<typeof CreatePromotionCodeInputSchema>;

export const PromotionCodeSchema = z.object({
  id: idField('id'),
  specialistId: idField('specialistId'),
  code: z.string(),
  kind: PromotionDiscountKindSchema,
  percentOff: z.int().nullable(),
  amountOff: minorUnitsField('amountOff').nullable(),
  currency: CurrencySchema.nullable(),
  /** Empty: every offering of the specialist. */
  offeringIds: z.array(idField('offeringId')),
  startsAt: dateTimeField('startsAt').nullable(),
  endsAt: dateTimeField('endsAt').nullable(),
  maxRedemptions: z.int().nullable(),
  oncePerLearner: z.boolean(),
  active: z.boolean(),
  /** Uses counted: payments with this code that succeeded. */
  redeemedCount: countField('redeemedCount'),
  /** Open checkouts holding a use until they succeed or are canceled. */
  reservedCount: countField('reservedCount'),
  /** Uses left (maxRedemptions − redeemed − reserved), null without a limit. */
  remaining: countField('remaining').nullable(),
  createdAt: dateTimeField('createdAt'),
});
export type PromotionCode = z.infer<typeof PromotionCodeSchema>;

/** promotionCodes.list: a specialist's own codes; an admin's are everyone's unless `specialistId` is given. */
export const ListPromotionCodesInputSchema = inputObject('promotionCodes.list', {
  specialistId: idField('specialistId').optional(),
  includeInactive: booleanField('includeInactive').default(true),
}).prefault({});
export type ListPromotionCodesInput = z.infer<typeof ListPromotionCodesInputSchema>;

/** At most this many codes are listed (newest first). */
export const MAX_LISTED_PROMOTION_CODES = 500;
export const ListPromotionCodesOutputSchema = z.object({ items: z.array(PromotionCodeSchema) });
export type ListPromotionCodesOutput = z.infer<typeof ListPromotionCodesOutputSchema>;

/** promotionCodes.deactivate: the code stops applying to new checkouts; counted uses stay. */
export const DeactivatePromotionCodeInputSchema = inputObject('promotionCodes.deactivate', {
  promotionCodeId: PromotionCodeIdSchema,
});
export type DeactivatePromotionCodeInput = z.infer<typeof DeactivatePromotionCodeInputSchema>;
