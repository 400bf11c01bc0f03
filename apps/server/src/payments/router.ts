import { router } from '../trpc/init.js';
import { paymentIntentProcedures } from './intent-procedures.js';

export const paymentsRouter = router({
  ...paymentIntentProcedures,
});
