import { SpecialistStatsInputSchema, SpecialistStatsOutputSchema } from '@enrollpay/schemas';
import { router } from '../trpc/init.js';
import { staffProcedure } from '../trpc/procedures.js';
import { specialistStats } from './service.js';

export const statsRouter = router({
  /** A specialist's own figures, or (admins) any specialist's. */
  specialist: staffProcedure
    .input(SpecialistStatsInputSchema)
    .output(SpecialistStatsOutputSchema)
    .query(({ ctx, input }) => specialistStats(ctx.deps.db, ctx.principal, input)),
});
