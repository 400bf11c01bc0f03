import {
  CreatePromotionCodeInputSchema,
  DeactivatePromotionCodeInputSchema,
  ListPromotionCodesInputSchema,
  ListPromotionCodesOutputSchema,
  PromotionCodeSchema,
} from '@enrollpay/schemas';
import { router } from '../trpc/init.js';
import { moneyRateLimit, specialistProcedure, staffProcedure } from '../trpc/procedures.js';
import { createPromotionCode, deactivatePromotionCode, listPromotionCodes } from './service.js';

/** promotionCodes.*: a specialist's discount codes (checkout applies them in payments/intents.ts). */
export const promotionCodesRouter = router({
  // Codes change what learners pay: writing them counts against the money-mutation rate limit.
  create: specialistProcedure
    .use(moneyRateLimit)
    .input(CreatePromotionCodeInputSchema)
    .output(PromotionCodeSchema)
    .mutation(({ ctx, input }) => createPromotionCode(ctx.deps, ctx.principal, input)),
  list: staffProcedure
    .input(ListPromotionCodesInputSchema)
    .output(ListPromotionCodesOutputSchema)
    .query(({ ctx, input }) => listPromotionCodes(ctx.deps, ctx.principal, input)),
  deactivate: staffProcedure
    .use(moneyRateLimit)
    .input(DeactivatePromotionCodeInputSchema)
    .output(PromotionCodeSchema)
    .mutation(({ ctx, input }) => deactivatePromotionCode(ctx.deps, ctx.principal, input.promotionCodeId)),
});
