import { invalidRequest } from './errors.js';
import type { Store } from './store.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Returns a deep copy of `value` with each dotted path in `paths` expanded: an id string at that
 * path is replaced by the stored object with that id. Lists expand through `data.`.
 */
export function expand<T>(store: Store, value: T, paths: readonly string[]): T {
  const copy: T = structuredClone(value);
  for (const path of paths) expandPath(store, copy, path.split('.'), path);
  return copy;
}

function expandPath(store: Store, target: unknown, segments: string[], fullPath: string): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (Array.isArray(target)) {
    for (const item of target) expandPath(store, item, segments, fullPath);
    return;
  }
  if (!isRecord(target)) return;
  if (!(head in target)) {
    throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: 'expand' });
  }
  let child = target[head];
  if (typeof child === 'string') {
    const found = store.lookup(child);
    if (found) {
      child = structuredClone(found);
      target[head] = child;
    }
  }
  if (rest.length > 0) expandPath(store, child, rest, fullPath);
}
