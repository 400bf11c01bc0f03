import {
  ArchiveOfferingInputSchema,
  CatalogGetInputSchema,
  CatalogListInputSchema,
  CatalogListOutputSchema,
  CreateOfferingInputSchema,
  MyOfferingsOutputSchema,
  OfferingSchema,
  UpdateOfferingInputSchema,
} from '@enrollpay/schemas';
import { router } from '../trpc/init.js';
import { publicProcedure, specialistProcedure } from '../trpc/procedures.js';
import {
  archiveOffering,
  createOffering,
  getOffering,
  listCatalog,
  myOfferings,
  updateOffering,
} from './service.js';

export const catalogRouter = router({
  list: publicProcedure
    .input(CatalogListInputSchema)
    .output(CatalogListOutputSchema)
    .query(({ ctx, input }) => listCatalog(ctx.deps.db, input)),
  get: publicProcedure
    .input(CatalogGetInputSchema)
    .output(OfferingSchema)
    .query(({ ctx, input }) => getOffering(ctx.deps.db, input.offeringId)),
});

/** A specialist's own offerings; another specialist's offering is NOT_FOUND. */
export const offeringsRouter = router({
  create: specialistProcedure
    .input(CreateOfferingInputSchema)
    .output(OfferingSchema)
    .mutation(({ ctx, input }) => createOffering(ctx.deps.db, ctx.principal.userId, input)),
  update: specialistProcedure
    .input(UpdateOfferingInputSchema)
    .output(OfferingSchema)
    .mutation(({ ctx, input }) => updateOffering(ctx.deps.db, ctx.principal.userId, input)),
  archive: specialistProcedure
    .input(ArchiveOfferingInputSchema)
    .output(OfferingSchema)
    .mutation(({ ctx, input }) => archiveOffering(ctx.deps, ctx.principal, input.offeringId)),
  mine: specialistProcedure
    .output(MyOfferingsOutputSchema)
    .query(({ ctx }) => myOfferings(ctx.deps.db, ctx.principal.userId)),
});
