import { readFile } from 'node:fs/promises';
import { createTestDatabase } from '@enrollpay/db/testing';
// The bench signs tokens the way the API does (same secret), for the admin it seeds itself.
import { createTokenService, loadEnv } from '@enrollpay/server';
import { type BenchChild, startChild } from './child.js';
import { serverEnv } from './env.js';
import { type Figure, figure } from './results.js';
import { seedPayments } from './stats.js';

export interface ExportSizes {
  /** Payments in the database; the admin's export returns every one. */
  payments: number;
}

export const EXPORT_FULL: ExportSizes = { payments: 100_000 };
/** `--quick`: half the rows. */
export const EXPORT_QUICK: ExportSizes = { payments: 50_000 };
export const EXPORT_SMOKE: ExportSizes = { payments: 500 };

/** V8's old generation limit (--max-old-space-size) of the capped run. */
export const HEAP_CAP_MIB = 128;

export interface DownloadMeasure {
  rows: number;
  bytes: number;
  seconds: number;
  /** The API process's resident set (VmRSS) just before the request, and the highest seen while it ran. */
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssGrowthMiB: number;
  samples: number;
}

export interface ExportDetails {
  sizes: ExportSizes;
  streamed: DownloadMeasure;
  /** The same export limited to the last 40 days: memory should not depend on the row count. */
  streamedTenth: DownloadMeasure;
  buffered: DownloadMeasure;
  /** The full streamed export again, with V8's old generation capped at HEAP_CAP_MIB (or why it failed). */
  capped: DownloadMeasure | { error: string };
  /** The buffered baseline with the same cap. */
  cappedBuffered: DownloadMeasure | { error: string };
}

/** /proc/<pid>/status fields in MiB (Linux). */
async function procMemory(pid: number): Promise<{ rss: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') / 1024 };
}

/**
 * Downloads `path`, reading the body as it arrives (counting bytes and line ends, keeping nothing),
 * while sampling the API process's RSS every 10 ms.
 */
async function measureDownload(url: string, token: string, pid: number): Promise<DownloadMeasure> {
  const before = (await procMemory(pid)).rss;
  let peak = before;
  let samples = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, (await procMemory(pid)).rss);
      samples++;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body)
    throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 0x0a) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  peak = Math.max(peak, (await procMemory(pid)).rss);
  // The header line is not a row; quoted line breaks do not occur in the seeded names.
  return {
    rows: lines - 1,
    bytes,
    seconds,
    rssBeforeMiB: before,
    rssPeakMiB: peak,
    rssGrowthMiB: peak - before,
    samples,
  };
}

/**
 * Benchmark 5: GET /api/exports/payments.csv as an admin over `sizes.payments` seeded payments, in the
 * real API process; its time and the process's peak RSS growth, beside the same rows read into memory
 * in full and sent as one buffer (the bench-only route of servers/export-server.ts).
 */
export async function benchExport(
  sizes: ExportSizes,
  log: (line: string) => void,
): Promise<{ figures: Figure[]; details: ExportDetails }> {
  const database = await createTestDatabase();
  try {
    await seedPayments(
      database.url,
      { payments: sizes.payments, specialists: 20, learners: 1000, batch: 50_000, iterations: 0 },
      log,
    );
    await database.db.$executeRawUnsafe(
      `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ('xa', 'export-admin@bench.test', 'Bench Admin', 'ADMIN', now())`,
    );
    // No Stripe call is made by an export; the URL only has to be valid.
    const env = serverEnv(database.url, 'http://127.0.0.1:9');
    const { token } = await createTokenService(loadEnv(env), { now: () => new Date() }).issue({
      userId: 'xa',
      role: 'ADMIN',
    });
    // Each download in a fresh API process, so one's heap does not serve the next.
    const inFreshProcess = async (
      path: string,
      what: string,
      execArgv: string[] = [],
    ): Promise<DownloadMeasure> => {
      const app: BenchChild = startChild('./servers/export-server.ts', { env, stdout: 'ignore', execArgv });
      try {
        const base = String((await app.next('ready')).url);
        // Warm-up: the code paths and the pool, with an empty export and a small one.
        await measureDownload(
          `${base}/api/exports/payments.csv?from=2000-01-01&to=2000-01-01`,
          token,
          app.pid,
        );
        await measureDownload(`${base}/api/exports/payments.csv?currency=eur`, token, app.pid);
        log(`export: ${what}`);
        return await measureDownload(`${base}${path}`, token, app.pid);
      } finally {
        await app.stop();
      }
    };
    const streamed = await inFreshProcess('/api/exports/payments.csv', `streamed, ${sizes.payments} rows`);
    const recent = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const streamedTenth = await inFreshProcess(
      `/api/exports/payments.csv?from=${recent}`,
      'streamed, the last 40 days (about a tenth of the rows)',
    );
    const buffered = await inFreshProcess('/bench/buffered-payments.csv', 'buffered baseline, same rows');
    // Garbage vs. retention: V8 lets its heap grow before collecting when memory allows, so RSS growth
    // alone cannot tell them apart. Both again with the old generation capped: what is left is what
    // each really holds.
    const failure = (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) });
    const capped = await inFreshProcess(
      '/api/exports/payments.csv',
      `streamed, heap capped at ${HEAP_CAP_MIB} MiB`,
      [`--max-old-space-size=${HEAP_CAP_MIB}`],
    ).catch(failure);
    const cappedBuffered = await inFreshProcess(
      '/bench/buffered-payments.csv',
      `buffered, heap capped at ${HEAP_CAP_MIB} MiB`,
      [`--max-old-space-size=${HEAP_CAP_MIB}`],
    ).catch(failure);

    const details: ExportDetails = { sizes, streamed, streamedTenth, buffered, capped, cappedBuffered };
    const label = 'the same rows read in full, then sent';
    const mib = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
    const outcome = (m: DownloadMeasure | { error: string }) =>
      'rows' in m
        ? `${m.rows.toLocaleString('en-US')} rows, RSS ${m.rssBeforeMiB.toFixed(0)} → peak ${m.rssPeakMiB.toFixed(0)} MiB, ${m.seconds.toFixed(1)} s`
        : `failed: ${m.error.replace(/\s+/g, ' ').slice(0, 160)}`;
    const growth = (m: DownloadMeasure | { error: string }) => ('rows' in m ? m.rssGrowthMiB : null);
    const figures = [
      figure({
        benchmark: 'CSV export',
        metric: `API peak RSS growth, ${streamed.rows.toLocaleString('en-US')} payments streamed, V8 old generation capped at ${HEAP_CAP_MIB} MiB`,
        value: growth(capped),
        unit: 'MiB',
        baseline: {
          label: 'the same rows read in full, then sent, same cap',
          value: growth(cappedBuffered),
          unit: 'MiB',
        },
        ratioKind: 'multiple',
        note: `streamed: ${outcome(capped)}; buffered: ${outcome(cappedBuffered)}`,
      }),
      figure({
        benchmark: 'CSV export',
        metric: `API peak RSS growth, ${streamed.rows.toLocaleString('en-US')} payments streamed, default heap`,
        value: streamed.rssGrowthMiB,
        unit: 'MiB',
        baseline: { label, value: buffered.rssGrowthMiB, unit: 'MiB' },
        ratioKind: 'multiple',
        note: `V8 grows its heap before collecting garbage when it may; RSS ${streamed.rssBeforeMiB.toFixed(0)} → peak ${streamed.rssPeakMiB.toFixed(0)} MiB (${streamed.samples} samples) for a ${mib(streamed.bytes)} MiB file; buffered: ${outcome(buffered)}`,
      }),
      figure({
        benchmark: 'CSV export',
        metric: `API peak RSS growth, ${streamedTenth.rows.toLocaleString('en-US')} payments streamed (last 40 days), default heap`,
        value: streamedTenth.rssGrowthMiB,
        unit: 'MiB',
        baseline: {
          label: `streaming ${streamed.rows.toLocaleString('en-US')}`,
          value: streamed.rssGrowthMiB,
          unit: 'MiB',
        },
        ratioKind: 'multiple',
        note: `${mib(streamedTenth.bytes)} MiB file`,
      }),
      figure({
        benchmark: 'CSV export',
        metric: `time for ${streamed.rows.toLocaleString('en-US')} rows (download complete)`,
        value: streamed.seconds,
        unit: 's',
        baseline: { label, value: buffered.seconds, unit: 's' },
        ratioKind: 'multiple',
        note: `${Math.round(streamed.rows / streamed.seconds).toLocaleString('en-US')} rows/s, ${(streamed.bytes / 1024 ** 2 / streamed.seconds).toFixed(1)} MiB/s`,
      }),
    ];
    return { figures, details };
  } finally {
    await database.drop();
  }
}
