// Writes dist/json-schema/<Name>.json for every exported zod schema, plus index.json listing them.
// Input schemas are described as a client sends them (io: 'input': defaults make fields optional);
// everything else as the server returns it (io: 'output').
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import * as contracts from '../src/index.js';

export interface JsonSchemaResult {
  schemas: Record<string, Record<string, unknown>>;
  skipped: Record<string, string>;
}

export function buildJsonSchemas(): JsonSchemaResult {
  const schemas: Record<string, Record<string, unknown>> = {};
  const skipped: Record<string, string> = {};
  for (const [name, value] of Object.entries(contracts).sort(([a], [b]) => a.localeCompare(b))) {
    // z.core.$ZodType: classic zod schemas and the few zod/mini ones (PromotionCodeStringMiniSchema).
    if (!name.endsWith('Schema') || !(value instanceof z.core.$ZodType)) continue;
    try {
      const json = z.toJSONSchema(value, { io: /InputSchema$/.test(name) ? 'input' : 'output' });
      schemas[name] = { ...json, title: name.replace(/Schema$/, '') };
    } catch (error) {
      skipped[name] = error instanceof Error ? error.message : String(error);
    }
  }
  return { schemas, skipped };
}

export function writeJsonSchemas(outDir: string): JsonSchemaResult {
  const result = buildJsonSchemas();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [name, schema] of Object.entries(result.schemas)) {
    writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(schema, null, 2)}\n`);
  }
  writeFileSync(
    join(outDir, 'index.json'),
    `${JSON.stringify({ schemas: Object.keys(result.schemas), skipped: result.skipped }, null, 2)}\n`,
  );
  return result;
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = process.argv[2] ? resolve(process.argv[2]) : join(here, '..', 'dist', 'json-schema');
  const { schemas, skipped } = writeJsonSchemas(outDir);
  console.log(`wrote ${Object.keys(schemas).length} JSON Schema files to ${outDir}`);
  for (const [name, reason] of Object.entries(skipped)) console.warn(`skipped ${name}: ${reason}`);
}
