import { SignInInputSchema } from '@enrollpay/schemas';
import { router } from '../trpc/init.js';
import { authedProcedure, publicProcedure } from '../trpc/procedures.js';
import { me, signIn } from './service.js';

export const authRouter = router({
  signIn: publicProcedure.input(SignInInputSchema).mutation(({ ctx, input }) => signIn(ctx.deps, input)),
  me: authedProcedure.query(({ ctx }) => me(ctx.deps, ctx.principal.userId)),
});
