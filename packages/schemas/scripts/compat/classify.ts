// Sorts the differences between two contract surfaces (the committed snapshot and the current build)
// into compatible and breaking, judged from a client's side:
//
//   input  (what a client sends):    accepting more is compatible, accepting less is breaking;
//   output (what a client receives): returning less is compatible, returning more is breaking
//                                    (a new enum value, null, a missing field), except new fields.
//
// Whatever the direction, a removed or renamed field or procedure, a changed kind, a changed money or id
// format (marked `x-contract-format` in the snapshot), a changed pattern or string format, and a changed
// input default are breaking. Descriptions are ignored.

export type Direction = 'input' | 'output';
export type Group = 'compatible' | 'breaking';

export type ChangeKind =
  | 'procedure-added'
  | 'procedure-removed'
  | 'kind-changed'
  | 'access-widened'
  | 'access-narrowed'
  | 'input-added'
  | 'input-removed'
  | 'input-now-required'
  | 'input-now-optional'
  | 'export-added'
  | 'export-removed'
  | 'field-added'
  | 'field-removed'
  | 'field-now-required'
  | 'field-now-optional'
  | 'type-added'
  | 'type-removed'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'constraint-loosened'
  | 'constraint-tightened'
  | 'format-changed'
  | 'default-changed';

export interface Change {
  group: Group;
  kind: ChangeKind;
  /** A procedure path (`payments.refund`) or an exported name (`PaymentDetailsSchema`). */
  subject: string;
  direction: Direction | null;
  /** The exported schema the change is in (`PaymentHistoryOutputSchema`), when known. */
  schema?: string;
  /** Where in the schema: `''` for the whole, `items[].status`, `paymentsByStatus{}`, `paymentsByStatus{key}`. */
  path: string;
  detail: string;
}

export type JsonSchema = { [key: string]: unknown };

export interface ProcedureSurface {
  kind: 'query' | 'mutation' | 'subscription';
  /** Whether a call must pass an input (false: the input, if any, may be left out). */
  inputRequired: boolean;
  input: JsonSchema | null;
  output: JsonSchema;
  /** Who may call it: 'public', or the roles. Optional only so older snapshots still read. */
  access?: 'public' | string[];
  /** The exported names of the input and output schemas, for messages. */
  inputSchema?: string | null;
  outputSchema?: string;
}

export interface ContractSurface {
  /** The package version this surface was recorded at. */
  version: string;
  procedures: Record<string, ProcedureSurface>;
  /** Every name the package exports (schemas, types' runtime companions, helpers, constants). */
  exports: string[];
}

type Effect = 'widens' | 'narrows' | 'changes';

function groupOf(direction: Direction, effect: Effect): Group {
  if (effect === 'changes') return 'breaking';
  if (direction === 'input') return effect === 'widens' ? 'compatible' : 'breaking';
  return effect === 'narrows' ? 'compatible' : 'breaking';
}

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown) => JSON.stringify(value);

interface Ctx {
  subject: string;
  direction: Direction;
  out: Change[];
}

function push(ctx: Ctx, path: string, kind: ChangeKind, effect: Effect, detail: string): void {
  ctx.out.push({
    group: groupOf(ctx.direction, effect),
    kind,
    subject: ctx.subject,
    direction: ctx.direction,
    path,
    detail,
  });
}

/** A schema as the list of alternatives it accepts: anyOf/oneOf flattened, `type: [a, b]` split. */
function variants(schema: JsonSchema): JsonSchema[] {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) {
      const { [key]: _, ...rest } = schema;
      return list.filter(isObject).flatMap((v) => variants({ ...rest, ...v }));
    }
  }
  if (Array.isArray(schema.type)) {
    return schema.type.map((type) => ({ ...schema, type }));
  }
  if ('const' in schema && !('enum' in schema)) {
    const { const: value, ...rest } = schema;
    return [{ ...rest, enum: [value] }];
  }
  return [schema];
}

/** integer and number are one family (integer is the narrower); no type at all accepts anything. */
function typeKey(schema: JsonSchema): string {
  if (typeof schema.$ref === 'string') return `$ref:${schema.$ref}`;
  const type = schema.type;
  if (type === 'integer' || type === 'number') return 'number';
  return typeof type === 'string' ? type : 'any';
}

function describeType(schema: JsonSchema): string {
  const key = typeKey(schema);
  if (key === 'any') return 'any value';
  if (key === 'number') return schema.type === 'integer' ? 'integer' : 'number';
  return key;
}

/** Variants grouped by type; variants of one type with enums are merged into one enum. */
function byType(schema: JsonSchema): Map<string, JsonSchema[]> {
  const groups = new Map<string, JsonSchema[]>();
  for (const variant of variants(schema)) {
    const key = typeKey(variant);
    groups.set(key, [...(groups.get(key) ?? []), variant]);
  }
  for (const [key, list] of groups) {
    if (list.length > 1 && list.every((v) => Array.isArray(v.enum))) {
      const values = list.flatMap((v) => v.enum as unknown[]);
      groups.set(key, [{ ...list[0], enum: values }]);
    }
  }
  return groups;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function diffSchemas(
  subject: string,
  direction: Direction,
  before: JsonSchema,
  after: JsonSchema,
  path = '',
): Change[] {
  const ctx: Ctx = { subject, direction, out: [] };
  compare(ctx, path, before, after);
  return ctx.out;
}

function compare(ctx: Ctx, path: string, before: JsonSchema, after: JsonSchema): void {
  const formatBefore = before['x-contract-format'];
  const formatAfter = after['x-contract-format'];
  if (formatBefore !== formatAfter) {
    push(
      ctx,
      path,
      'format-changed',
      'changes',
      `format ${show(formatBefore ?? 'none')} → ${show(formatAfter ?? 'none')}`,
    );
    return;
  }
  if (ctx.direction === 'input' && 'default' in before && show(before.default) !== show(after.default)) {
    push(
      ctx,
      path,
      'default-changed',
      'changes',
      'default' in after
        ? `default ${show(before.default)} → ${show(after.default)}`
        : `default ${show(before.default)} removed`,
    );
  }

  const old = byType(before);
  const now = byType(after);
  const formatted = typeof formatBefore === 'string';
  if (old.has('any') && !now.has('any')) {
    push(ctx, path, 'type-removed', 'narrows', `was any value, now ${[...now.keys()].join(' | ')}`);
    return;
  }
  if (now.has('any') && !old.has('any')) {
    push(ctx, path, 'type-added', 'widens', `was ${[...old.keys()].join(' | ')}, now any value`);
    return;
  }
  for (const [key, list] of old) {
    const first = list[0];
    if (!now.has(key) && first) {
      push(
        ctx,
        path,
        formatted ? 'format-changed' : 'type-removed',
        formatted ? 'changes' : 'narrows',
        `no longer ${describeType(first)}`,
      );
    }
  }
  for (const [key, list] of now) {
    const first = list[0];
    if (!old.has(key) && first) {
      push(
        ctx,
        path,
        formatted ? 'format-changed' : 'type-added',
        formatted ? 'changes' : 'widens',
        `may now be ${describeType(first)}`,
      );
    }
  }
  for (const [key, oldList] of old) {
    const newList = now.get(key);
    if (!newList) continue;
    oldList.forEach((variant, i) => {
      const counterpart = newList[i];
      if (counterpart) compareSameType(ctx, path, variant, counterpart, formatted);
    });
  }
}

function compareBound(
  ctx: Ctx,
  path: string,
  keyword: string,
  before: unknown,
  after: unknown,
  lower: boolean,
): void {
  if (before === after) return;
  const b = typeof before === 'number' ? before : undefined;
  const a = typeof after === 'number' ? after : undefined;
  // A lower bound going down, or an upper bound going up, or either going away, accepts more.
  const widens = a === undefined || (b !== undefined && (lower ? a < b : a > b));
  push(
    ctx,
    path,
    widens ? 'constraint-loosened' : 'constraint-tightened',
    widens ? 'widens' : 'narrows',
    `${keyword} ${b ?? 'none'} → ${a ?? 'none'}`,
  );
}

function compareSameType(
  ctx: Ctx,
  path: string,
  before: JsonSchema,
  after: JsonSchema,
  formatted: boolean,
): void {
  // integer ⊂ number
  if (before.type !== after.type && typeKey(before) === 'number') {
    const widens = before.type === 'integer';
    push(
      ctx,
      path,
      formatted ? 'format-changed' : widens ? 'type-added' : 'type-removed',
      formatted ? 'changes' : widens ? 'widens' : 'narrows',
      `${show(before.type)} → ${show(after.type)}`,
    );
  }

  const oldEnum = Array.isArray(before.enum) ? before.enum.map(show) : null;
  const newEnum = Array.isArray(after.enum) ? after.enum.map(show) : null;
  if (oldEnum && newEnum) {
    for (const value of newEnum.filter((v) => !oldEnum.includes(v))) {
      push(ctx, path, 'enum-value-added', 'widens', `new value ${value}`);
    }
    for (const value of oldEnum.filter((v) => !newEnum.includes(v))) {
      push(ctx, path, 'enum-value-removed', 'narrows', `value ${value} removed`);
    }
  } else if (oldEnum) {
    push(ctx, path, 'constraint-loosened', 'widens', 'no longer limited to a list of values');
  } else if (newEnum) {
    push(ctx, path, 'constraint-tightened', 'narrows', `now limited to ${newEnum.join(', ')}`);
  }

  for (const [keyword, lower] of [
    ['minimum', true],
    ['exclusiveMinimum', true],
    ['maximum', false],
    ['exclusiveMaximum', false],
    ['minLength', true],
    ['maxLength', false],
    ['minItems', true],
    ['maxItems', false],
    ['minProperties', true],
    ['maxProperties', false],
  ] as const) {
    compareBound(ctx, path, keyword, before[keyword], after[keyword], lower);
  }
  for (const keyword of ['pattern', 'format', 'multipleOf', '$ref'] as const) {
    if (show(before[keyword]) !== show(after[keyword])) {
      push(
        ctx,
        path,
        'format-changed',
        'changes',
        `${keyword} ${show(before[keyword] ?? 'none')} → ${show(after[keyword] ?? 'none')}`,
      );
    }
  }

  if (isObject(before.items) && isObject(after.items)) compare(ctx, `${path}[]`, before.items, after.items);
  if (Array.isArray(before.prefixItems) && Array.isArray(after.prefixItems)) {
    const n = Math.max(before.prefixItems.length, after.prefixItems.length);
    for (let i = 0; i < n; i++) {
      const b: unknown = before.prefixItems[i];
      const a: unknown = after.prefixItems[i];
      if (isObject(b) && isObject(a)) compare(ctx, `${path}[${i}]`, b, a);
      else if (isObject(b)) push(ctx, `${path}[${i}]`, 'field-removed', 'changes', 'tuple element removed');
      else push(ctx, `${path}[${i}]`, 'field-added', 'changes', 'tuple element added');
    }
  }
  if (typeKey(before) === 'object') compareObjects(ctx, path, before, after);
}

function compareObjects(ctx: Ctx, path: string, before: JsonSchema, after: JsonSchema): void {
  const oldProps = isObject(before.properties) ? before.properties : {};
  const newProps = isObject(after.properties) ? after.properties : {};
  const oldRequired = new Set(Array.isArray(before.required) ? before.required.map(String) : []);
  const newRequired = new Set(Array.isArray(after.required) ? after.required.map(String) : []);
  const isRecord = isObject(before.additionalProperties) || isObject(after.additionalProperties);

  for (const name of Object.keys(oldProps)) {
    const b = oldProps[name];
    const a = newProps[name];
    const at = join(path, name);
    if (!isObject(a)) {
      ctx.out.push({
        group: 'breaking',
        kind: 'field-removed',
        subject: ctx.subject,
        direction: ctx.direction,
        path: at,
        detail: `field ${name} removed (or renamed)`,
      });
      continue;
    }
    if (oldRequired.has(name) && !newRequired.has(name)) {
      push(ctx, at, 'field-now-optional', 'widens', `${name} is no longer required`);
    } else if (!oldRequired.has(name) && newRequired.has(name)) {
      push(ctx, at, 'field-now-required', 'narrows', `${name} is now required`);
    }
    if (isObject(b)) compare(ctx, at, b, a);
  }
  for (const name of Object.keys(newProps)) {
    if (name in oldProps) continue;
    const required = newRequired.has(name);
    const breaking = ctx.direction === 'input' && required;
    ctx.out.push({
      group: breaking ? 'breaking' : 'compatible',
      kind: 'field-added',
      subject: ctx.subject,
      direction: ctx.direction,
      path: join(path, name),
      detail: breaking ? `new required field ${name}` : `new ${required ? '' : 'optional '}field ${name}`,
    });
  }

  // Records: the keys they may have (a new key of an enum-keyed record is a new enum value) and the values.
  if (isObject(before.propertyNames) && isObject(after.propertyNames)) {
    compare(ctx, `${path}{key}`, before.propertyNames, after.propertyNames);
  }
  if (isObject(before.additionalProperties) && isObject(after.additionalProperties)) {
    compare(ctx, `${path}{}`, before.additionalProperties, after.additionalProperties);
  } else if (ctx.direction === 'input' && !isRecord) {
    // Input objects are strict (unknown keys refused); whether other keys are allowed is part of the promise.
    // Output objects may gain fields anyway, so there it is not compared.
    const strictBefore = before.additionalProperties === false;
    const strictAfter = after.additionalProperties === false;
    if (strictBefore && !strictAfter)
      push(ctx, path, 'constraint-loosened', 'widens', 'unknown fields now accepted');
    if (!strictBefore && strictAfter)
      push(ctx, path, 'constraint-tightened', 'narrows', 'unknown fields now refused');
  }
}

/** Every difference between two surfaces, procedures first, then exports, each sorted by subject. */
export function diffSurfaces(before: ContractSurface, after: ContractSurface): Change[] {
  const out: Change[] = [];
  const paths = [...new Set([...Object.keys(before.procedures), ...Object.keys(after.procedures)])].sort();
  for (const subject of paths) {
    const b = before.procedures[subject];
    const a = after.procedures[subject];
    const change = (group: Group, kind: ChangeKind, detail: string, direction: Direction | null = null) =>
      out.push({ group, kind, subject, direction, path: '', detail });
    if (!a) {
      change('breaking', 'procedure-removed', `procedure ${subject} removed (or renamed)`);
      continue;
    }
    if (!b) {
      change('compatible', 'procedure-added', `new ${a.kind} ${subject}`);
      continue;
    }
    if (b.kind !== a.kind) change('breaking', 'kind-changed', `was a ${b.kind}, now a ${a.kind}`);
    if (b.access && a.access && show(b.access) !== show(a.access)) {
      const before = b.access === 'public' ? null : b.access;
      const after = a.access === 'public' ? null : a.access;
      // Callers who could call it before must still be able to: public, or a superset of the roles.
      const widened = after === null || before?.every((role) => after.includes(role)) === true;
      const describe = (access: 'public' | string[]) => (access === 'public' ? 'anyone' : access.join(', '));
      change(
        widened ? 'compatible' : 'breaking',
        widened ? 'access-widened' : 'access-narrowed',
        `callers were ${describe(b.access)}, now ${describe(a.access)}`,
      );
    }

    const named = (changes: Change[], schema: string | null | undefined) =>
      changes.map((c) => (schema ? { ...c, schema } : c));
    if (b.input && a.input) {
      out.push(...named(diffSchemas(subject, 'input', b.input, a.input), a.inputSchema));
    } else if (b.input && !a.input) {
      change('breaking', 'input-removed', 'no longer takes input', 'input');
    } else if (!b.input && a.input) {
      const required = a.inputRequired;
      change(
        required ? 'breaking' : 'compatible',
        'input-added',
        required ? 'now needs an input' : 'now takes an optional input',
        'input',
      );
    }
    if (b.input && a.input && b.inputRequired !== a.inputRequired) {
      if (a.inputRequired)
        change('breaking', 'input-now-required', 'the input can no longer be left out', 'input');
      else change('compatible', 'input-now-optional', 'the input may now be left out', 'input');
    }
    out.push(...named(diffSchemas(subject, 'output', b.output, a.output), a.outputSchema));
  }

  const oldExports = new Set(before.exports);
  const newExports = new Set(after.exports);
  for (const name of [...oldExports].filter((n) => !newExports.has(n)).sort()) {
    out.push({
      group: 'breaking',
      kind: 'export-removed',
      subject: name,
      direction: null,
      path: '',
      detail: `export ${name} removed (or renamed)`,
    });
  }
  for (const name of [...newExports].filter((n) => !oldExports.has(n)).sort()) {
    out.push({
      group: 'compatible',
      kind: 'export-added',
      subject: name,
      direction: null,
      path: '',
      detail: `new export ${name}`,
    });
  }
  return out;
}

/** `payments.refund input (RefundPaymentInputSchema) amount: maximum 99999999 → 5000` */
export function formatChange(change: Change): string {
  const schema = change.schema ? `(${change.schema})` : '';
  const where = [change.subject, change.direction, schema, change.path].filter(Boolean).join(' ');
  return `${where}: ${change.detail}`;
}
