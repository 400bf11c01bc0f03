// `pnpm --filter @enrollpay/schemas docs`: writes docs/API.md, the API reference, from ProcedureCatalog
// and the JSON Schemas of the contracts. `--check` only compares it with the committed file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  API_ERROR_HTTP_STATUS,
  PROCEDURE_PATHS,
  ProcedureCatalog,
  type ProcedureDefinition,
  procedureErrors,
} from '../src/index.js';
import type { JsonSchema } from './compat/classify.js';
import { contractJsonSchema, PACKAGE_DIR, packageVersion } from './compat/surface.js';

export const DOCS_FILE = join(PACKAGE_DIR, 'docs', 'API.md');

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Markdown table cells: no pipes or line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

function alternatives(schema: JsonSchema): JsonSchema[] {
  const list = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(list)) return list.filter(isObject).flatMap(alternatives);
  if (Array.isArray(schema.type)) return schema.type.map((type) => ({ ...schema, type }));
  return [schema];
}

const FORMAT_WORDS: Record<string, string> = {
  'minor-units': "integer amount in the currency's smallest unit",
  id: 'enrollpay id',
  'stripe-id': 'Stripe id',
};

function typeOf(schema: JsonSchema): string {
  return alternatives(schema)
    .map((alt) => {
      if (Array.isArray(alt.enum)) {
        const values = alt.enum.map((v) => JSON.stringify(v));
        return values.length <= 10
          ? values.join(' | ')
          : `one of ${values.length} values: ${values.join(', ')}`;
      }
      if ('const' in alt) return JSON.stringify(alt.const);
      if (alt.type === 'array') return `array of ${isObject(alt.items) ? typeOf(alt.items) : 'any'}`;
      if (alt.type === 'object' && isObject(alt.additionalProperties)) {
        const keys = isObject(alt.propertyNames) ? typeOf(alt.propertyNames) : 'string';
        return `record of ${keys} → ${typeOf(alt.additionalProperties)}`;
      }
      if (alt.type === 'string' && alt.format === 'date-time') return 'string (ISO 8601 date-time)';
      if (typeof alt.type === 'string') return alt.type;
      return 'any';
    })
    .join(' | ');
}

function constraintsOf(schema: JsonSchema): string {
  const parts: string[] = [];
  for (const alt of alternatives(schema)) {
    const format = alt['x-contract-format'];
    if (typeof format === 'string') parts.push(FORMAT_WORDS[format] ?? format);
    if (typeof alt.minimum === 'number') parts.push(`≥ ${alt.minimum}`);
    if (typeof alt.maximum === 'number' && alt.maximum < Number.MAX_SAFE_INTEGER)
      parts.push(`≤ ${alt.maximum}`);
    if (alt.minLength === 1) parts.push('not empty');
    else if (typeof alt.minLength === 'number') parts.push(`at least ${alt.minLength} characters`);
    if (typeof alt.maxLength === 'number') parts.push(`at most ${alt.maxLength} characters`);
    if (typeof alt.minItems === 'number') parts.push(`at least ${alt.minItems} items`);
    if (typeof alt.maxItems === 'number') parts.push(`at most ${alt.maxItems} items`);
    if (typeof alt.pattern === 'string' && alt.format === undefined)
      parts.push(`matches ${code(alt.pattern)}`);
    if (alt.format === 'email') parts.push('an email address');
  }
  if ('default' in schema) parts.push(`default ${code(JSON.stringify(schema.default))}`);
  return parts.join('; ');
}

interface FieldRow {
  field: string;
  type: string;
  required: string;
  constraints: string;
  description: string;
}

/** One row per field, nested objects and list items flattened as `price.amount`, `items[].status`. */
function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const alt of alternatives(schema)) {
    if (alt.type === 'array' && isObject(alt.items)) {
      rows.push(...fieldRows(alt.items, `${prefix}[]`));
      continue;
    }
    if (alt.type !== 'object' || !isObject(alt.properties)) continue;
    const required = new Set(Array.isArray(alt.required) ? alt.required.map(String) : []);
    for (const [name, value] of Object.entries(alt.properties)) {
      if (!isObject(value)) continue;
      const field = prefix ? `${prefix}.${name}` : name;
      rows.push({
        field,
        type: typeOf(value),
        required: required.has(name) ? 'yes' : 'no',
        constraints: constraintsOf(value),
        description: typeof value.description === 'string' ? value.description : '',
      });
      rows.push(...fieldRows(value, field));
    }
  }
  return rows;
}

function fieldTable(schema: JsonSchema): string[] {
  const rows = fieldRows(schema);
  if (rows.length === 0) return [`${code(typeOf(schema))} ${constraintsOf(schema)}`.trim(), ''];
  return [
    '| field | type | required | constraints | description |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) =>
      [code(r.field), cell(r.type), r.required, cell(r.constraints), cell(r.description)]
        .join(' | ')
        .replace(/^/, '| ')
        .concat(' |'),
    ),
    '',
  ];
}

function accessText(p: ProcedureDefinition): string {
  if (p.access === 'public') return 'anyone (no token needed)';
  const roles = p.access.map((r) => r.toLowerCase());
  return roles.length === 3
    ? 'any signed-in user (learner, specialist, admin)'
    : `${roles.join(' or ')} only`;
}

function exampleCall(path: string, p: ProcedureDefinition): string {
  const verb = p.kind === 'query' ? 'query' : p.kind === 'mutation' ? 'mutate' : 'subscribe';
  const args = p.input
    ? JSON.stringify(p.example ?? {}, null, 2)
        .replace(/"([A-Za-z_$][\w$]*)":/g, '$1:')
        .replace(/"([^"'\\]*)"/g, "'$1'")
    : '';
  const name = path.split('.').at(-1) ?? 'result';
  if (p.kind === 'subscription') {
    // Over Server-Sent Events (httpSubscriptionLink): events arrive until the server ends the stream.
    return [
      '```ts',
      `const subscription = client.${path}.subscribe(${args}, {`,
      '  onData: (event) => console.log(event),',
      '  onError: (error) => console.error(error.data?.code),',
      '  onComplete: () => console.log("the stream ended"),',
      '});',
      '// subscription.unsubscribe() to stop listening',
      '```',
    ].join('\n');
  }
  return [
    '```ts',
    `const ${name === 'list' || name === 'get' ? 'result' : name} = await client.${path}.${verb}(${args});`,
    '```',
  ].join('\n');
}

export function renderDocs(): string {
  const version = packageVersion();
  const lines: string[] = [
    '# enrollpay API reference',
    '',
    `<!-- Generated by \`pnpm --filter @enrollpay/schemas run docs\` from ProcedureCatalog (packages/schemas/src/procedures.ts). Do not edit. -->`,
    '',
    `Contract version **${version}** of \`@enrollpay/schemas\`. The API is [tRPC](https://trpc.io) v11 over HTTP at`,
    '`/api/trpc`: queries are `GET /api/trpc/<path>?input=<JSON>`, mutations `POST /api/trpc/<path>` with the',
    'input as the JSON body. Plain JSON both ways (no superjson): amounts are integers in minor units next to',
    'their currency, dates are ISO 8601 strings.',
    '',
    '## A client',
    '',
    '```sh',
    'npm install @enrollpay/schemas @trpc/client @trpc/server zod',
    '```',
    '',
    '```ts',
    "import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';",
    "import type { AppRouter } from '@enrollpay/schemas/trpc';",
    '',
    'let token: string | undefined; // from auth.signIn',
    'const client = createTRPCClient<AppRouter>({',
    '  links: [',
    '    httpLink({',
    "      url: 'https://enrollpay.example.com/api/trpc',",
    "      headers: () => (token ? { authorization: 'Bearer ' + token } : {}),",
    '    }),',
    '  ],',
    '});',
    '',
    'try {',
    "  ({ accessToken: token } = await client.auth.signIn.mutate({ email: 'learner@demo.test', password: 'enrollpay-demo' }));",
    '} catch (error) {',
    '  if (error instanceof TRPCClientError) {',
    '    console.log(error.data?.code, error.data?.fieldErrors); // e.g. "BAD_REQUEST", [{ path: "email", message: "..." }]',
    '  }',
    '}',
    '```',
    '',
    '`AppRouter` is a type only: it is derived from the contracts, and the enrollpay server is checked to',
    'match it. Sign in with `auth.signIn` and send the token as `Authorization: Bearer <token>`.',
    '',
    'Subscriptions (`payments.onStatus`) are Server-Sent Events on `GET /api/trpc/<path>?input=<JSON>`:',
    "route them to tRPC's `httpSubscriptionLink` with a `splitLink`. The token goes in the same header,",
    "never in the URL, so use an EventSource that can send it (the browser's own cannot), e.g. the",
    '`eventsource` package:',
    '',
    '```ts',
    "import { httpSubscriptionLink, splitLink } from '@trpc/client';",
    "import { EventSource } from 'eventsource';",
    '',
    'splitLink({',
    "  condition: (op) => op.type === 'subscription',",
    '  true: httpSubscriptionLink({',
    "    url: 'https://enrollpay.example.com/api/trpc',",
    '    EventSource,',
    '    eventSourceOptions: () => ({',
    "      fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, authorization: 'Bearer ' + token } }),",
    '    }),',
    '  }),',
    "  false: httpLink({ url: 'https://enrollpay.example.com/api/trpc', headers: () => ({ authorization: 'Bearer ' + token }) }),",
    '});',
    '```',
    '',
    'A refusal arrives as an error event (its `data` as above). The server ends a stream after 2 minutes;',
    'the link reconnects and the first event is the current state again.',
    '',
    '## Errors',
    '',
    'Every error has `error.data` of `ApiErrorDataSchema`: `code` (below), `httpStatus`, `path`,',
    '`fieldErrors` (each wrong input field with a message naming it, on BAD_REQUEST from validation, else',
    'null), `retryAfterSeconds` (TOO_MANY_REQUESTS) and `details` for some domain errors. Any procedure may',
    'also answer INTERNAL_SERVER_ERROR (a bug; the message says nothing more) or SERVICE_UNAVAILABLE',
    '(overloaded or a dependency is down; retry later).',
    '',
    '| code | HTTP status |',
    '| --- | --- |',
    ...[
      ...new Set(
        PROCEDURE_PATHS.flatMap((path) => procedureErrors(ProcedureCatalog[path]).map((e) => e.code)),
      ),
    ]
      .concat(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'])
      .filter((c, i, all) => all.indexOf(c) === i)
      .sort()
      .map((c) => `| ${c} | ${API_ERROR_HTTP_STATUS[c]} |`),
    '',
    '## Procedures',
    '',
    '| procedure | kind | who may call it |',
    '| --- | --- | --- |',
    ...PROCEDURE_PATHS.map((path) => {
      const p: ProcedureDefinition = ProcedureCatalog[path];
      return `| [${code(path)}](#${path.replace(/\./g, '').toLowerCase()}) | ${p.kind} | ${accessText(p)} |`;
    }),
    '',
  ];

  for (const path of PROCEDURE_PATHS) {
    const p: ProcedureDefinition = ProcedureCatalog[path];
    lines.push(`### ${path}`, '', `**${p.kind}** · who may call it: ${accessText(p)}`, '', p.summary, '');
    if (p.accessNote) lines.push(`Access: ${p.accessNote}`, '');
    if (p.rateLimited)
      lines.push('Rate limited: counts against the per-user and per-IP limit of money-moving calls.', '');
    lines.push('**Input**', '');
    if (p.input) {
      const required = !p.input.safeParse(undefined).success;
      if (!required) lines.push('May be left out.', '');
      lines.push(...fieldTable(contractJsonSchema(p.input, 'input')));
    } else {
      lines.push('None.', '');
    }
    lines.push(
      p.kind === 'subscription' ? '**Each event**' : '**Output**',
      '',
      ...fieldTable(contractJsonSchema(p.output, 'output')),
    );
    lines.push('**Errors**', '', '| code | when |', '| --- | --- |');
    for (const error of procedureErrors(p)) lines.push(`| ${error.code} | ${cell(error.when)} |`);
    lines.push('', '**Example**', '', exampleCall(path, p), '');
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const text = renderDocs();
  if (process.argv.includes('--check')) {
    const current = readFileSync(DOCS_FILE, 'utf8');
    if (current !== text) {
      console.error(`${DOCS_FILE} is out of date; run pnpm --filter @enrollpay/schemas run docs`);
      process.exit(1);
    }
    console.log(`${DOCS_FILE} is current`);
  } else {
    writeFileSync(DOCS_FILE, text);
    console.log(`wrote ${DOCS_FILE}`);
  }
}
