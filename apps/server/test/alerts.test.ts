import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness.js';

/**
 * docs/alerts.yml may only name metrics that GET /metrics exports (after a webhook and a payment, so
 * labelled series exist), and each alert links to a runbook page that exists.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const rules = readFileSync(resolve(ROOT, 'docs/alerts.yml'), 'utf8');
let stack: TestStack;
let exported: Set<string>;

beforeAll(async () => {
  stack = await startTestStack({ env: { METRICS_TOKEN: 'alerts-test-metrics-token' } });
  // A payment and its webhooks, so the Stripe and webhook series have samples.
  const offering = stack.offerings.find((o) => o.active && o.currency === 'usd');
  if (!offering) throw new Error('no usd offering');
  await stack.clientFor(stack.users.learner).payments.createIntent.mutate({
    offeringId: offering.id,
    idempotencyKey: 'alerts-test-0001',
  });
  const res = await fetch(`${stack.url}/metrics`, {
    headers: { authorization: 'Bearer alerts-test-metrics-token' },
  });
  const text = await res.text();
  exported = new Set(
    text
      .split('\n')
      .filter((line) => line.startsWith('# TYPE '))
      .flatMap((line) => {
        const [, , name, type] = line.split(' ');
        // Histograms are queried through their _bucket, _sum and _count series.
        return type === 'histogram' || type === 'summary'
          ? [`${name}_bucket`, `${name}_sum`, `${name}_count`, name ?? '']
          : [name ?? ''];
      }),
  );
});
afterAll(async () => {
  await stack?.close();
});

describe('docs/alerts.yml', () => {
  it('names only metrics that /metrics exports', () => {
    const named = new Set([...rules.matchAll(/\b(enrollpay_[a-z0-9_]+)/g)].map((m) => m[1] ?? ''));
    expect(named.size).toBeGreaterThan(10);
    const missing = [...named].filter((name) => !exported.has(name));
    expect(missing).toEqual([]);
  });

  it('links every alert to a runbook page that exists', () => {
    const alerts = [...rules.matchAll(/- alert: (\w+)/g)].map((m) => m[1]);
    const runbooks = [...rules.matchAll(/runbook: (\S+)/g)].map((m) => m[1] ?? '');
    expect(runbooks).toHaveLength(alerts.length);
    for (const page of runbooks) expect(() => readFileSync(resolve(ROOT, page))).not.toThrow();
  });
});
