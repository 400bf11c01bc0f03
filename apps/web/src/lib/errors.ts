import { TRPCClientError } from '@trpc/client';

export interface FieldError {
  path: string;
  message: string;
}

/** The tRPC error code ('NOT_FOUND', 'CONFLICT', ...) of an error, or null for network/other errors. */
export function errorCode(error: unknown): string | null {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    if (data && typeof data === 'object' && 'code' in data && typeof data.code === 'string') return data.code;
  }
  return null;
}

/** A sentence to show a person. Server messages are written for people; network failures are not. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    if (errorCode(error) === null) return 'Could not reach the server. Check your connection and try again.';
    return error.message;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

export function fieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof TRPCClientError)) return [];
  const data: unknown = error.data;
  if (!data || typeof data !== 'object' || !('fieldErrors' in data) || !Array.isArray(data.fieldErrors))
    return [];
  return data.fieldErrors.filter(
    (f: unknown): f is FieldError =>
      !!f && typeof f === 'object' && 'path' in f && 'message' in f && typeof f.message === 'string',
  );
}

/** Zod issues → { field: first message }, for showing next to inputs. */
export function issuesByField(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}
