export { buildApp } from './app.js';
export { type AppDeps, createDeps } from './deps.js';
export { type Env, loadEnv } from './env.js';
export type { AppRouter } from './trpc/router.js';
