// The server's router against the procedure catalogue of @enrollpay/schemas (the single source of truth
// for the published contract): the same procedures, kinds and schema objects, the same types for
// clients, and the roles the catalogue promises — so the API reference, the compatibility snapshot and
// the outside clients' `AppRouter` type cannot drift from what the server does.
import * as contracts from '@enrollpay/schemas';
import {
  type ApiErrorData,
  PROCEDURE_PATHS,
  ProcedureCatalog,
  type ProcedureDefinition,
} from '@enrollpay/schemas';
import type { AppRouter as ContractRouter } from '@enrollpay/schemas/trpc';
import type { inferRouterError, inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type AppRouter, appRouter } from '../src/trpc/router.js';
import { startTestStack, type TestStack } from './harness.js';

const catalog: Record<string, ProcedureDefinition> = ProcedureCatalog;

/** A schema by its exported name, so a mismatch reads "PaymentHistoryInputSchema" rather than "ZodObject". */
const exportedNames = new Map<unknown, string>();
for (const [name, value] of Object.entries(contracts))
  if (!exportedNames.has(value)) exportedNames.set(value, name);
const nameOf = (schema: unknown): string =>
  schema === undefined || schema === null
    ? 'none'
    : (exportedNames.get(schema) ?? 'a schema not exported by @enrollpay/schemas');

interface ProcedureDef {
  type: string;
  inputs: unknown[];
  output?: unknown;
}
function procedureDef(value: unknown): ProcedureDef {
  const def: unknown = typeof value === 'function' && '_def' in value ? value._def : null;
  if (!def || typeof def !== 'object' || !('type' in def) || !('inputs' in def)) {
    throw new Error('not a tRPC procedure');
  }
  const { type, inputs } = def;
  if (typeof type !== 'string' || !Array.isArray(inputs)) throw new Error('not a tRPC procedure');
  return { type, inputs, output: 'output' in def ? def.output : undefined };
}
// tRPC keeps a flat record of every procedure by its dotted path.
const flatProcedures: Record<string, unknown> = appRouter._def.procedures;
const serverProcedures = Object.entries(flatProcedures).map(([path, procedure]) => ({
  path,
  def: procedureDef(procedure),
}));

describe('the router and the procedure catalogue', () => {
  it('have the same procedures', () => {
    const missingFromCatalog = serverProcedures.map((p) => p.path).filter((p) => !(p in catalog));
    const missingFromServer = PROCEDURE_PATHS.filter((p) => !serverProcedures.some((s) => s.path === p));
    expect(
      missingFromCatalog,
      'add these procedures to ProcedureCatalog in packages/schemas/src/procedures.ts',
    ).toEqual([]);
    expect(missingFromServer, 'the catalogue lists procedures the server does not have').toEqual([]);
  });

  it.each(serverProcedures)(
    '$path: same kind and the catalogue’s input and output schema objects',
    ({ path, def }) => {
      const entry = catalog[path];
      if (!entry) return; // reported above
      expect(def.type, `${path} kind`).toBe(entry.kind);
      expect(def.inputs.length, `${path}: number of .input() calls`).toBe(entry.input ? 1 : 0);
      expect(nameOf(def.inputs[0]), `${path} .input()`).toBe(nameOf(entry.input));
      expect(def.inputs[0] === (entry.input ?? undefined), `${path}: the very same input schema`).toBe(true);
      if (entry.kind === 'subscription') {
        // tRPC's .output() cannot describe a stream: the procedure parses each event with the catalogue's
        // schema itself (the client types below must match; test/status-stream.test.ts reads the events).
        expect(def.output, `${path}: a subscription has no .output()`).toBeUndefined();
        return;
      }
      expect(nameOf(def.output), `${path} .output()`).toBe(nameOf(entry.output));
      expect(def.output === entry.output, `${path}: the very same output schema`).toBe(true);
    },
  );

  it('gives clients the same types as the published AppRouter of @enrollpay/schemas/trpc', () => {
    // Checked by `tsc` (pnpm typecheck); at run time these are no-ops.
    expectTypeOf<inferRouterInputs<AppRouter>>().toEqualTypeOf<inferRouterInputs<ContractRouter>>();
    expectTypeOf<inferRouterOutputs<AppRouter>>().toEqualTypeOf<inferRouterOutputs<ContractRouter>>();
    expectTypeOf<inferRouterError<AppRouter>['data']>().toExtend<ApiErrorData>();
    expect(serverProcedures.length).toBe(PROCEDURE_PATHS.length);
  });
});

type Caller = 'anonymous' | 'learner' | 'specialist' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'learner', 'specialist', 'admin'];
const ROLE_OF = { learner: 'LEARNER', specialist: 'SPECIALIST', admin: 'ADMIN' } as const;

function expectedGate(entry: ProcedureDefinition, caller: Caller): 'PASSES' | 'UNAUTHORIZED' | 'FORBIDDEN' {
  if (entry.access === 'public') return 'PASSES';
  if (caller === 'anonymous') return 'UNAUTHORIZED';
  return entry.access.includes(ROLE_OF[caller]) ? 'PASSES' : 'FORBIDDEN';
}

describe('who may call what, as the catalogue says', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ webhooks: false });
  });
  afterAll(async () => {
    await stack?.close();
  });

  /**
   * Calls a procedure over HTTP as a client would. Procedures with input get an input no schema accepts
   * (input objects are strict), so a caller who passes the role gate gets BAD_REQUEST and nothing runs;
   * queries without input simply run.
   */
  async function probe(path: string, entry: ProcedureDefinition, caller: Caller): Promise<string> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller !== 'anonymous') headers.authorization = `Bearer ${stack.users[caller].token}`;
    const input = entry.input ? { contractProbe: true } : undefined;
    const url = `${stack.url}/api/trpc/${path}`;
    const response =
      entry.kind === 'mutation'
        ? await fetch(url, { method: 'POST', headers, body: JSON.stringify(input ?? null) })
        : await fetch(input ? `${url}?input=${encodeURIComponent(JSON.stringify(input))}` : url, { headers });
    if (entry.kind === 'subscription') {
      // Server-Sent Events: a refusal is a `serialized-error` event, after which the stream ends.
      const text = await response.text();
      const error = /event: serialized-error\ndata: (.*)\n/.exec(text)?.[1];
      return error ? ((JSON.parse(error) as { data?: { code?: string } }).data?.code ?? 'NO CODE') : 'OK';
    }
    const body = (await response.json()) as { error?: { data?: { code?: string } } };
    return body.error?.data?.code ?? 'OK';
  }

  const cases = PROCEDURE_PATHS.flatMap((path) => CALLERS.map((caller) => ({ path, caller })));
  it.each(cases)('$path as $caller', async ({ path, caller }) => {
    const entry = catalog[path];
    if (!entry) throw new Error(`${path} missing from the catalogue`);
    const gate = expectedGate(entry, caller);
    if (gate === 'PASSES' && !entry.input && entry.kind !== 'query') return; // would really run a mutation
    const outcome = await probe(path, entry, caller);
    if (gate === 'PASSES') expect(outcome).toBe(entry.input ? 'BAD_REQUEST' : 'OK');
    else expect(outcome).toBe(gate);
  });
});
