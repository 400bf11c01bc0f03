import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { TRPCError } from '@trpc/server';

/**
 * Domain errors. Services throw these; `toTRPCError` is the one place that maps them to tRPC codes.
 * Their messages are written for the person who made the request.
 */
export class DomainError extends Error {
  constructor(
    readonly code: TRPC_ERROR_CODE_KEY,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do that') {
    super('FORBIDDEN', message);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Sign in required') {
    super('UNAUTHORIZED', message);
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('BAD_REQUEST', message, details);
  }
}

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Too many requests; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}

/** The card was declined or needs another try: the learner can act on the message. */
export class PaymentDeclinedError extends DomainError {
  constructor(message: string, details: { code?: string | null; declineCode?: string | null } = {}) {
    super('BAD_REQUEST', message, details);
  }
}

/** Stripe (or the network to it) failed after the SDK's own retries. */
export class PaymentProviderUnavailableError extends DomainError {
  constructor() {
    super('SERVICE_UNAVAILABLE', 'The payment provider is unavailable right now; please try again shortly');
  }
}

export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError)
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: 'Something went wrong on our side',
    cause: error,
  });
}
