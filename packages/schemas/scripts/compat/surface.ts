// The published contract surface of the current build: every procedure's kind and the JSON Schemas of its
// input and output (money and id fields marked with `x-contract-format`), and every exported name.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { contractFormats } from '../../src/fields.js';
import * as contracts from '../../src/index.js';
import type { ContractSurface, JsonSchema, ProcedureSurface } from './classify.js';

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SNAPSHOT_FILE = join(PACKAGE_DIR, 'contract-snapshot.json');
export const CHANGELOG_FILE = join(PACKAGE_DIR, 'CHANGELOG.md');
export const UPDATE_COMMAND = 'pnpm --filter @enrollpay/schemas contract:snapshot';

function formatOf(schema: z.core.$ZodType): string | undefined {
  let current: z.core.$ZodType | undefined = schema;
  while (current) {
    const entry = contractFormats.get(current);
    if (entry) return entry.format;
    current = current._zod.parent;
  }
  return undefined;
}

export function contractJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    io,
    override: (ctx) => {
      const format = formatOf(ctx.zodSchema);
      if (format) ctx.jsonSchema['x-contract-format'] = format;
    },
  });
  return json;
}

export function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8'));
  if (
    typeof manifest === 'object' &&
    manifest &&
    'version' in manifest &&
    typeof manifest.version === 'string'
  ) {
    return manifest.version;
  }
  throw new Error('packages/schemas/package.json has no version');
}

/** A schema's exported name; of several aliases, the one that is not a procedure's `…Input/OutputSchema`. */
function exportedNameOf(schema: unknown): string | undefined {
  const names = Object.entries(contracts)
    .filter(([, value]) => value === schema)
    .map(([name]) => name);
  return names.find((n) => !/(Input|Output)Schema$/.test(n)) ?? names[0];
}

export function currentSurface(): ContractSurface {
  const procedures: Record<string, ProcedureSurface> = {};
  const catalog: Record<string, contracts.ProcedureDefinition> = contracts.ProcedureCatalog;
  for (const path of Object.keys(catalog).sort()) {
    const p = catalog[path];
    if (!p) continue;
    procedures[path] = {
      kind: p.kind,
      access: p.access === 'public' ? 'public' : [...p.access].sort(),
      inputRequired: p.input ? !p.input.safeParse(undefined).success : false,
      input: p.input ? contractJsonSchema(p.input, 'input') : null,
      output: contractJsonSchema(p.output, 'output'),
      inputSchema: p.input ? (exportedNameOf(p.input) ?? null) : null,
      outputSchema: exportedNameOf(p.output),
    };
  }
  return { version: packageVersion(), procedures, exports: Object.keys(contracts).sort() };
}

export function isContractSurface(value: unknown): value is ContractSurface {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    typeof value.version === 'string' &&
    'procedures' in value &&
    typeof value.procedures === 'object' &&
    'exports' in value &&
    Array.isArray(value.exports)
  );
}

export function readSnapshot(file = SNAPSHOT_FILE): ContractSurface {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isContractSurface(value)) throw new Error(`${file} is not a contract snapshot; run ${UPDATE_COMMAND}`);
  return value;
}
