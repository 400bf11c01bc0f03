import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildJsonSchemas, writeJsonSchemas } from '../scripts/json-schema.js';
import * as contracts from './index.js';

const { schemas, skipped } = buildJsonSchemas();

type Json = Record<string, unknown>;
const prop = (schema: Json | undefined, ...path: string[]): Json => {
  let node: unknown = schema;
  for (const key of path) node = (node as Json | undefined)?.[key];
  return node as Json;
};

describe('JSON Schema generation', () => {
  it('converts every exported schema, skipping none', () => {
    expect(skipped).toEqual({});
    const exportedSchemaNames = Object.keys(contracts).filter(
      (n) => n.endsWith('Schema') && n !== 'CursorPageSchema',
    );
    expect(Object.keys(schemas).sort()).toEqual(exportedSchemaNames.sort());
  });

  it('has a file for the input and output of every procedure', () => {
    const byIdentity = new Map<unknown, string>(
      Object.entries(contracts).map(([name, value]) => [value, name]),
    );
    for (const [path, { input, output }] of Object.entries(contracts.ProcedureContracts)) {
      for (const schema of [input, output]) {
        if (schema === null) continue;
        const name = byIdentity.get(schema);
        expect(name, `${path} uses an exported schema`).toBeDefined();
        expect(schemas[name ?? ''], `${path}: ${name}`).toBeDefined();
      }
    }
  });

  it('describes inputs as a client sends them: strict objects, defaults optional', () => {
    const create = schemas.CreatePaymentIntentInputSchema;
    expect(create).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'CreatePaymentIntentInput',
      type: 'object',
      required: ['offeringId', 'idempotencyKey'],
      additionalProperties: false,
    });
    expect(prop(create, 'properties', 'idempotencyKey')).toMatchObject({
      type: 'string',
      minLength: 8,
      maxLength: 255,
    });

    const history = schemas.PaymentHistoryInputSchema;
    expect(prop(history, 'required')).toBeUndefined();
    expect(prop(history, 'properties', 'limit')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 20,
    });

    const stats = schemas.SpecialistStatsInputSchema;
    expect(prop(stats, 'required')).toEqual(['from', 'to', 'granularity']);
    expect(prop(stats, 'properties', 'granularity', 'enum')).toEqual(['day', 'week', 'month']);
  });

  it('describes money as integers in minor units and dates as ISO strings', () => {
    expect(prop(schemas.MoneySchema, 'properties', 'amount')).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 99_999_999,
    });
    const details = schemas.PaymentDetailsSchema;
    expect(prop(details, 'properties', 'createdAt')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(prop(details, 'properties', 'succeededAt', 'anyOf')).toEqual([
      expect.objectContaining({ type: 'string', format: 'date-time' }),
      { type: 'null' },
    ]);
    expect(prop(schemas.CreatePaymentIntentOutputSchema, 'required')).toEqual([
      'paymentId',
      'clientSecret',
      'amount',
      'currency',
      'publishableKey',
      'status',
      'failureMessage',
      'listAmount',
      'discountAmount',
      'promotionCode',
      'percentOff',
      'free',
    ]);
  });

  describe('writing files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'enrollpay-json-schema-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes one <Name>.json per schema plus an index', () => {
      writeJsonSchemas(dir);
      const files = readdirSync(dir);
      expect(files).toContain('CreatePaymentIntentInputSchema.json');
      expect(files).toHaveLength(Object.keys(schemas).length + 1);
      const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { schemas: string[] };
      expect(index.schemas).toContain('ReconcileReportSchema');
      const onDisk = JSON.parse(readFileSync(join(dir, 'RefundPaymentInputSchema.json'), 'utf8')) as Json;
      expect(onDisk).toEqual(schemas.RefundPaymentInputSchema);
    });
  });
});
