import { BadRequestError } from '../errors.js';

/**
 * Keyset pagination over (createdAt DESC, id DESC). The cursor is opaque to clients: the last row's
 * createdAt and id, base64url-encoded. Rows created while paging never shift later pages.
 */
export interface Keyset {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Keyset): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value;
      const createdAt = typeof at === 'string' ? new Date(at) : null;
      if (createdAt && !Number.isNaN(createdAt.getTime()) && typeof id === 'string' && id.length > 0) {
        return { createdAt, id };
      }
    }
  } catch {
    // fall through
  }
  throw new BadRequestError('cursor is not valid: pass back the nextCursor of the previous page unchanged');
}

/** The Prisma `where` for "rows after this cursor" in (createdAt DESC, id DESC) order. */
export function afterCursor(cursor: string | undefined) {
  if (!cursor) return {};
  const { createdAt, id } = decodeCursor(cursor);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

export const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/** Fetch limit + 1 rows; this trims the extra one and says where the next page starts. */
export function toPage<T extends Keyset, U>(
  rows: T[],
  limit: number,
  map: (row: T) => U,
): { items: U[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
