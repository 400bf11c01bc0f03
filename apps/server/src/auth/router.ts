import { SignInInputSchema } from '@enrollpay/schemas';
import { TRPCError } from '@trpc/server';
import { router } from '../trpc/init.js';
import { authedProcedure, publicProcedure } from '../trpc/procedures.js';
import { signInRateLimit } from '../trpc/rate-limit.js';
import { verifyPassword } from './passwords.js';

// A valid argon2id hash of a random string: signing in as an unknown email costs the same time
// as a wrong password, so response times do not reveal which emails have accounts.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3Vh7ycHhTp3aA2i+aE0xj8vJbkBqNHbM8sQw4oN0T1w';

export const authRouter = router({
  signIn: publicProcedure
    .input(SignInInputSchema)
    .use(signInRateLimit)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.deps.db.user.findUnique({
        where: { email: input.email.toLowerCase() },
        select: { id: true, email: true, name: true, role: true, passwordHash: true },
      });
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
      if (!user || !ok)
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is incorrect' });
      const { token, expiresAt } = await ctx.deps.tokens.issue({ userId: user.id, role: user.role });
      return {
        accessToken: token,
        expiresAt: expiresAt.toISOString(),
        user: { id: user.id, email: user.email, name: user.name, role: user.role },
      };
    }),
  me: authedProcedure.query(async ({ ctx }) => {
    const user = await ctx.deps.db.user.findUnique({
      where: { id: ctx.principal.userId },
      select: { id: true, email: true, name: true, role: true },
    });
    if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your account no longer exists' });
    return user;
  }),
});
