import {
  CreatePromotionCodeInputSchema,
  DeactivatePromotionCodeInputSchema,
  ListPromotionCodesInputSchema,
  ListPromotionCodesOutputSchema,
  PromotionCodeSchema,
} from '@enrollpay/schemas';
import { router } from '../trpc/init.js';
import { specialistProcedure, staffProcedure } from '../trpc/procedures.js';
import { createPromotionCode, deactivatePromotionCode, listPromotionCodes } from './service.js';

/** promotionCodes.*: a specialist's discount codes (checkout applies them in payments/intents.ts). */
export const promotionCodesRouter = router({
  create: specialistProcedure
    .input(CreatePromotionCodeInputSchema)
    .output(PromotionCodeSchema)
    .mutation(({ ctx, input }) => createPromotionCode(ctx.deps, ctx.principal, input)),
  list: staffProcedure
    .input(ListPromotionCodesInputSchema)
    .output(ListPromotionCodesOutputSchema)
    .query(({ ctx, input }) => listPromotionCodes(ctx.deps, ctx.principal, input)),
  deactivate: staffProcedure
    .input(DeactivatePromotionCodeInputSchema)
    .output(PromotionCodeSchema)
    .mutation(({ ctx, input }) => deactivatePromotionCode(ctx.deps, ctx.principal, input.promotionCodeId)),
});
