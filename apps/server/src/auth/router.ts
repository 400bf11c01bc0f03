import { MeOutputSchema, SignInInputSchema, SignInOutputSchema } from '@enrollpay/schemas';
import { router } from '../trpc/init.js';
import { authedProcedure, publicProcedure, signInRateLimit } from '../trpc/procedures.js';
import { me, signIn } from './service.js';

export const authRouter = router({
  signIn: publicProcedure
    .input(SignInInputSchema)
    .output(SignInOutputSchema)
    .use(signInRateLimit)
    .mutation(({ ctx, input }) => signIn(ctx.deps, input)),
  me: authedProcedure.output(MeOutputSchema).query(({ ctx }) => me(ctx.deps, ctx.principal.userId)),
});
