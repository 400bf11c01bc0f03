import {
  GetPaymentInputSchema,
  PaymentDetailsSchema,
  PaymentHistoryInputSchema,
  PaymentHistoryOutputSchema,
  SpecialistPaymentsInputSchema,
  SpecialistPaymentsOutputSchema,
} from '@enrollpay/schemas';
import { authedProcedure, learnerProcedure, specialistProcedure } from '../trpc/procedures.js';
import { getPaymentDetails, paymentHistory, paymentsForSpecialist } from './queries.js';

/** payments.get, payments.history, payments.forSpecialist; spread into the payments router. */
export const paymentQueryProcedures = {
  get: authedProcedure
    .input(GetPaymentInputSchema)
    .output(PaymentDetailsSchema)
    .query(({ ctx, input }) => getPaymentDetails(ctx.deps.db, ctx.principal, input.paymentId)),
  history: learnerProcedure
    .input(PaymentHistoryInputSchema)
    .output(PaymentHistoryOutputSchema)
    .query(({ ctx, input }) => paymentHistory(ctx.deps.db, ctx.principal.userId, input)),
  forSpecialist: specialistProcedure
    .input(SpecialistPaymentsInputSchema)
    .output(SpecialistPaymentsOutputSchema)
    .query(({ ctx, input }) => paymentsForSpecialist(ctx.deps.db, ctx.principal.userId, input)),
};
