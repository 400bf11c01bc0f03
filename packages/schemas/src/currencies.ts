// The currency tables and money arithmetic: plain TypeScript, no zod, so that a page which only formats
// amounts (the checkout) does not download zod with them. money.ts has the schemas and re-exports these.

/** Stripe's largest accepted amount, in minor units (e.g. 99999999 cents = $999,999.99). */
export const MAX_AMOUNT = 99_999_999;

/** Currencies enrollpay accepts, as Stripe spells them (lowercase ISO 4217). */
export const SUPPORTED_CURRENCIES = [
  'usd',
  'eur',
  'gbp',
  'jpy',
  'krw',
  'chf',
  'cad',
  'aud',
  'nzd',
  'sek',
  'nok',
  'dkk',
  'pln',
  'sgd',
  'hkd',
  'mxn',
  'brl',
  'inr',
] as const;

/** One of SUPPORTED_CURRENCIES (the same type as `Currency`, the schema's). */
export type SupportedCurrency = (typeof SUPPORTED_CURRENCIES)[number];

/** Stripe's zero-decimal currencies: amounts are whole units (¥500 is `500`, not `50000`). */
export const ZERO_DECIMAL_CURRENCIES = [
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
] as const;

/** Stripe's three-decimal currencies (not in SUPPORTED_CURRENCIES; known so helpers never misformat them). */
export const THREE_DECIMAL_CURRENCIES = ['bhd', 'jod', 'kwd', 'omr', 'tnd'] as const;

/**
 * Stripe's minimum charge per currency, in minor units, for the supported currencies where Stripe publishes
 * one (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). Currencies missing here
 * (krw) have no fixed minimum; offerings in them only need a positive price.
 */
export const STRIPE_MINIMUM_AMOUNTS: Readonly<Partial<Record<SupportedCurrency, number>>> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  jpy: 50,
  chf: 50,
  cad: 50,
  aud: 50,
  nzd: 50,
  sek: 300,
  nok: 300,
  dkk: 250,
  pln: 200,
  sgd: 50,
  hkd: 400,
  mxn: 1000,
  brl: 50,
  inr: 50,
};

const zeroDecimal: ReadonlySet<string> = new Set(ZERO_DECIMAL_CURRENCIES);
const threeDecimal: ReadonlySet<string> = new Set(THREE_DECIMAL_CURRENCIES);

export function isZeroDecimal(currency: string): boolean {
  return zeroDecimal.has(currency.toLowerCase());
}

/** How many digits of minor units a currency has on Stripe: 0 (jpy), 3 (kwd) or 2 (everything else). */
export function minorUnitDigits(currency: string): 0 | 2 | 3 {
  const c = currency.toLowerCase();
  if (zeroDecimal.has(c)) return 0;
  if (threeDecimal.has(c)) return 3;
  return 2;
}

/**
 * Converts a major-unit amount (19.99 usd, 1500 jpy) to minor units (1999, 1500).
 * Accepts a number or a decimal string; throws a RangeError for amounts the currency cannot represent
 * (10.5 jpy, 1.999 usd), negative amounts, or non-numbers.
 */
export function toMinorUnits(major: number | string, currency: string): number {
  const digits = minorUnitDigits(currency);
  const text = typeof major === 'number' ? numberToPlainString(major) : major.trim();
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) {
    throw new RangeError(
      `amount must be a non-negative decimal number, got ${JSON.stringify(String(major))}`,
    );
  }
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) {
    throw new RangeError(
      digits === 0
        ? `${currency} has no minor units, so the amount must be a whole number (got ${text})`
        : `${currency} has ${digits} decimal places, so ${text} cannot be represented exactly`,
    );
  }
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount ${text} is too large`);
  return minor;
}

/** Converts minor units back to a major-unit number (1999 usd → 19.99, 1500 jpy → 1500). */
export function fromMinorUnits(amount: number, currency: string): number {
  return amount / 10 ** minorUnitDigits(currency);
}

/**
 * Minor units as a plain major-unit decimal string, exactly (no floating point): 1250 usd → "12.50",
 * 5000 jpy → "5000", 5 usd → "0.05", -1250 usd → "-12.50". No symbol, no grouping: for CSV and machines.
 */
export function formatMajorUnits(amount: number, currency: string): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be a whole number, got ${amount}`);
  const digits = minorUnitDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount));
  if (digits === 0) return sign + text;
  const padded = text.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/**
 * Formats minor units for people: formatMoney(1999, 'usd') → "$19.99", formatMoney(1500, 'jpy') → "¥1,500",
 * formatMoney(15000, 'krw', 'ko-KR') → "₩15,000". Uses Stripe's digit count, not a guess from the locale.
 */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale ?? 'en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Rounding away binary noise (0.1 + 0.2) before reading digits: 12 significant fraction digits is far
  // beyond any currency's precision.
  const fixed = n.toFixed(12);
  return fixed.replace(/\.?0+$/, '');
}

/** Why `amount` is below Stripe's minimum charge in `currency`, or null when it is not. */
export function minimumChargeProblem(amount: number, currency: string): string | null {
  const minimums: Readonly<Record<string, number | undefined>> = STRIPE_MINIMUM_AMOUNTS;
  const minimum = minimums[currency];
  if (minimum === undefined || amount >= minimum) return null;
  return `amount must be at least ${minimum} minor units for ${currency} (Stripe's minimum charge)`;
}
