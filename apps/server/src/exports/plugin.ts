import {
  PaymentsExportInputSchema,
  PayoutsExportInputSchema,
  RefundsExportInputSchema,
} from '@enrollpay/schemas';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { RateLimitedError } from '../errors.js';
import { csvStream, PAYMENTS_TABLE, PAYOUTS_TABLE, REFUNDS_TABLE } from './csv.js';
import { type ExportScope, paymentExportPages, payoutExportPages, refundExportPages } from './rows.js';

export interface ExportRoutesOptions {
  deps: AppDeps;
  /** Exports running at once in this process; more get an early 503 (default 4). */
  maxConcurrent?: number;
}

interface FieldError {
  path: string;
  message: string;
}

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function problem(reply: FastifyReply, status: number, code: string, message: string, extra = {}) {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, ...extra } });
}

/**
 * `GET /api/exports/payments.csv`, `GET /api/exports/refunds.csv` and `GET /api/exports/payouts.csv`: CSV
 * downloads for the signed-in specialist (their own rows) or an admin (everyone's). The token comes in `Authorization: Bearer`
 * only, as for the tRPC API (a token in the URL would end up in logs and browser history), so the web
 * app downloads with fetch and saves the blob.
 *
 * Each request takes one point of the money rate limit (per user and per IP, shared by instances), and
 * at most `maxConcurrent` exports stream at once in a process; beyond that the answer is an early 503
 * with Retry-After. Errors before the first byte are JSON (400 naming the field, 401, 403, 429, 503); a
 * database failure mid-stream aborts the response, so a client never mistakes a truncated file for a
 * complete one.
 */
export const exportRoutes: FastifyPluginAsync<ExportRoutesOptions> = async (
  app,
  { deps, maxConcurrent = 4 },
) => {
  let running = 0;

  async function authorize(request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    const principal = match?.[1] ? await deps.tokens.verify(match[1]) : null;
    if (!principal) {
      reply.header('www-authenticate', 'Bearer');
      await problem(
        reply,
        401,
        'UNAUTHORIZED',
        header
          ? 'Your session token is invalid or has expired; sign in again'
          : 'Sign in required: send Authorization: Bearer <token>',
      );
      return null;
    }
    if (principal.role !== 'SPECIALIST' && principal.role !== 'ADMIN') {
      await problem(reply, 403, 'FORBIDDEN', 'Only specialist or admin accounts can download exports');
      return null;
    }
    return principal;
  }

  function route<Input extends { bom?: '1' | '0' | 'true' | 'false' | undefined }>(
    path: string,
    schema: z.ZodType<Input>,
    filePrefix: string,
    open: (scope: ExportScope, input: Input) => NodeJS.ReadableStream & { destroy(error?: Error): void },
  ) {
    app.get(path, async (request, reply) => {
      const principal = await authorize(request, reply);
      if (!principal) return reply;

      const parsed = schema.safeParse(request.query ?? {});
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        return problem(
          reply,
          400,
          'BAD_REQUEST',
          errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '),
          { fieldErrors: errors },
        );
      }

      try {
        await deps.rateLimiter.consume({ ip: request.ip, userId: principal.userId });
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        reply.header('retry-after', String(error.retryAfterSeconds));
        return problem(reply, 429, 'TOO_MANY_REQUESTS', error.message, {
          retryAfterSeconds: error.retryAfterSeconds,
        });
      }
      if (running >= maxConcurrent) {
        reply.header('retry-after', '5');
        return problem(reply, 503, 'SERVICE_UNAVAILABLE', 'Too many exports are running; try again shortly');
      }

      running++;
      let released = false;
      const release = () => {
        if (!released) {
          released = true;
          running--;
        }
      };
      const scope: ExportScope =
        principal.role === 'ADMIN'
          ? { kind: 'admin' }
          : { kind: 'specialist', specialistId: principal.userId };
      const stream = open(scope, parsed.data);
      stream.on('error', (error) => {
        release();
        request.log.error({ err: error, path }, 'CSV export failed mid-stream');
      });
      stream.on('end', release);
      reply.raw.on('close', () => {
        release();
        // The client went away: stop reading pages.
        stream.destroy();
      });

      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filePrefix}-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(stream);
    });
  }

  const bomOf = (input: { bom?: string | undefined }) => input.bom === '1' || input.bom === 'true';

  route('/api/exports/payments.csv', PaymentsExportInputSchema, 'payments', (scope, input) =>
    csvStream(PAYMENTS_TABLE, paymentExportPages(deps.db, scope, input), { bom: bomOf(input) }),
  );
  route('/api/exports/refunds.csv', RefundsExportInputSchema, 'refunds', (scope, input) =>
    csvStream(REFUNDS_TABLE, refundExportPages(deps.db, scope, input), { bom: bomOf(input) }),
  );
  route('/api/exports/payouts.csv', PayoutsExportInputSchema, 'payouts', (scope, input) =>
    csvStream(PAYOUTS_TABLE, payoutExportPages(deps.db, scope, input), { bom: bomOf(input) }),
  );
};
