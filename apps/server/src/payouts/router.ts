import {
  ConnectedAccountsOutputSchema,
  OnboardingLinkOutputSchema,
  PayoutAccountOutputSchema,
  PayoutBalanceOutputSchema,
  PayoutListInputSchema,
  PayoutListOutputSchema,
  PayoutPaymentsInputSchema,
  PayoutPaymentsOutputSchema,
  SetFeeOverrideInputSchema,
  SetFeeOverrideOutputSchema,
} from '@enrollpay/schemas';
import { router } from '../trpc/init.js';
import { adminProcedure, moneyRateLimit, specialistProcedure } from '../trpc/procedures.js';
import {
  createOnboardingLink,
  getBalance,
  getPayoutAccount,
  listConnectedAccounts,
  listPayouts,
  payoutPayments,
  setFeeOverride,
} from './service.js';

/** payouts.*: a specialist's Stripe Connect account, balance and payouts. Calls to Stripe are rate limited. */
export const payoutsRouter = router({
  onboardingLink: specialistProcedure
    .use(moneyRateLimit)
    .output(OnboardingLinkOutputSchema)
    .mutation(({ ctx }) => createOnboardingLink(ctx.deps, ctx.principal)),
  account: specialistProcedure
    .output(PayoutAccountOutputSchema)
    .query(({ ctx }) => getPayoutAccount(ctx.deps, ctx.principal.userId)),
  balance: specialistProcedure
    .use(moneyRateLimit)
    .output(PayoutBalanceOutputSchema)
    .query(({ ctx }) => getBalance(ctx.deps, ctx.principal.userId)),
  list: specialistProcedure
    .input(PayoutListInputSchema)
    .output(PayoutListOutputSchema)
    .query(({ ctx, input }) => listPayouts(ctx.deps, ctx.principal.userId, input)),
  payments: specialistProcedure
    .use(moneyRateLimit)
    .input(PayoutPaymentsInputSchema)
    .output(PayoutPaymentsOutputSchema)
    .query(({ ctx, input }) => payoutPayments(ctx.deps, ctx.principal.userId, input.payoutId)),
});

/** admin.connectedAccounts and admin.setFeeOverride; spread into the admin router. */
export const adminConnectProcedures = {
  connectedAccounts: adminProcedure
    .output(ConnectedAccountsOutputSchema)
    .query(({ ctx }) => listConnectedAccounts(ctx.deps)),
  setFeeOverride: adminProcedure
    .input(SetFeeOverrideInputSchema)
    .output(SetFeeOverrideOutputSchema)
    .mutation(({ ctx, input }) => setFeeOverride(ctx.deps, ctx.principal, input.userId, input.feeBps)),
};
