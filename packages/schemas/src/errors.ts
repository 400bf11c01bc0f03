import { z } from 'zod';

/**
 * The error codes a tRPC server can answer with, and the HTTP status each is sent with. enrollpay's
 * procedures use a few of them (see `ProcedureCatalog`); the list is tRPC's, so a client can switch on
 * any code it receives.
 */
export const API_ERROR_HTTP_STATUS = {
  PARSE_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  CLIENT_CLOSED_REQUEST: 499,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_HTTP_STATUS;

const API_ERROR_CODES = Object.keys(API_ERROR_HTTP_STATUS) as [ApiErrorCode, ...ApiErrorCode[]];
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);

/** One wrong input field: `path` is dotted (`items.0.amount`), `message` names the field. */
export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

/**
 * `error.data` of every error the enrollpay API returns (a `TRPCClientError`'s `data`). Validation errors
 * are BAD_REQUEST with `fieldErrors`; TOO_MANY_REQUESTS carries `retryAfterSeconds`; domain errors may
 * carry `details` (e.g. `{ reason: 'WINDOW_PASSED' }` for a refused refund).
 */
export const ApiErrorDataSchema = z.object({
  code: ApiErrorCodeSchema,
  httpStatus: z.int(),
  path: z.string().optional().meta({ description: 'The procedure path, e.g. "payments.refund".' }),
  fieldErrors: z
    .array(FieldErrorSchema)
    .nullable()
    .meta({ description: 'Every wrong input field (BAD_REQUEST from input validation); null otherwise.' }),
  retryAfterSeconds: z.int().min(0).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiErrorData = z.infer<typeof ApiErrorDataSchema>;
