import { BadRequestError } from '../errors.js';

/**
 * Keyset pagination over (<time column> DESC, id DESC), the one helper every list uses. The cursor is
 * opaque to clients: the last row's time and id, base64url-encoded. Rows created while paging never
 * shift later pages.
 */
export interface Keyset {
  at: Date;
  id: string;
}

export function encodeCursor(row: Keyset): string {
  return Buffer.from(JSON.stringify([row.at.toISOString(), row.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [time, id] = value;
      const at = typeof time === 'string' ? new Date(time) : null;
      if (at && !Number.isNaN(at.getTime()) && typeof id === 'string' && id.length > 0) {
        return { at, id };
      }
    }
  } catch {
    // fall through
  }
  throw new BadRequestError('cursor is not valid: pass back the nextCursor of the previous page unchanged');
}

/** `{ [column]: value }` with the column's name in its type, so Prisma checks it against the model. */
function on<K extends string, V>(column: K, value: V): Record<K, V> {
  return { [column]: value } as Record<K, V>;
}

/** Newest-first keyset pagination on `column` (a DateTime column) with `id` as the tie-breaker. */
export function keyset<K extends string>(column: K) {
  return {
    /** The Prisma `orderBy` for the order pages are cut in. */
    orderBy: [on(column, 'desc' as const), { id: 'desc' as const }],
    /** The Prisma `where` for "rows after this cursor" (nothing without a cursor). */
    after(cursor: string | undefined) {
      if (!cursor) return {};
      const { at, id } = decodeCursor(cursor);
      return { OR: [on(column, { lt: at }), { ...on(column, at), id: { lt: id } }] };
    },
    /** Fetch limit + 1 rows; this trims the extra one and says where the next page starts. */
    page<T extends Record<K, Date> & { id: string }, U>(
      rows: T[],
      limit: number,
      map: (row: T) => U,
    ): { items: U[]; nextCursor: string | null } {
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(map),
        nextCursor: rows.length > limit && last ? encodeCursor({ at: last[column], id: last.id }) : null,
      };
    },
  };
}

/** The common case: rows paged by createdAt. */
export const byCreatedAt = keyset('createdAt');
