import { router } from '../trpc/init.js';
import { paymentIntentProcedures } from './intent-procedures.js';
import { paymentQueryProcedures } from './query-procedures.js';
import { paymentRefundProcedures } from './refund-procedures.js';

export const paymentsRouter = router({
  // createIntent, confirm (intents.ts)
  ...paymentIntentProcedures,
  // get, history, forSpecialist (queries.ts)
  ...paymentQueryProcedures,
  // refund, refundability (refunds.ts)
  ...paymentRefundProcedures,
});
