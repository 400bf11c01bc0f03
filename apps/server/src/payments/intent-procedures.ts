import {
  ConfirmPaymentInputSchema,
  ConfirmPaymentOutputSchema,
  CreatePaymentIntentInputSchema,
  CreatePaymentIntentOutputSchema,
} from '@enrollpay/schemas';
import { confirmRateLimit, learnerProcedure } from '../trpc/procedures.js';
import { confirmPayment, createPaymentIntent } from './intents.js';

/** payments.createIntent and payments.confirm; spread into the payments router. */
export const paymentIntentProcedures = {
  // The money rate limit is taken inside, in createIntent's first statement (with the idempotency
  // claim and the checkout's read), rather than by the `moneyRateLimit` middleware's own statement.
  createIntent: learnerProcedure
    .input(CreatePaymentIntentInputSchema)
    .output(CreatePaymentIntentOutputSchema)
    .mutation(({ ctx, input }) => createPaymentIntent(ctx.deps, ctx.principal, input, { ip: ctx.ip })),
  confirm: learnerProcedure
    .use(confirmRateLimit)
    .input(ConfirmPaymentInputSchema)
    .output(ConfirmPaymentOutputSchema)
    .mutation(({ ctx, input }) => confirmPayment(ctx.deps, ctx.principal, input.paymentId)),
};
