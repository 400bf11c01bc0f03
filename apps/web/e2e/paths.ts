import { fileURLToPath } from 'node:url';

/** Where the e2e global setup builds the web app. */
export const E2E_DIST = fileURLToPath(new URL('../.data/e2e-dist', import.meta.url));

/** Screenshots of key screens (git-ignored), at the repository root. */
export const SCREENSHOTS = fileURLToPath(new URL('../../../artifacts/screenshots', import.meta.url));
