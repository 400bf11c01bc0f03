// The API reference (docs/API.md) is generated from the procedure catalogue; it must be current, and
// every example in it must be an input the contract accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCS_FILE, renderDocs } from '../scripts/docs.js';
import { PROCEDURE_PATHS, ProcedureCatalog, type ProcedureDefinition, procedureErrors } from './index.js';

const committed = readFileSync(DOCS_FILE, 'utf8');

describe('docs/API.md', () => {
  it('is what `pnpm --filter @enrollpay/schemas docs` generates from the current contracts', () => {
    expect(
      committed === renderDocs(),
      'docs/API.md is out of date: run pnpm --filter @enrollpay/schemas run docs',
    ).toBe(true);
  });

  it.each(PROCEDURE_PATHS)('documents %s: kind, role, fields, errors and an example call', (path) => {
    const p: ProcedureDefinition = ProcedureCatalog[path];
    const start = committed.indexOf(`### ${path}\n`);
    expect(start, `a section for ${path}`).toBeGreaterThan(-1);
    const next = committed.indexOf('\n### ', start + 1);
    const section = committed.slice(start, next === -1 ? undefined : next);
    expect(section).toContain(`**${p.kind}** · who may call it: `);
    expect(section).toContain(
      p.access === 'public'
        ? 'anyone'
        : p.access.length === 3
          ? 'any signed-in user'
          : p.access[0].toLowerCase(),
    );
    for (const error of procedureErrors(p)) expect(section).toContain(`| ${error.code} |`);
    expect(section).toContain(
      p.kind === 'subscription'
        ? `client.${path}.subscribe(`
        : `await client.${path}.${p.kind === 'query' ? 'query' : 'mutate'}(`,
    );
    if (p.input) expect(section).toMatch(/\| field \| type \| required \| constraints \| description \|/);
  });

  it.each(PROCEDURE_PATHS.filter((path) => ProcedureCatalog[path].input))(
    "%s's example input is valid",
    (path) => {
      const p: ProcedureDefinition = ProcedureCatalog[path];
      const result = p.input?.safeParse(p.example);
      expect(result?.error?.issues ?? []).toEqual([]);
    },
  );

  it('shows money and id formats, nested fields, and constraints', () => {
    expect(committed).toContain(
      "| `items[].price.amount` | integer | yes | integer amount in the currency's smallest unit; ≥ 0; ≤ 99999999 |",
    );
    expect(committed).toContain('| `limit` | integer | no | ≥ 1; ≤ 100; default `20` |');
    expect(committed).toMatch(
      /\| `paymentId` \| string \| yes \| enrollpay id; not empty; at most 64 characters/,
    );
  });
});
