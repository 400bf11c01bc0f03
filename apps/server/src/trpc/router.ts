import { PublicConfigOutputSchema } from '@enrollpay/schemas';
import { authRouter } from '../auth/router.js';
import { catalogRouter, offeringsRouter } from '../catalog/router.js';
import { disputesRouter } from '../disputes/router.js';
import { publicConfig } from '../env.js';
import { adminOpsRouter } from '../ops/router.js';
import { paymentsRouter } from '../payments/router.js';
import { payoutsRouter } from '../payouts/router.js';
import { promotionCodesRouter } from '../promotions/router.js';
import { statsRouter } from '../stats/router.js';
import { publicProcedure, router } from './init.js';

export const appRouter = router({
  system: router({
    /** What the web app needs to start: the publishable key and where Stripe.js comes from. */
    config: publicProcedure.output(PublicConfigOutputSchema).query(({ ctx }) => publicConfig(ctx.deps.env)),
  }),
  auth: authRouter,
  catalog: catalogRouter,
  offerings: offeringsRouter,
  payments: paymentsRouter,
  payouts: payoutsRouter,
  promotionCodes: promotionCodesRouter,
  stats: statsRouter,
  disputes: disputesRouter,
  admin: adminOpsRouter,
});

export type AppRouter = typeof appRouter;
