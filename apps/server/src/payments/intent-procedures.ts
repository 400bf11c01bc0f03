import {
  ConfirmPaymentInputSchema,
  ConfirmPaymentOutputSchema,
  CreatePaymentIntentInputSchema,
  CreatePaymentIntentOutputSchema,
} from '@enrollpay/schemas';
import { confirmRateLimit, learnerProcedure, moneyRateLimit } from '../trpc/procedures.js';
import { confirmPayment, createPaymentIntent } from './intents.js';

/** payments.createIntent and payments.confirm; spread into the payments router. */
export const paymentIntentProcedures = {
  createIntent: learnerProcedure
    .use(moneyRateLimit)
    .input(CreatePaymentIntentInputSchema)
    .output(CreatePaymentIntentOutputSchema)
    .mutation(({ ctx, input }) => createPaymentIntent(ctx.deps, ctx.principal, input)),
  confirm: learnerProcedure
    .use(confirmRateLimit)
    .input(ConfirmPaymentInputSchema)
    .output(ConfirmPaymentOutputSchema)
    .mutation(({ ctx, input }) => confirmPayment(ctx.deps, ctx.principal, input.paymentId)),
};
