// An outside developer's project: a temp directory outside the workspace that installs the packed
// @enrollpay/schemas and @trpc/client (from the local pnpm store, offline), types its client with the
// published `AppRouter` of `@enrollpay/schemas/trpc` (types only, no server code), and calls a running
// enrollpay server. A wrong field fails its typecheck, naming the field.
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packSchemas } from '@enrollpay/schemas/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness.js';
import { newOffering } from './pay.js';

const require = createRequire(import.meta.url);
const versionOf = (name: string): string => {
  const manifest: unknown = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
  if (
    typeof manifest === 'object' &&
    manifest &&
    'version' in manifest &&
    typeof manifest.version === 'string'
  ) {
    return manifest.version;
  }
  throw new Error(`no version for ${name}`);
};

interface RunResult {
  ok: boolean;
  output: string;
}
function run(cmd: string, args: string[], cwd: string): RunResult {
  try {
    const output = execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, output };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` || String(error) };
  }
}

/** Without blocking this process: the server under test answers from it. */
function runAsync(cmd: string, args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ ok: !error, output: error ? `${stdout}${stderr}` || String(error) : stdout });
    });
  });
}

const CLIENT = `import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';
import { formatMoney, type PaymentDetails } from '@enrollpay/schemas';
import type { AppRouter } from '@enrollpay/schemas/trpc';
import { EventSource } from 'eventsource';

const [url, token, offeringId, idempotencyKey] = process.argv.slice(2) as [string, string, string, string];
const client = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      // Server-Sent Events, the token in the Authorization header (an EventSource that can send it).
      true: httpSubscriptionLink({
        url,
        EventSource,
        eventSourceOptions: () => ({
          fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, authorization: 'Bearer ' + token } }),
        }),
      }),
      false: httpLink({ url, headers: () => ({ authorization: 'Bearer ' + token }) }),
    }),
  ],
});

const page = await client.catalog.list.query({ limit: 100 });
const offering = page.items.find((item) => item.id === offeringId);
if (!offering) throw new Error('offering not in the catalog');
const intent = await client.payments.createIntent.mutate({ offeringId: offering.id, idempotencyKey });

let rejected: unknown = null;
try {
  await client.payments.createIntent.mutate({ offeringId: offering.id, idempotencyKey: 'short' });
} catch (error) {
  if (error instanceof TRPCClientError) rejected = { code: error.data?.code, fieldErrors: error.data?.fieldErrors };
}

// The payment's live status: the first event is its current state.
const streamed = await new Promise<PaymentDetails>((resolve, reject) => {
  const subscription = client.payments.onStatus.subscribe(
    { paymentId: intent.paymentId },
    {
      onData: (details) => {
        subscription.unsubscribe();
        resolve(details);
      },
      onError: reject,
    },
  );
});

const price: string = formatMoney(offering.price.amount, offering.price.currency);
console.log(JSON.stringify({
  listed: page.items.length,
  price,
  paymentId: intent.paymentId,
  amount: intent.amount,
  currency: intent.currency,
  clientSecretStartsWithPi: (intent.clientSecret ?? '').startsWith('pi_'),
  rejected,
  streamed: { id: streamed.id, status: streamed.status },
}));
`;

const WRONG = `import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '@enrollpay/schemas/trpc';

const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: 'http://localhost/api/trpc' })] });
// The amount comes from the offering, never from the client: not a field of the input.
const intent = await client.payments.createIntent.mutate({ offeringId: 'o1', idempotencyKey: 'k-12345678', amountCents: 100 });
export const secret: string = intent.clientSecret ?? '';
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: true,
    types: ['node'],
    outDir: 'out',
  },
};

describe('an outside TypeScript project using the packed package and @trpc/client', {
  timeout: 180_000,
}, () => {
  let stack: TestStack;
  let work = '';
  let project = '';
  let tsc: (file: string) => Promise<RunResult>;

  beforeAll(async () => {
    stack = await startTestStack({ webhooks: false });
    work = mkdtempSync(join(tmpdir(), 'enrollpay-outside-client-'));
    const tarball = await packSchemas(work);

    project = join(work, 'project');
    run('mkdir', ['-p', project], work);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'outside', private: true, type: 'module' }),
    );
    const install = run(
      'pnpm',
      [
        'add',
        '--offline',
        tarball,
        `@trpc/client@${versionOf('@trpc/client')}`,
        `@trpc/server@${versionOf('@trpc/server')}`,
        `zod@${versionOf('zod')}`,
        `typescript@${versionOf('typescript')}`,
        `@types/node@${versionOf('@types/node')}`,
        `eventsource@${versionOf('eventsource')}`,
      ],
      project,
    );
    if (!install.ok) throw new Error(`installing into ${project} failed:\n${install.output}`);
    tsc = (file) => {
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, files: [file] }));
      return runAsync(
        process.execPath,
        [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'],
        project,
      );
    };
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('installed only the package, @trpc/client and what it needs (and typescript, eventsource): no server code', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      '@enrollpay/schemas',
      '@trpc/client',
      '@trpc/server',
      '@types/node',
      'eventsource',
      'typescript',
      'zod',
    ]);
    const trpcEntry = readFileSync(join(project, 'node_modules/@enrollpay/schemas/dist/trpc.js'), 'utf8');
    expect(trpcEntry.trim()).toBe('export {};');
  });

  it('makes real catalog.list, payments.createIntent and payments.onStatus calls with a client typed from AppRouter', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 1500, currency: 'jpy' });
    writeFileSync(join(project, 'client.ts'), CLIENT);
    const build = await tsc('client.ts');
    expect(build.output).toBe('');
    expect(build.ok).toBe(true);

    const key = randomUUID();
    const result = await runAsync(
      process.execPath,
      [
        join(project, 'out', 'client.js'),
        `${stack.url}/api/trpc`,
        stack.users.learner.token,
        offering.id,
        key,
      ],
      project,
    );
    expect(result.ok, result.output).toBe(true);
    const out = JSON.parse(result.output) as {
      listed: number;
      price: string;
      paymentId: string;
      amount: number;
      currency: string;
      clientSecretStartsWithPi: boolean;
      rejected: unknown;
      streamed: { id: string; status: string };
    };
    expect(out).toMatchObject({
      price: '¥1,500',
      amount: 1500,
      currency: 'jpy',
      clientSecretStartsWithPi: true,
      rejected: {
        code: 'BAD_REQUEST',
        fieldErrors: [
          {
            path: 'idempotencyKey',
            message: 'idempotencyKey must be at least 8 characters (a UUID is a good choice)',
          },
        ],
      },
    });
    expect(out.listed).toBeGreaterThan(1);
    // The subscription (payments.onStatus over SSE) gave the new payment's state.
    expect(out.streamed).toEqual({ id: out.paymentId, status: 'PENDING' });

    // The call really happened: the learner's payment row, priced from our database, with its PaymentIntent.
    const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: out.paymentId } });
    expect(payment).toMatchObject({
      learnerId: stack.users.learner.id,
      offeringId: offering.id,
      amount: 1500,
      currency: 'jpy',
    });
    expect(payment.stripePaymentIntentId).toMatch(/^pi_/);
    const intent = await stack.deps.stripe.paymentIntents.retrieve(payment.stripePaymentIntentId ?? '');
    expect(intent).toMatchObject({ amount: 1500, currency: 'jpy' });
  });

  it('fails the typecheck of a call with a wrong field, naming the field', async () => {
    writeFileSync(join(project, 'wrong.ts'), WRONG);
    const result = await tsc('wrong.ts');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/wrong\.ts\(\d+,\d+\): error TS2353: .*'amountCents' does not exist/);
  });
});
