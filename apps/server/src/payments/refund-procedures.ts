import {
  RefundabilityInputSchema,
  RefundabilityOutputSchema,
  RefundPaymentInputSchema,
  RefundPaymentOutputSchema,
} from '@enrollpay/schemas';
import { authedProcedure, moneyRateLimit } from '../trpc/procedures.js';
import { getRefundability, refundPayment } from './refunds.js';

/**
 * payments.refund and payments.refundability; spread into the payments router. Any signed-in role may
 * call them; who may refund what (own payment, owning specialist, admin) is decided in refunds.ts, and
 * someone else's payment is NOT_FOUND.
 */
export const paymentRefundProcedures = {
  refund: authedProcedure
    .use(moneyRateLimit)
    .input(RefundPaymentInputSchema)
    .output(RefundPaymentOutputSchema)
    .mutation(({ ctx, input }) => refundPayment(ctx.deps, ctx.principal, input)),
  refundability: authedProcedure
    .input(RefundabilityInputSchema)
    .output(RefundabilityOutputSchema)
    .query(({ ctx, input }) => getRefundability(ctx.deps, ctx.principal, input.paymentId)),
};
