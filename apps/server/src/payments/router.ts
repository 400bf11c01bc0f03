import { router } from '../trpc/init.js';
import { paymentIntentProcedures } from './intent-procedures.js';
import { paymentQueryProcedures } from './query-procedures.js';
import { paymentRefundProcedures } from './refund-procedures.js';
import { paymentStatusProcedures } from './status-procedures.js';

export const paymentsRouter = router({
  // createIntent, confirm (intents.ts)
  ...paymentIntentProcedures,
  // get, history, forSpecialist (queries.ts)
  ...paymentQueryProcedures,
  // refund, refundability (refunds.ts)
  ...paymentRefundProcedures,
  // onStatus, a subscription over Server-Sent Events (status-procedures.ts)
  ...paymentStatusProcedures,
});
