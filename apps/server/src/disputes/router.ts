import {
  DisputeDetailsSchema,
  DisputeGetInputSchema,
  DisputeListInputSchema,
  DisputeListOutputSchema,
  SaveDisputeEvidenceInputSchema,
  SaveDisputeEvidenceOutputSchema,
} from '@enrollpay/schemas';
import { router } from '../trpc/init.js';
import { moneyRateLimit, staffProcedure } from '../trpc/procedures.js';
import { getDisputeDetails, listDisputes, saveDisputeEvidence } from './service.js';

/**
 * disputes.list, disputes.get, disputes.saveEvidence: for the specialist whose payment is disputed
 * (another specialist's dispute is NOT_FOUND) and for admins. Saving calls Stripe, so it takes a point
 * of the money rate limit.
 */
export const disputesRouter = router({
  list: staffProcedure
    .input(DisputeListInputSchema)
    .output(DisputeListOutputSchema)
    .query(({ ctx, input }) => listDisputes(ctx.deps.db, ctx.principal, input)),
  get: staffProcedure
    .input(DisputeGetInputSchema)
    .output(DisputeDetailsSchema)
    .query(({ ctx, input }) => getDisputeDetails(ctx.deps.db, ctx.principal, input.disputeId)),
  saveEvidence: staffProcedure
    .use(moneyRateLimit)
    .input(SaveDisputeEvidenceInputSchema)
    .output(SaveDisputeEvidenceOutputSchema)
    .mutation(({ ctx, input }) => saveDisputeEvidence(ctx.deps, ctx.principal, input)),
});
