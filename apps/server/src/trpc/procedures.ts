import { TRPCError } from '@trpc/server';
import type { Principal } from '../auth/tokens.js';
import { middleware, publicProcedure } from './init.js';

type Role = Principal['role'];

const authenticated = middleware(({ ctx, next }) => {
  if (!ctx.principal) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: ctx.tokenProblem ?? 'Sign in required' });
  }
  return next({ ctx: { principal: ctx.principal } });
});

function requireRole(...roles: Role[]) {
  return middleware(({ ctx, next }) => {
    // `authenticated` runs first, so principal is set.
    const role = ctx.principal?.role;
    if (!role || !roles.includes(role)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `Only ${roles.join(' or ').toLowerCase()} accounts can do this`,
      });
    }
    return next();
  });
}

export { publicProcedure };
export const authedProcedure = publicProcedure.use(authenticated);
export const learnerProcedure = authedProcedure.use(requireRole('LEARNER'));
export const specialistProcedure = authedProcedure.use(requireRole('SPECIALIST'));
export const adminProcedure = authedProcedure.use(requireRole('ADMIN'));
/** Specialists acting on their own data, or admins acting on anyone's. */
export const staffProcedure = authedProcedure.use(requireRole('SPECIALIST', 'ADMIN'));

/** Money-moving mutations; put it after the role middleware so the user is known. */
export const moneyRateLimit = middleware(async ({ ctx, next }) => {
  await ctx.deps.rateLimiter.consume({ ip: ctx.ip, userId: ctx.principal?.userId ?? null });
  return next();
});

/** auth.signIn: put it after `.input()` so the email is known; every call (also each in a batch) counts. */
export const signInRateLimit = middleware(async ({ ctx, input, next }) => {
  const email =
    input && typeof input === 'object' && 'email' in input && typeof input.email === 'string'
      ? input.email.trim().toLowerCase()
      : '';
  await ctx.deps.rateLimiter.consumeSignIn({ ip: ctx.ip, email });
  const result = await next();
  if (result.ok) await ctx.deps.rateLimiter.signInSucceeded(email);
  return result;
});

/** payments.confirm: per user, after the role middleware. */
export const confirmRateLimit = middleware(async ({ ctx, next }) => {
  if (ctx.principal) await ctx.deps.rateLimiter.consumeConfirm(ctx.principal.userId);
  return next();
});
