import {
  type PaymentDetails,
  PaymentDetailsSchema,
  PaymentStatusInputSchema,
  paymentOutcomeKnown,
} from '@enrollpay/schemas';
import { TRPCError } from '@trpc/server';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { toTRPCError } from '../errors.js';
import { learnerProcedure } from '../trpc/procedures.js';
import { getPaymentDetails } from './queries.js';
import type { StatusWatch } from './status-hub.js';

/**
 * payments.onStatus: the checkout result page's live view of one payment, over Server-Sent Events
 * (tRPC's httpSubscriptionLink on the client; `sse` options in app.ts).
 *
 * Before the stream starts (so a refusal is an error event before any data, and costs no query when
 * over a limit): take a slot from the hub (per-user and global caps), wait until this instance is
 * LISTENing, then read the payment — NOT_FOUND unless it is the caller's. That first read happens after
 * LISTEN is in force, so no change can fall between reading and listening.
 *
 * The stream yields that read at once, then re-reads the payment at each notification (or after the
 * listener reconnected) and yields it when it differs, and returns when `paymentOutcomeKnown` — the same
 * rule the web app uses to stop. It also ends when the client goes away or after
 * SUBSCRIPTION_MAX_DURATION_MS (tRPC's `maxDurationMs`: the connection is cut without a "return" event, so
 * the client reconnects and gets the current state first). The slot is given back in every case.
 */
export const paymentStatusProcedures = {
  onStatus: learnerProcedure.input(PaymentStatusInputSchema).subscription(async ({ ctx, input, signal }) => {
    const watch = ctx.deps.paymentStatus.watch(ctx.principal.userId, input.paymentId);
    signal?.addEventListener('abort', () => watch.close(), { once: true });
    try {
      await watch.ready();
      const first = await getPaymentDetails(ctx.deps.db, ctx.principal, input.paymentId);
      return statusEvents(ctx.deps, ctx.principal, input.paymentId, first, watch);
    } catch (error) {
      watch.close();
      throw error;
    }
  }),
};

async function* statusEvents(
  deps: AppDeps,
  principal: Principal,
  paymentId: string,
  first: PaymentDetails,
  watch: StatusWatch,
): AsyncGenerator<PaymentDetails, void, unknown> {
  try {
    let current = first;
    yield PaymentDetailsSchema.parse(current);
    while (!paymentOutcomeKnown(current)) {
      if (!(await watch.changed())) {
        // Shutting down: an error tRPC's client retries, so it reconnects (to another instance) instead
        // of taking the end of the stream for the end of the story. Otherwise the client left.
        if (watch.closedByServer) {
          throw new TRPCError({
            code: 'SERVICE_UNAVAILABLE',
            message: 'The server is restarting; reconnecting',
          });
        }
        return;
      }
      const next = await readOrFail(deps, principal, paymentId);
      if (JSON.stringify(next) === JSON.stringify(current)) continue;
      current = next;
      yield PaymentDetailsSchema.parse(current);
    }
  } finally {
    watch.close();
  }
}

/**
 * Errors inside the stream do not pass tRPC's middlewares, so domain errors are mapped here (an
 * unmapped error would reach the client as INTERNAL_SERVER_ERROR, which it retries).
 */
async function readOrFail(deps: AppDeps, principal: Principal, paymentId: string): Promise<PaymentDetails> {
  try {
    return await getPaymentDetails(deps.db, principal, paymentId);
  } catch (error) {
    const mapped = toTRPCError(error);
    if (mapped.code !== 'INTERNAL_SERVER_ERROR') throw mapped;
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Could not read the payment just now; reload the page',
      cause: error,
    });
  }
}
