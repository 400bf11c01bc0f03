/**
 * What a database error means, for any code that talks to PostgreSQL through Prisma or the pg pool
 * (lib/hot-sql.ts). Errors that mean "too busy" (pool and transaction timeouts) are recognised by
 * isOverloadError in overload.ts, next to the guard that answers them with 503.
 */

/** A unique violation, from node-postgres (SQLSTATE 23505) or from Prisma (P2002, or the code in its message). */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = 'code' in error ? error.code : undefined;
  const message = 'message' in error ? String(error.message) : '';
  return code === '23505' || code === 'P2002' || message.includes('23505');
}
