// The `@enrollpay/server/testing` entry point: what other packages' tests (the browser tests, benchmarks)
// need to run the real backend — never imported by the server itself.
export {
  type Client,
  eventually,
  startTestStack,
  type TestStack,
  type TestStackOptions,
  type TestUser,
} from './harness.js';
