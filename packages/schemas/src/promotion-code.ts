// The promotion code rule, once, for both flavours of zod: promotions.ts builds the contract's schemas
// (classic zod) from it, and PromotionCodeStringMiniSchema below is the same rule in `zod/mini`, for a
// browser page that checks a code before sending it without downloading classic zod (this one check,
// bundled alone: about 21 kB gzipped with classic zod, about 4 kB with zod/mini).
import * as z from 'zod/mini';

/** 3–32 letters, digits, "-" or "_", after trimming surrounding spaces. */
export const PROMOTION_CODE_RULE = { minLength: 3, maxLength: 32, pattern: /^[A-Za-z0-9_-]*$/ } as const;

/** The messages of the rule for a field (`promotionCode` for learners, `code` for specialists). */
export function promotionCodeMessages(field: string) {
  const { minLength, maxLength } = PROMOTION_CODE_RULE;
  return {
    required: `${field} is required`,
    type: `${field} must be a string`,
    tooShort: `${field} must be at least ${minLength} characters`,
    tooLong: `${field} must be at most ${maxLength} characters`,
    pattern: `${field} may contain only letters, digits, "-" and "_" (e.g. LAUNCH20)`,
  };
}

/** What a learner's `promotionCode` is, for the API reference and the JSON Schemas. */
export const PROMOTION_CODE_DESCRIPTION =
  'A promotion code, case-insensitive: 3–32 letters, digits, "-" or "_".';

const messages = promotionCodeMessages('promotionCode');

/**
 * PromotionCodeStringSchema's rule and messages in `zod/mini` (no methods: `safeParse`, `parse`, `check`):
 * for forms that check a code in the browser. The API validates with PromotionCodeStringSchema either way.
 */
export const PromotionCodeStringMiniSchema = z
  .string({ error: (iss) => (iss.input === undefined ? messages.required : messages.type) })
  .check(
    z.trim(),
    z.minLength(PROMOTION_CODE_RULE.minLength, { error: messages.tooShort }),
    z.maxLength(PROMOTION_CODE_RULE.maxLength, { error: messages.tooLong }),
    z.regex(PROMOTION_CODE_RULE.pattern, { error: messages.pattern }),
  )
  .register(z.globalRegistry, { description: PROMOTION_CODE_DESCRIPTION });
