import { openProcess, stopOnSignals } from './process-startup.js';
import { startProcessorProcess } from './webhooks/processor-process.js';

/**
 * The webhook processor (`pnpm --filter @enrollpay/server start:processor`, `node dist/processor.js`):
 * applies the webhook events that API instances with WEBHOOK_PROCESSING=separate store. Same environment
 * as the API. On SIGINT/SIGTERM it stops claiming, lets the running batch commit, and exits 0; a batch
 * still running after 20 s is abandoned (exit 1: its transaction rolls back, another processor claims
 * the events again). See src/webhooks/README.md "Two topologies".
 */
async function main() {
  const { deps, logIdleConnectionErrorsTo, closeDatabase } = await openProcess();
  const processor = await startProcessorProcess(deps);
  logIdleConnectionErrorsTo(processor.log);
  stopOnSignals(processor.log, 'webhook processor', 20_000, () => processor.close(), closeDatabase);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
