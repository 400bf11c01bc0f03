// The Stripe emulator in its own process, so the CPU it spends answering our Stripe calls is measured
// apart from the API's (real Stripe would spend it on Stripe's machines, not ours).
import { startEmulator } from '@enrollpay/stripe-emulator';
import { report } from '../child.js';

async function main() {
  const emulator = await startEmulator({ port: 0 });
  process.on('SIGTERM', () => {
    void emulator.close().then(() => process.exit(0));
  });
  report({ type: 'ready', url: emulator.url });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
