import { invalidRequest } from './errors.js';
import { isParams, optInt, optString, type Params } from './params.js';

export interface ListResponse<T> {
  object: 'list';
  url: string;
  has_more: boolean;
  data: T[];
}

interface Listable {
  id: string;
  created: number;
}

/** Applies a `created` filter: either an exact timestamp or `created[gte|gt|lte|lt]`. */
export function matchesCreated(p: Params, created: number): boolean {
  const c = p.created;
  if (c === undefined || c === null) return true;
  if (typeof c === 'string') return created === Number(c);
  if (!isParams(c)) throw invalidRequest('Invalid created filter', { param: 'created' });
  const bound = (k: string) => optInt(c, k);
  const gte = bound('gte');
  const gt = bound('gt');
  const lte = bound('lte');
  const lt = bound('lt');
  if (gte !== undefined && created < gte) return false;
  if (gt !== undefined && created <= gt) return false;
  if (lte !== undefined && created > lte) return false;
  if (lt !== undefined && created >= lt) return false;
  return true;
}

/**
 * Stripe list semantics over items given oldest first: newest first, `limit` 1–100 (default 10),
 * `starting_after` / `ending_before` cursors, `created` filter, plus a caller-supplied filter.
 */
export function paginate<T extends Listable>(
  url: string,
  itemsOldestFirst: Iterable<T>,
  p: Params,
  filter: (item: T) => boolean = () => true,
): ListResponse<T> {
  const limit = optInt(p, 'limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest('Invalid integer: limit must be between 1 and 100', { param: 'limit' });
  }
  const all = [...itemsOldestFirst]
    .reverse()
    .filter((item) => matchesCreated(p, item.created) && filter(item));
  const startingAfter = optString(p, 'starting_after');
  const endingBefore = optString(p, 'ending_before');
  if (startingAfter) {
    const i = all.findIndex((x) => x.id === startingAfter);
    if (i < 0)
      throw invalidRequest(`No such object: '${startingAfter}'`, {
        param: 'starting_after',
        code: 'resource_missing',
      });
    const rest = all.slice(i + 1);
    return { object: 'list', url, has_more: rest.length > limit, data: rest.slice(0, limit) };
  }
  if (endingBefore) {
    const i = all.findIndex((x) => x.id === endingBefore);
    if (i < 0)
      throw invalidRequest(`No such object: '${endingBefore}'`, {
        param: 'ending_before',
        code: 'resource_missing',
      });
    const before = all.slice(0, i);
    const page = before.slice(Math.max(0, before.length - limit));
    return { object: 'list', url, has_more: before.length > limit, data: page };
  }
  return { object: 'list', url, has_more: all.length > limit, data: all.slice(0, limit) };
}
