import { describe, expect, it } from 'vitest';
import { spawnServerEntry } from '../server-process.js';

/**
 * The real entry (`src/server.ts`) refuses unsafe configuration before it connects or listens: exit
 * code 1 and a message naming the variable. (src/env.test.ts covers loadEnv's rules one by one.)
 */

const STRONG = 'a-production-jwt-secret-that-is-long-enough-0123456789';

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawnServerEntry({ PORT: '0', ...env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    // A server that starts anyway is a failure: stop it (by its process group) after a while.
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, 30_000);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://enrollpay:pw@127.0.0.1:1/enrollpay',
  JWT_SECRET: STRONG,
  STRIPE_SECRET_KEY: 'sk_live_abcdefghijklmnop',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_abcdefghijklmnop',
  STRIPE_WEBHOOK_SECRET: 'whsec_production_secret_value',
  STRIPE_API_URL: '',
};

describe.concurrent('startup refuses unsafe configuration', () => {
  it.each([
    [
      'a live secret key pointed at the emulator',
      { STRIPE_SECRET_KEY: 'sk_live_abcdefghijklmnop', STRIPE_API_URL: 'http://127.0.0.1:12111' },
      /STRIPE_SECRET_KEY.*live key.*STRIPE_API_URL/,
    ],
    [
      'production without a JWT secret',
      (() => {
        const { JWT_SECRET: _, ...rest } = production;
        return rest;
      })(),
      /JWT_SECRET must be set in production/,
    ],
    [
      'production without a webhook secret',
      (() => {
        const { STRIPE_WEBHOOK_SECRET: _, ...rest } = production;
        return rest;
      })(),
      /STRIPE_WEBHOOK_SECRET/,
    ],
    [
      'real Stripe keys with the published JWT secret and NODE_ENV forgotten',
      (() => {
        const { JWT_SECRET: _, NODE_ENV: __, ...rest } = production;
        return rest;
      })(),
      /JWT_SECRET must be set unless NODE_ENV is not production/,
    ],
    ['a weak JWT secret', { JWT_SECRET: 'password123' }, /JWT_SECRET must be at least 32 characters/],
    [
      'a webhook secret that is not a whsec_ secret',
      { STRIPE_WEBHOOK_SECRET: 'not-a-secret' },
      /STRIPE_WEBHOOK_SECRET/,
    ],
  ])('%s: exit 1 naming the variable', async (_name, env, message) => {
    const { code, output } = await start(env);
    expect(output).toMatch(message);
    expect(output).toMatch(/Invalid configuration/);
    expect(code).toBe(1);
    // The refusal never echoes a secret back.
    expect(output).not.toContain('sk_live_abcdefghijklmnop');
    expect(output).not.toContain(STRONG);
  });
});
