import { z } from 'zod';
import { SUPPORTED_CURRENCIES } from './currencies.js';
import { enumField, minorUnitsField, typeError } from './fields.js';

// The tables and helpers (formatMoney, toMinorUnits, ...) live in currencies.ts, without zod.
export {
  formatMajorUnits,
  formatMoney,
  fromMinorUnits,
  isZeroDecimal,
  MAX_AMOUNT,
  minimumChargeProblem,
  minorUnitDigits,
  STRIPE_MINIMUM_AMOUNTS,
  SUPPORTED_CURRENCIES,
  THREE_DECIMAL_CURRENCIES,
  toMinorUnits,
  ZERO_DECIMAL_CURRENCIES,
} from './currencies.js';

export const CurrencySchema = enumField(SUPPORTED_CURRENCIES, 'currency').meta({
  description: 'Lowercase ISO 4217 currency code, as Stripe uses it.',
});
export type Currency = z.infer<typeof CurrencySchema>;

/** An amount in the currency's smallest unit (cents for usd, yen for jpy), 0..99999999. */
export const AmountSchema = minorUnitsField('amount').meta({
  description: "Integer amount in the currency's smallest unit (cents for usd, whole yen for jpy).",
});
export type Amount = z.infer<typeof AmountSchema>;

export const MoneySchema = z
  .object(
    { amount: AmountSchema, currency: CurrencySchema },
    { error: typeError('money', 'an object with amount and currency') },
  )
  .meta({ description: 'An amount in minor units together with its currency.' });
export type Money = z.infer<typeof MoneySchema>;
