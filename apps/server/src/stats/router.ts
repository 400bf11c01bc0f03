import {
  PlatformFeesInputSchema,
  PlatformFeesOutputSchema,
  SpecialistStatsInputSchema,
  SpecialistStatsOutputSchema,
} from '@enrollpay/schemas';
import { router } from '../trpc/init.js';
import { adminProcedure, staffProcedure } from '../trpc/procedures.js';
import { platformFeeRevenue } from './platform-fees.js';
import { specialistStats } from './service.js';

export const statsRouter = router({
  /** A specialist's own figures, or (admins) any specialist's. */
  specialist: staffProcedure
    .input(SpecialistStatsInputSchema)
    .output(SpecialistStatsOutputSchema)
    .query(({ ctx, input }) => specialistStats(ctx.deps.db, ctx.principal, input)),
  /** Admins: the platform's fee revenue across all specialists (see platform-fees.ts). */
  platformFees: adminProcedure
    .input(PlatformFeesInputSchema)
    .output(PlatformFeesOutputSchema)
    .query(({ ctx, input }) => platformFeeRevenue(ctx.deps.db, input)),
});
