export { buildApp } from './app.js';
export { hashPassword } from './auth/passwords.js';
export { createTokenService, type TokenService } from './auth/tokens.js';
export { type AppDeps, createDeps } from './deps.js';
export { type Env, loadEnv, loadEnvOrExit } from './env.js';
export { rebuildDailyStats } from './stats/rollup.js';
export { specialistStats } from './stats/service.js';
export type { AppRouter } from './trpc/router.js';
