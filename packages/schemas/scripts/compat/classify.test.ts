// Table tests of the classifier: each kind of change, in each direction, lands in the group the semver
// rule says (README "Versioning"). If one of these fails, the compatibility check cannot be trusted.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AmountSchema, PaymentIdSchema, PaymentStatusSchema } from '../../src/index.js';
import {
  type Change,
  type ContractSurface,
  type Direction,
  diffSchemas,
  diffSurfaces,
  formatChange,
  type Group,
  type JsonSchema,
} from './classify.js';
import { changelogSection, judgeChanges, judgeSnapshotUpdate } from './release.js';
import { contractJsonSchema } from './surface.js';

const obj = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const str: JsonSchema = { type: 'string' };
const int: JsonSchema = { type: 'integer' };
const statuses = (...values: string[]): JsonSchema => ({ type: 'string', enum: values });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const money: JsonSchema = {
  type: 'integer',
  minimum: 0,
  maximum: 99999999,
  'x-contract-format': 'minor-units',
};
const id: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]*$',
  'x-contract-format': 'id',
};

type Expected = [Group, Change['kind'], string];
type Row = [string, Direction, JsonSchema, JsonSchema, Expected[]];

const TABLE: Row[] = [
  // fields
  [
    'new optional input field',
    'input',
    obj({ a: str }),
    obj({ a: str, b: str }, ['a']),
    [['compatible', 'field-added', 'b']],
  ],
  [
    'new required input field',
    'input',
    obj({ a: str }),
    obj({ a: str, b: str }),
    [['breaking', 'field-added', 'b']],
  ],
  [
    'new output field',
    'output',
    obj({ a: str }),
    obj({ a: str, b: str }),
    [['compatible', 'field-added', 'b']],
  ],
  [
    'removed input field',
    'input',
    obj({ a: str, b: str }, ['a']),
    obj({ a: str }),
    [['breaking', 'field-removed', 'b']],
  ],
  [
    'removed output field',
    'output',
    obj({ a: str, b: str }),
    obj({ a: str }),
    [['breaking', 'field-removed', 'b']],
  ],
  [
    'renamed output field',
    'output',
    obj({ amount: int }),
    obj({ amountMinor: int }),
    [
      ['breaking', 'field-removed', 'amount'],
      ['compatible', 'field-added', 'amountMinor'],
    ],
  ],
  [
    'input field made required',
    'input',
    obj({ a: str }, []),
    obj({ a: str }),
    [['breaking', 'field-now-required', 'a']],
  ],
  [
    'input field made optional',
    'input',
    obj({ a: str }),
    obj({ a: str }, []),
    [['compatible', 'field-now-optional', 'a']],
  ],
  [
    'output field made optional',
    'output',
    obj({ a: str }),
    obj({ a: str }, []),
    [['breaking', 'field-now-optional', 'a']],
  ],
  [
    'output field made required',
    'output',
    obj({ a: str }, []),
    obj({ a: str }),
    [['compatible', 'field-now-required', 'a']],
  ],
  // enums
  [
    'new input enum value',
    'input',
    statuses('A'),
    statuses('A', 'B'),
    [['compatible', 'enum-value-added', '']],
  ],
  [
    'new output enum value',
    'output',
    statuses('A'),
    statuses('A', 'B'),
    [['breaking', 'enum-value-added', '']],
  ],
  [
    'input enum value removed',
    'input',
    statuses('A', 'B'),
    statuses('A'),
    [['breaking', 'enum-value-removed', '']],
  ],
  [
    'output enum value removed',
    'output',
    statuses('A', 'B'),
    statuses('A'),
    [['compatible', 'enum-value-removed', '']],
  ],
  [
    'new enum value deep in an output list',
    'output',
    obj({ items: { type: 'array', items: obj({ status: statuses('A') }) } }),
    obj({ items: { type: 'array', items: obj({ status: statuses('A', 'B') }) } }),
    [['breaking', 'enum-value-added', 'items[].status']],
  ],
  [
    'new key of an enum-keyed record in an output',
    'output',
    { type: 'object', propertyNames: statuses('A'), additionalProperties: int, required: ['A'] },
    { type: 'object', propertyNames: statuses('A', 'B'), additionalProperties: int, required: ['A', 'B'] },
    [['breaking', 'enum-value-added', '{key}']],
  ],
  // types
  [
    'narrowed input type (null no longer accepted)',
    'input',
    nullable(str),
    str,
    [['breaking', 'type-removed', '']],
  ],
  ['widened input type (null accepted)', 'input', str, nullable(str), [['compatible', 'type-added', '']]],
  ['output may now be null', 'output', str, nullable(str), [['breaking', 'type-added', '']]],
  ['output no longer null', 'output', nullable(str), str, [['compatible', 'type-removed', '']]],
  ['narrowed input number → integer', 'input', { type: 'number' }, int, [['breaking', 'type-removed', '']]],
  [
    'input string → number',
    'input',
    str,
    { type: 'number' },
    [
      ['breaking', 'type-removed', ''],
      ['compatible', 'type-added', ''],
    ],
  ],
  ['output type unknown → string', 'output', {}, str, [['compatible', 'type-removed', '']]],
  // constraints
  [
    'input maxLength lowered',
    'input',
    { ...str, maxLength: 500 },
    { ...str, maxLength: 200 },
    [['breaking', 'constraint-tightened', '']],
  ],
  [
    'input maxLength raised',
    'input',
    { ...str, maxLength: 200 },
    { ...str, maxLength: 500 },
    [['compatible', 'constraint-loosened', '']],
  ],
  [
    'input minimum raised',
    'input',
    { ...int, minimum: 0 },
    { ...int, minimum: 1 },
    [['breaking', 'constraint-tightened', '']],
  ],
  [
    'output maximum raised',
    'output',
    { ...int, maximum: 10 },
    { ...int, maximum: 20 },
    [['breaking', 'constraint-loosened', '']],
  ],
  [
    'output maximum lowered',
    'output',
    { ...int, maximum: 20 },
    { ...int, maximum: 10 },
    [['compatible', 'constraint-tightened', '']],
  ],
  [
    'input pattern changed',
    'input',
    { ...str, pattern: '^a' },
    { ...str, pattern: '^b' },
    [['breaking', 'format-changed', '']],
  ],
  [
    'output string format changed',
    'output',
    { ...str, format: 'date-time' },
    { ...str, format: 'date' },
    [['breaking', 'format-changed', '']],
  ],
  [
    'input object no longer strict',
    'input',
    obj({ a: str }),
    { ...obj({ a: str }), additionalProperties: true },
    [['compatible', 'constraint-loosened', '']],
  ],
  [
    'input default changed',
    'input',
    obj({ limit: { ...int, default: 20 } }, []),
    obj({ limit: { ...int, default: 50 } }, []),
    [['breaking', 'default-changed', 'limit']],
  ],
  // money and ids: a changed format is breaking whichever way it goes
  [
    'money in an input: integer minor units → number',
    'input',
    obj({ amount: money }),
    obj({ amount: { ...money, type: 'number' } }),
    [['breaking', 'format-changed', 'amount']],
  ],
  [
    'money in an output: no longer minor units',
    'output',
    obj({ amount: money }),
    obj({ amount: { type: 'string' } }),
    [['breaking', 'format-changed', 'amount']],
  ],
  [
    'money in an output: larger maximum',
    'output',
    obj({ amount: money }),
    obj({ amount: { ...money, maximum: 999999999 } }),
    [['breaking', 'constraint-loosened', 'amount']],
  ],
  [
    'id in an output: new pattern',
    'output',
    obj({ id }),
    obj({ id: { ...id, pattern: '^c[a-z0-9]{24}$' } }),
    [['breaking', 'format-changed', 'id']],
  ],
  [
    'id in an input: now a number',
    'input',
    obj({ id }),
    obj({ id: { type: 'integer', 'x-contract-format': 'id' } }),
    [
      ['breaking', 'format-changed', 'id'], // no longer a string
      ['breaking', 'format-changed', 'id'], // now a number
    ],
  ],
  // no change
  ['a description changed', 'output', { ...str, description: 'old' }, { ...str, description: 'new' }, []],
  ['the same schema', 'input', obj({ amount: money, id }), obj({ amount: money, id }), []],
];

describe('diffSchemas: each kind of change lands in its group', () => {
  it.each(TABLE)('%s (%s)', (_name, direction, before, after, expected) => {
    const changes = diffSchemas('x.proc', direction, before, after);
    expect(changes.map((c) => [c.group, c.kind, c.path])).toEqual(expected);
    for (const change of changes) {
      expect(change.subject).toBe('x.proc');
      expect(change.direction).toBe(direction);
    }
  });
});

describe('diffSchemas on JSON Schema made by zod from our own field builders', () => {
  const json = (schema: z.ZodType, io: Direction) => contractJsonSchema(schema, io);

  it('sees AmountSchema replaced by a plain number as a changed money format', () => {
    const changes = diffSchemas(
      'payments.createIntent',
      'output',
      json(z.object({ amount: AmountSchema }), 'output'),
      json(z.object({ amount: z.number() }), 'output'),
    );
    expect(changes.map((c) => [c.group, c.kind, c.path])).toEqual([['breaking', 'format-changed', 'amount']]);
  });

  it('sees an id that became a plain string as a changed id format', () => {
    const changes = diffSchemas(
      'payments.get',
      'input',
      json(z.strictObject({ paymentId: PaymentIdSchema }), 'input'),
      json(z.strictObject({ paymentId: z.string() }), 'input'),
    );
    expect(changes[0]).toMatchObject({ group: 'breaking', kind: 'format-changed', path: 'paymentId' });
  });

  it('sees a new payment status in an output as breaking and in an input as compatible', () => {
    const more = z.enum([...PaymentStatusSchema.options, 'VOIDED']);
    const output = diffSchemas(
      'payments.get',
      'output',
      json(z.object({ status: PaymentStatusSchema }), 'output'),
      json(z.object({ status: more }), 'output'),
    );
    expect(output.map((c) => [c.group, c.path, c.detail])).toEqual([
      ['breaking', 'status', 'new value "VOIDED"'],
    ]);
    const input = diffSchemas(
      'payments.history',
      'input',
      json(z.strictObject({ status: PaymentStatusSchema.optional() }), 'input'),
      json(z.strictObject({ status: more.optional() }), 'input'),
    );
    expect(input.map((c) => c.group)).toEqual(['compatible']);
  });
});

const surface = (procedures: ContractSurface['procedures'], exports: string[] = []): ContractSurface => ({
  version: '1.0.0',
  procedures,
  exports,
});
const proc = (
  kind: 'query' | 'mutation',
  input: JsonSchema | null = null,
  inputRequired = input !== null,
) => ({
  kind,
  inputRequired,
  input,
  output: obj({ ok: { type: 'boolean' } }),
});

describe('diffSurfaces: procedures and exports', () => {
  const cases: [string, ContractSurface, ContractSurface, Expected[]][] = [
    [
      'new procedure',
      surface({}),
      surface({ 'a.b': proc('query') }),
      [['compatible', 'procedure-added', '']],
    ],
    [
      'removed procedure',
      surface({ 'a.b': proc('query') }),
      surface({}),
      [['breaking', 'procedure-removed', '']],
    ],
    [
      'renamed procedure',
      surface({ 'a.b': proc('query') }),
      surface({ 'a.c': proc('query') }),
      [
        ['breaking', 'procedure-removed', ''],
        ['compatible', 'procedure-added', ''],
      ],
    ],
    [
      'query became a mutation',
      surface({ 'a.b': proc('query') }),
      surface({ 'a.b': proc('mutation') }),
      [['breaking', 'kind-changed', '']],
    ],
    [
      'optional input added',
      surface({ 'a.b': proc('query') }),
      surface({ 'a.b': proc('query', obj({ x: str }, []), false) }),
      [['compatible', 'input-added', '']],
    ],
    [
      'required input added',
      surface({ 'a.b': proc('query') }),
      surface({ 'a.b': proc('query', obj({ x: str })) }),
      [['breaking', 'input-added', '']],
    ],
    [
      'input may be left out',
      surface({ 'a.b': proc('query', obj({ x: str }, []), true) }),
      surface({ 'a.b': proc('query', obj({ x: str }, []), false) }),
      [['compatible', 'input-now-optional', '']],
    ],
    [
      'input can no longer be left out',
      surface({ 'a.b': proc('query', obj({ x: str }, []), false) }),
      surface({ 'a.b': proc('query', obj({ x: str }, []), true) }),
      [['breaking', 'input-now-required', '']],
    ],
    [
      'fewer roles may call it',
      surface({ 'a.b': { ...proc('query'), access: ['ADMIN', 'SPECIALIST'] } }),
      surface({ 'a.b': { ...proc('query'), access: ['ADMIN'] } }),
      [['breaking', 'access-narrowed', '']],
    ],
    [
      'a public procedure now needs sign-in',
      surface({ 'a.b': { ...proc('query'), access: 'public' } }),
      surface({ 'a.b': { ...proc('query'), access: ['LEARNER'] } }),
      [['breaking', 'access-narrowed', '']],
    ],
    [
      'more roles may call it',
      surface({ 'a.b': { ...proc('query'), access: ['SPECIALIST'] } }),
      surface({ 'a.b': { ...proc('query'), access: ['ADMIN', 'SPECIALIST'] } }),
      [['compatible', 'access-widened', '']],
    ],
    ['export removed', surface({}, ['A', 'B']), surface({}, ['A']), [['breaking', 'export-removed', '']]],
    ['export added', surface({}, ['A']), surface({}, ['A', 'B']), [['compatible', 'export-added', '']]],
  ];
  it.each(cases)('%s', (_name, before, after, expected) => {
    expect(diffSurfaces(before, after).map((c) => [c.group, c.kind, c.path])).toEqual(expected);
  });
});

describe('messages', () => {
  it('name the procedure, the direction, the exported schema and the path', () => {
    const history = (...values: string[]) => ({
      ...proc('query', obj({ limit: int }, [])),
      output: obj({ items: { type: 'array', items: obj({ status: statuses(...values) }) } }),
      outputSchema: 'PaymentHistoryOutputSchema',
    });
    const before = surface({ 'payments.history': history('A') });
    const after = surface({ 'payments.history': history('A', 'B') });
    expect(diffSurfaces(before, after).map(formatChange)).toEqual([
      'payments.history output (PaymentHistoryOutputSchema) items[].status: new value "B"',
    ]);
  });
});

describe('the release rule', () => {
  const breaking: Change = {
    group: 'breaking',
    kind: 'enum-value-added',
    subject: 'payments.get',
    direction: 'output',
    path: 'status',
    detail: 'new value "VOIDED"',
  };
  const compatible: Change = {
    group: 'compatible',
    kind: 'procedure-added',
    subject: 'payouts.list',
    direction: null,
    path: '',
    detail: 'new query payouts.list',
  };
  const changelog = (version: string, ...lines: string[]) =>
    `# Changelog\n\n## ${version}\n\n${lines.join('\n')}\n\n## 1.0.0\n\n- first\n`;

  it('fails a breaking change without a new major, naming the schema and path and the version to raise to', () => {
    const { problems } = judgeChanges({
      changes: [breaking],
      snapshotVersion: '1.0.0',
      packageVersion: '1.1.0',
      changelog: changelog('1.1.0'),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('payments.get output status: new value "VOIDED"');
    expect(problems[0]).toContain('"version": "2.0.0"');
  });

  it('fails a new major whose CHANGELOG does not name the change', () => {
    const { problems } = judgeChanges({
      changes: [breaking],
      snapshotVersion: '1.0.0',
      packageVersion: '2.0.0',
      changelog: changelog('2.0.0', '- `payments.get`: faster'),
    });
    expect(problems.join('\n')).toContain('- `payments.get` output `status`: new value "VOIDED"');
  });

  it('passes a new major whose CHANGELOG names the change', () => {
    const verdict = judgeChanges({
      changes: [breaking, compatible],
      snapshotVersion: '1.0.0',
      packageVersion: '2.0.0',
      changelog: changelog('2.0.0', '- `payments.get` output `status` may be `VOIDED`'),
    });
    expect(verdict.problems).toEqual([]);
    expect(verdict.breaking).toEqual([breaking]);
    expect(verdict.compatible).toEqual([compatible]);
  });

  it('passes compatible changes at the released version, but recording them needs a minor release', () => {
    const input = {
      changes: [compatible],
      snapshotVersion: '1.0.0',
      packageVersion: '1.0.0',
      changelog: changelog('1.0.0'),
    };
    expect(judgeChanges(input).problems).toEqual([]);
    expect(judgeSnapshotUpdate(input).problems.join('\n')).toContain('"version": "1.1.0"');
    expect(
      judgeSnapshotUpdate({
        ...input,
        packageVersion: '1.1.0',
        changelog: changelog('1.1.0', '- `payouts.list`'),
      }).problems,
    ).toEqual([]);
  });

  it('wants a CHANGELOG section for the version in package.json, and versions only going up', () => {
    expect(
      judgeChanges({
        changes: [],
        snapshotVersion: '1.0.0',
        packageVersion: '1.2.0',
        changelog: changelog('1.1.0'),
      }).problems,
    ).toEqual(['CHANGELOG.md has no "## 1.2.0" section for the version in package.json']);
    expect(
      judgeChanges({
        changes: [],
        snapshotVersion: '1.1.0',
        packageVersion: '1.0.0',
        changelog: changelog('1.0.0'),
      }).problems[0],
    ).toContain('older than the snapshot');
  });

  it('reads "## [2.0.0] - date" headings too', () => {
    expect(changelogSection('# C\n\n## [2.0.0] - 2026-12-01\n\n- a\n\n## 1.0.0\n- b\n', '2.0.0')).toEqual([
      '',
      '- a',
      '',
    ]);
    expect(changelogSection('## 2.0.1\n', '2.0.0')).toBeNull();
  });
});
