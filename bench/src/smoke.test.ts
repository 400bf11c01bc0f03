import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_BENCHES, runBenchmarks } from './bench.js';
import type { IntentDetails } from './intent.js';
import { markdownTable, writeResults } from './results.js';
import type { StatsDetails } from './stats.js';
import { checkoutFiles, type WebDetails } from './web.js';
import type { WebhookDetails } from './webhook.js';

// The smoke version of `pnpm bench`: tiny sizes, so the benchmark code cannot rot. It checks that
// every benchmark measured something sane, never the performance targets.
describe('pnpm bench --smoke', () => {
  it('measures webhook ingest, createIntent, stats and the checkout bundle, and writes the results file', async () => {
    // The CSV export benchmark starts five API processes; it stays out of `pnpm test`
    // (run it with `pnpm bench -- --smoke --only=export`).
    const results = await runBenchmarks({
      smoke: true,
      only: ALL_BENCHES.filter((b) => b !== 'export'),
      log: () => undefined,
    });
    const out = join(await mkdtemp(join(tmpdir(), 'bench-smoke-')), 'results.json');
    await writeResults(out, results);
    const written = JSON.parse(await readFile(out, 'utf8'));
    expect(written.machine.cores).toBeGreaterThan(0);
    expect(written.figures.length).toBe(results.figures.length);

    const webhook = results.details.webhook as WebhookDetails;
    // Every distinct signed event was stored and applied: payments succeeded, emails queued.
    expect(webhook.app.fullCheck.byStatus).toEqual({ PROCESSED: webhook.sizes.full });
    expect(webhook.app.fullCheck.succeededPayments).toBe(webhook.sizes.full);
    expect(webhook.app.fullCheck.outboxMessages).toBe(2 * webhook.sizes.full);
    expect(webhook.app.rateCheck.byStatus.PROCESSED).toBe(webhook.sizes.rate * webhook.sizes.rateSeconds);
    expect(webhook.app.full.non2xx).toBe(0);
    expect(webhook.app.fullCheck.endToEndRate).toBeGreaterThan(0);
    // The inline topology (the API applies events itself) did the same work.
    expect(webhook.inline.fullCheck.byStatus).toEqual({ PROCESSED: webhook.sizes.full });
    expect(webhook.inline.fullCheck.succeededPayments).toBe(webhook.sizes.full);
    expect(webhook.inline.rateCheck.byStatus.PROCESSED).toBe(webhook.sizes.rate * webhook.sizes.rateSeconds);
    // The production topology's processor process ran beside the API, and its CPU was read.
    if (process.platform === 'linux') expect(webhook.cpu.appFull.processor).toBeGreaterThan(0);
    expect(webhook.baseline.full.rps).toBeGreaterThan(0);
    expect(webhook.baseline.full.non2xx).toBe(0);
    // The raw-pg one-transaction-per-event handler applied every event too (the second baseline).
    expect(webhook.careful.full.non2xx).toBe(0);
    expect(webhook.careful.fullCheck.byStatus).toEqual({ PROCESSED: webhook.sizes.carefulFull });
    expect(webhook.careful.fullCheck.succeededPayments).toBe(webhook.sizes.carefulFull);
    expect(webhook.careful.fullCheck.outboxMessages).toBe(2 * webhook.sizes.carefulFull);
    expect(webhook.careful.fullCheck.endToEndRate).toBeGreaterThan(0);

    const intent = results.details.intent as IntentDetails;
    expect(intent.failures).toEqual([]);
    expect(intent.stripeCallsPerRequest).toBe(2);
    expect(intent.stripeMs.p50).toBeGreaterThan(0);
    expect(intent.ownMs.p50).toBeGreaterThan(0);
    expect(intent.totalMs.p50).toBeGreaterThan(intent.ownMs.p50);
    // Driven at 4× its saturating rate: every call is answered, refused early or succeeds — no 500s.
    const answered = Object.values(intent.overload.statuses).reduce((a, b) => a + b, 0);
    expect(answered).toBe(intent.overload.calls);
    expect(intent.overload.statuses.network ?? 0).toBe(0);
    expect(intent.overload.errors5xx).toBe(0);
    expect(intent.overload.succeeded + (intent.overload.statuses['503'] ?? 0)).toBe(intent.overload.calls);
    // Statements are counted per call on the pg connections: a first purchase writes rows, so many.
    expect(intent.statements.firstPurchase.calls).toBe(intent.sizes.low.calls);
    expect(intent.statements.firstPurchase.min).toBeGreaterThan(2);
    expect(intent.returning.failures).toEqual([]);
    expect(intent.statements.returning.calls).toBe(intent.sizes.returning);
    expect(intent.statements.returning.min).toBeGreaterThan(2);
    // A returning learner already has a Stripe customer: only the PaymentIntent is created.
    expect(intent.returning.stripeCallsPerRequest).toBe(1);
    expect(intent.bare.failed).toBe(0);
    expect(intent.bare.totalMs.p95).toBeGreaterThan(0);

    const stats = results.details.stats as StatsDetails;
    expect(stats.rollupRows).toBeGreaterThan(0);
    expect(stats.seriesBuckets).toBeGreaterThanOrEqual(365);
    expect(stats.serviceMs.p50).toBeGreaterThan(0);
    expect(stats.naiveMs.p50).toBeGreaterThan(0);
    // One statement per call, whose PostgreSQL time is measured; every layer above it is timed.
    expect(stats.statements).toBe(1);
    expect(stats.postgresMs.p50).toBeGreaterThan(0);
    expect(stats.pgRoundTripMs.p50).toBeGreaterThan(0);
    expect(stats.prismaRawMs.p50).toBeGreaterThan(0);
    expect(stats.httpMs.p50).toBeGreaterThan(0);
    expect(stats.profile.wallMs).toBeGreaterThan(0);

    // The emulator runs in its own process: its CPU is measured apart from the API's (Linux: /proc).
    // (/proc counts in 10 ms ticks, so a few smoke calls are summed over the three runs.)
    if (process.platform === 'linux') {
      const runs = [intent.cpu.saturating, intent.cpu.low, intent.cpu.overload];
      expect(runs.reduce((sum, run) => sum + (run.api ?? 0), 0)).toBeGreaterThan(0);
      expect(runs.reduce((sum, run) => sum + (run.emulator ?? 0), 0)).toBeGreaterThan(0);
    }
    expect(results.load.atStart).toHaveLength(3);

    // The web app may not build yet (it is written in parallel): then the figure says why.
    const web = results.details.web as WebDetails;
    if (web.available) expect(web.checkoutGzipBytes).toBeGreaterThan(0);
    else expect(web.reason).toMatch(/\w/);

    const table = markdownTable(results);
    expect(table).toContain('| Webhook ingest |');
    expect(table).toContain('| createIntent |');
    expect(table).toContain('| Specialist stats |');
    // Every target of issue 13's table has a row with a Met verdict.
    for (const target of [
      '≥ 0.6× the bare-INSERT route',
      '≥ 0.4× the bare-INSERT route',
      '≥ 1.5× the raw-pg handler',
      "≤ 2× the bare route's p99",
      "≤ 3× the bare route's p95",
      '| ≤ 10 |',
      '| ≤ 8 |',
      '≥ 20× faster',
      '≤ 2× PostgreSQL',
    ]) {
      expect(table).toContain(target);
    }
    for (const f of results.figures.filter((f) => f.targets?.length)) expect(f.met).not.toBeUndefined();
  });

  it('counts the entry, the checkout chunk and their static imports, never other routes', () => {
    const { files, checkoutChunk } = checkoutFiles({
      'index.html': {
        file: 'assets/index.js',
        isEntry: true,
        imports: ['_react.js'],
        dynamicImports: ['src/pages/CheckoutPage.tsx', 'src/pages/specialist/DashboardPage.tsx'],
      },
      '_react.js': { file: 'assets/react.js' },
      '_stripe.js': { file: 'assets/stripe-loader.js' },
      '_recharts.js': { file: 'assets/recharts.js' },
      'src/pages/CheckoutPage.tsx': {
        file: 'assets/checkout.js',
        src: 'src/pages/CheckoutPage.tsx',
        isDynamicEntry: true,
        imports: ['_stripe.js', '_react.js'],
        css: ['assets/checkout.css'],
      },
      'src/pages/specialist/DashboardPage.tsx': {
        file: 'assets/dashboard.js',
        isDynamicEntry: true,
        imports: ['_recharts.js'],
      },
    });
    expect(checkoutChunk).toBe('assets/checkout.js');
    expect(files.sort()).toEqual([
      'assets/checkout.js',
      'assets/index.js',
      'assets/react.js',
      'assets/stripe-loader.js',
    ]);
  });
});
