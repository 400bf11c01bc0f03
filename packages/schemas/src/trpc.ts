// `@enrollpay/schemas/trpc`: the type of the enrollpay API's tRPC router, derived from `ProcedureCatalog`,
// so an outside client gets a fully typed `createTRPCClient<AppRouter>()` without any server code. Types
// only: this module has no runtime code, and `@trpc/server` (a peer dependency of `@trpc/client` anyway) is
// needed only for its types. The server's own router is checked to have exactly these inputs and outputs
// (apps/server/test/contract.test.ts).
import type {
  TRPC_ERROR_CODE_NUMBER,
  TRPCBuiltRouter,
  TRPCMutationProcedure,
  TRPCQueryProcedure,
  TRPCSubscriptionProcedure,
} from '@trpc/server';
import type { z } from 'zod';
import type { ApiErrorData } from './errors.js';
import type { ProcedureCatalogType, ProcedureDefinition } from './procedures.js';

/** The shape of every error the API returns (`TRPCClientError#shape`); `data` is `ApiErrorData`. */
export interface ApiErrorShape {
  message: string;
  code: TRPC_ERROR_CODE_NUMBER;
  data: ApiErrorData;
}

type ProcedureTypes<P extends ProcedureDefinition> = {
  // biome-ignore lint/suspicious/noConfusingVoidType: tRPC types "no input" as void, so such calls take no argument
  input: P['input'] extends z.ZodType ? z.input<P['input']> : void;
  output: z.output<P['output']>;
  meta: object;
};

/** A subscription's `output` schema describes each event; the procedure's output is the stream of them. */
type SubscriptionTypes<P extends ProcedureDefinition> = Omit<ProcedureTypes<P>, 'output'> & {
  output: AsyncIterable<z.output<P['output']>, void, unknown>;
};

type ProcedureOf<P extends ProcedureDefinition> = P['kind'] extends 'query'
  ? TRPCQueryProcedure<ProcedureTypes<P>>
  : P['kind'] extends 'mutation'
    ? TRPCMutationProcedure<ProcedureTypes<P>>
    : TRPCSubscriptionProcedure<SubscriptionTypes<P>>;

/** `'payments.refund'` → `'payments'`; `'ping'` → `'ping'`. */
type FirstSegment<K extends string> = K extends `${infer Head}.${string}` ? Head : K;

/** The catalogue entries under `prefix.`, with the prefix taken off their paths. */
type Below<T, Prefix extends string> = {
  [K in keyof T as K extends `${Prefix}.${infer Rest}` ? Rest : never]: T[K];
};

/** Dotted paths → nested router records, any depth. */
type Nested<T> = {
  [K in FirstSegment<keyof T & string>]: K extends keyof T
    ? T[K] extends ProcedureDefinition
      ? ProcedureOf<T[K]>
      : never
    : Nested<Below<T, K>>;
};

/** The enrollpay API's router type, for `createTRPCClient<AppRouter>()`. */
export type AppRouter = TRPCBuiltRouter<
  { ctx: object; meta: object; errorShape: ApiErrorShape; transformer: false },
  Nested<ProcedureCatalogType>
>;
