// Packs the package the way it would be published and uses it from a scratch project outside the
// workspace: plain Node ESM at runtime, and tsc for the types, both resolving only from dist/.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packSchemas } from '../scripts/testing.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed tarball', { timeout: 120_000 }, () => {
  let work = '';
  let scratch = '';
  let tarball = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'enrollpay-schemas-pack-'));
    tarball = await packSchemas(work);

    // A scratch project that knows nothing of the workspace: the tarball unpacked where npm would put it,
    // and zod (its only dependency) linked in, so the test needs no network.
    scratch = join(work, 'scratch');
    const target = join(scratch, 'node_modules', '@enrollpay', 'schemas');
    mkdirSync(target, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], work);
    symlinkSync(
      realpathSync(join(packageDir, 'node_modules', 'zod')),
      join(scratch, 'node_modules', 'zod'),
      'dir',
    );
    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
    );
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('declares zod as its only dependency, as a range (no workspace or catalog specifiers left)', () => {
    const manifest = JSON.parse(
      readFileSync(join(scratch, 'node_modules', '@enrollpay', 'schemas', 'package.json'), 'utf8'),
    ) as { dependencies?: Record<string, string>; exports?: Record<string, unknown> };
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['zod']);
    expect(manifest.dependencies?.zod).toMatch(/^\^4\./);
    expect(JSON.stringify(manifest)).not.toMatch(/catalog:|workspace:|src\/index\.ts/);
  });

  it('ships dist, JSON Schema files, the README, CHANGELOG and API reference, not the sources or tests', () => {
    const files = run('tar', ['-tzf', tarball], work).trim().split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/dist/json-schema/CreatePaymentIntentInputSchema.json');
    expect(files).toContain('package/README.md');
    expect(files).toContain('package/CHANGELOG.md');
    expect(files).toContain('package/docs/API.md');
    expect(files).toContain('package/dist/trpc.d.ts');
    expect(
      files.filter((f) => f.includes('/src/') || f.endsWith('.test.js') || f.endsWith('.test.ts')),
    ).toEqual([]);
  });

  it('imports and validates from plain Node ESM', () => {
    const script = `
      import { CreatePaymentIntentInputSchema, formatMoney, WebhookEventTypes } from '@enrollpay/schemas';
      import jsonSchema from '@enrollpay/schemas/json-schema/CreatePaymentIntentInputSchema.json' with { type: 'json' };
      const ok = CreatePaymentIntentInputSchema.safeParse({ offeringId: 'off_1', idempotencyKey: 'order-1234' });
      const bad = CreatePaymentIntentInputSchema.safeParse({ offeringId: '', idempotencyKey: 'x' });
      console.log(JSON.stringify({
        ok: ok.success,
        bad: bad.error.issues.map((i) => i.path.join('.') + ': ' + i.message),
        yen: formatMoney(1500, 'jpy'),
        events: WebhookEventTypes.length,
        required: jsonSchema.required,
      }));
    `;
    const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], scratch)) as unknown;
    expect(out).toEqual({
      ok: true,
      bad: [
        'offeringId: offeringId must not be empty',
        'idempotencyKey: idempotencyKey must be at least 8 characters (a UUID is a good choice)',
      ],
      yen: '¥1,500',
      events: 22,
      required: ['offeringId', 'idempotencyKey'],
    });
  });

  it('type-checks a TypeScript consumer against dist/*.d.ts', () => {
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(scratch, 'consumer.ts'),
      `import { CreatePaymentIntentInputSchema, formatMoney, type CreatePaymentIntentInput, type PaymentDetails } from '@enrollpay/schemas';
const input: CreatePaymentIntentInput = CreatePaymentIntentInputSchema.parse({ offeringId: 'o', idempotencyKey: 'k-123456' });
const key: string = input.idempotencyKey;
const status: PaymentDetails['status'] = 'SUCCEEDED';
// @ts-expect-error the amount comes from the offering, never from the client
const withAmount: CreatePaymentIntentInput = { offeringId: 'o', idempotencyKey: 'k-123456', amount: 1 };
// @ts-expect-error not a payment status
const wrongStatus: PaymentDetails['status'] = 'PAID';
export const used = [key, status, withAmount, wrongStatus, formatMoney(1, 'usd')];
`,
    );
    const tsc = join(packageDir, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      output = run(process.execPath, [tsc, '-p', 'tsconfig.json'], scratch);
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      output = `${failure.stdout ?? ''}${failure.stderr ?? ''}` || String(error);
    }
    expect(output).toBe('');
  });
});
