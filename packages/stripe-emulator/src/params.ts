import { invalidRequest, missingParam } from './errors.js';

/** Request parameters after `qs` parsing: nested records, arrays and strings (empty string → null). */
export type Params = { [key: string]: ParamValue };
export type ParamValue = string | null | Params | ParamValue[];

export function isParams(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns `qs` output into Params: '' becomes null (Stripe's way to unset a field). */
export function normalize(value: unknown): ParamValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object') {
    const out: Params = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v);
    return out;
  }
  return null;
}

export function has(p: Params, name: string): boolean {
  return Object.hasOwn(p, name);
}

export function optString(p: Params, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidRequest(`Invalid string: ${name}`, { param: name });
  return v;
}

/** A string param that may be explicitly cleared: undefined when absent, null when ''. */
export function nullableString(p: Params, name: string): string | null | undefined {
  if (!has(p, name)) return undefined;
  if (p[name] === null) return null;
  return optString(p, name);
}

export function reqString(p: Params, name: string): string {
  const v = optString(p, name);
  if (v === undefined) throw missingParam(name);
  return v;
}

export function optInt(p: Params, name: string): number | undefined {
  const v = optString(p, name);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) {
    throw invalidRequest(`Invalid integer: ${v}`, { code: 'parameter_invalid_integer', param: name });
  }
  return Number.parseInt(v, 10);
}

export function reqInt(p: Params, name: string): number {
  const v = optInt(p, name);
  if (v === undefined) throw missingParam(name);
  return v;
}

export function optBool(p: Params, name: string): boolean | undefined {
  const v = optString(p, name);
  if (v === undefined) return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw invalidRequest(`Invalid boolean: ${v}`, { param: name });
}

export function optObject(p: Params, name: string): Params | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (!isParams(v)) throw invalidRequest(`Invalid object: ${name}`, { param: name });
  return v;
}

export function optStringArray(p: Params, name: string): string[] | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  // stripe-node sends `x[0]=a`; qs turns more than 20 indices into an object, so accept both.
  const items = Array.isArray(v) ? v : isParams(v) ? Object.values(v) : [v];
  return items.filter((s): s is string => typeof s === 'string');
}

/** Applies a `metadata` param to existing metadata as Stripe does (null value or '' clears). */
export function applyMetadata(current: Record<string, string> | null, p: Params): Record<string, string> {
  if (!has(p, 'metadata')) return current ?? {};
  const m = p.metadata;
  if (m === null) return {};
  if (!isParams(m)) throw invalidRequest('Invalid object', { param: 'metadata' });
  const next = { ...current };
  for (const [k, v] of Object.entries(m)) {
    if (v === null) delete next[k];
    else if (typeof v === 'string') next[k] = v;
    else throw invalidRequest(`Invalid metadata value for ${k}`, { param: `metadata[${k}]` });
  }
  return next;
}
