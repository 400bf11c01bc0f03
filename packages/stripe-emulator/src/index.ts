export { TEST_CARDS, type TestCard } from './cards.js';
export { EmulatorControls } from './client.js';
export { type Clock, EmulatorClock } from './clock.js';
export {
  DEFAULT_PORT,
  DEFAULT_RETRY_SCHEDULE,
  type Emulator,
  type EmulatorControlsApi,
  type EmulatorOptions,
  startEmulator,
} from './emulator.js';
export { DEFAULT_BANK_ACCOUNT_NUMBER, FAILING_BANK_ACCOUNTS } from './resources/accounts.js';
export type { ScenarioResult } from './scenarios.js';
export type { EmulatorEvent } from './store.js';
export { type DeliveryAttempt, type DeliveryControls, signPayload, type WebhookTarget } from './webhooks.js';
