export type { AppRouter } from './trpc/router.js';
export { buildApp } from './app.js';
export { createDeps, type AppDeps } from './deps.js';
export { loadEnv, type Env } from './env.js';
