// Internal building blocks: every field schema carries plain-English messages that name the field,
// because a zod issue's message is built before its path is known. Not re-exported from index.ts.
import { z } from 'zod';
import { MAX_AMOUNT } from './currencies.js';

export { MAX_AMOUNT };

type Issue = z.core.$ZodRawIssue;

/**
 * Marks the schemas whose format is part of the promise (money in minor units, our ids, Stripe ids), so the
 * compatibility check (scripts/compat) calls any change of their type or pattern breaking. Only used when
 * building the contract snapshot; the published JSON Schema files do not carry it.
 */
export const contractFormats = z.registry<{ format: 'minor-units' | 'id' | 'stripe-id' }>();
function withFormat<T extends z.ZodType>(schema: T, format: 'minor-units' | 'id' | 'stripe-id'): T {
  contractFormats.add(schema, { format });
  return schema;
}

/** "x is required" when the value is missing, otherwise "x must be <expected>". */
export function typeError(field: string, expected: string): (iss: Issue) => string {
  return (iss) => (iss.input === undefined ? `${field} is required` : `${field} must be ${expected}`);
}

export function minorUnitsField(
  field: string,
  { min = 0, max = MAX_AMOUNT }: { min?: number; max?: number } = {},
) {
  const schema = z
    .int({ error: typeError(field, 'a whole number of minor units (e.g. cents)') })
    .min(min, {
      error:
        min === 0
          ? `${field} must not be negative`
          : min === 1
            ? `${field} must be a positive whole number of minor units`
            : `${field} must be at least ${min} minor units`,
    })
    .max(max, {
      error:
        max === MAX_AMOUNT
          ? `${field} must be at most ${max} minor units (Stripe's maximum amount)`
          : `${field} must be at most ${max} minor units`,
    });
  return withFormat(schema, 'minor-units');
}

/** Aggregates that may go below zero (e.g. net revenue of a period with more refunds than sales). */
export function signedMinorUnitsField(field: string) {
  return withFormat(
    z.int({ error: typeError(field, 'a whole number of minor units (e.g. cents)') }),
    'minor-units',
  );
}

export function countField(field: string) {
  return z
    .int({ error: typeError(field, 'a whole number') })
    .min(0, { error: `${field} must not be negative` });
}

export function ratioField(field: string) {
  return z
    .number({ error: typeError(field, 'a number between 0 and 1') })
    .min(0, { error: `${field} must be between 0 and 1` })
    .max(1, { error: `${field} must be between 0 and 1` });
}

const ID_PATTERN = /^[A-Za-z0-9_-]*$/;

export function idField(field: string) {
  const schema = z
    .string({ error: typeError(field, 'a string id') })
    .min(1, { error: `${field} must not be empty` })
    .max(64, { error: `${field} must be at most 64 characters` })
    .regex(ID_PATTERN, { error: `${field} may contain only letters, digits, "_" and "-"` });
  return withFormat(schema, 'id');
}

export function stripeIdField(field: string, prefixes: readonly [string, ...string[]]) {
  const pattern = new RegExp(`^(?:${prefixes.join('|')})[A-Za-z0-9_]+$`);
  const expected = prefixes.map((p) => `"${p}"`).join(' or ');
  const schema = z
    .string({ error: typeError(field, 'a Stripe id string') })
    .max(255, { error: `${field} must be at most 255 characters` })
    .regex(pattern, { error: `${field} must be a Stripe id starting with ${expected}` });
  return withFormat(schema, 'stripe-id');
}

export function dateTimeField(field: string) {
  return z.iso.datetime({
    offset: true,
    error: typeError(field, 'an ISO 8601 date-time string, e.g. 2025-01-31T12:00:00Z'),
  });
}

export function textField(field: string, { min = 0, max }: { min?: number; max: number }) {
  const base = z.string({ error: typeError(field, 'a string') }).trim();
  const withMin =
    min > 0
      ? base.min(min, {
          error: min === 1 ? `${field} must not be empty` : `${field} must be at least ${min} characters`,
        })
      : base;
  // PostgreSQL text and jsonb cannot hold U+0000; refused here rather than failing the insert (a 500).
  return withMin
    .max(max, { error: `${field} must be at most ${max} characters` })
    .refine((value) => !value.includes('\u0000'), {
      error: `${field} must not contain the NUL character (\\u0000)`,
    });
}

export function booleanField(field: string) {
  return z.boolean({ error: typeError(field, 'true or false') });
}

export function enumField<const T extends readonly [string, ...string[]]>(values: T, field: string) {
  return z.enum(values, { error: typeError(field, `one of ${values.join(', ')}`) });
}

/** Input objects reject unknown keys: a typo like `amout` must not silently turn a partial refund into a full one. */
export function inputObject<T extends z.core.$ZodLooseShape>(name: string, shape: T) {
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `${name} has unknown field(s): ${iss.keys.join(', ')}`
        : `${name} input must be an object`,
  });
}
