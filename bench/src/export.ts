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

/** Live-memory runs: how often the server collects garbage and samples what survives (a full GC costs a few ms). */
export const LIVE_SAMPLE_MS = 100;

export interface DownloadMeasure {
  rows: number;
  bytes: number;
  seconds: number;
  /** The API process's resident set (VmRSS) just before the request, and the highest seen while it ran. */
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssGrowthMiB: number;
  samples: number;
  /**
   * A live-memory run only (the server started with --expose-gc): what the process really held — the
   * heap in use after a full garbage collection plus external memory, sampled every LIVE_SAMPLE_MS —
   * its highest value minus its value just before the request.
   */
  live?: { beforeMiB: number; peakMiB: number; growthMiB: number; samples: number };
}

export interface ExportDetails {
  sizes: ExportSizes;
  /** Default heap: RSS and time as a server running as usual shows them. */
  streamed: DownloadMeasure;
  buffered: DownloadMeasure;
  /** The same downloads in live-memory runs, plus the last 40 days only (about a tenth of the rows). */
  live: { streamed: DownloadMeasure; streamedTenth: DownloadMeasure; buffered: DownloadMeasure };
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
    const inFreshProcess = async (path: string, what: string, live = false): Promise<DownloadMeasure> => {
      const app: BenchChild = startChild('./servers/export-server.ts', {
        env: live ? { ...env, BENCH_LIVE_SAMPLE_MS: String(LIVE_SAMPLE_MS) } : env,
        stdout: 'ignore',
        execArgv: live ? ['--expose-gc'] : [],
      });
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
        if (!live) return await measureDownload(`${base}${path}`, token, app.pid);
        app.send({ type: 'live-reset' });
        await app.next('live-reset-done');
        const measure = await measureDownload(`${base}${path}`, token, app.pid);
        app.send({ type: 'live-read' });
        const read = await app.next('live-memory');
        const beforeMiB = Number(read.baseBytes) / 1024 ** 2;
        const peakMiB = Number(read.peakBytes) / 1024 ** 2;
        return {
          ...measure,
          live: { beforeMiB, peakMiB, growthMiB: peakMiB - beforeMiB, samples: Number(read.samples) },
        };
      } finally {
        await app.stop();
      }
    };
    const all = '/api/exports/payments.csv';
    const recent = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const tenth = `/api/exports/payments.csv?from=${recent}`;
    const bufferedPath = '/bench/buffered-payments.csv';
    const streamed = await inFreshProcess(all, `streamed, ${sizes.payments} rows`);
    const buffered = await inFreshProcess(bufferedPath, 'buffered baseline, same rows');
    // Garbage vs. retention: V8 lets its heap grow before a full collection when memory allows (and
    // how far depends on timing, so on the machine's load), so RSS growth cannot tell garbage from
    // memory held. A cap on the old generation does not either, unless the baseline's rows reach the
    // cap (they do at 100,000 rows, not at 50,000). The live-memory runs collect garbage every
    // LIVE_SAMPLE_MS and count what survives.
    const live = {
      streamed: await inFreshProcess(all, `streamed, live memory (full GC every ${LIVE_SAMPLE_MS} ms)`, true),
      streamedTenth: await inFreshProcess(
        tenth,
        'streamed, the last 40 days (about a tenth of the rows), live memory',
        true,
      ),
      buffered: await inFreshProcess(bufferedPath, 'buffered, live memory', true),
    };

    const details: ExportDetails = { sizes, streamed, buffered, live };
    const label = 'the same rows read in full, then sent';
    const mib = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
    const rows = (m: DownloadMeasure) => m.rows.toLocaleString('en-US');
    const liveGrowth = (m: DownloadMeasure) => m.live?.growthMiB ?? null;
    const liveNote = (m: DownloadMeasure) =>
      m.live
        ? `${rows(m)} rows, live ${m.live.beforeMiB.toFixed(1)} → peak ${m.live.peakMiB.toFixed(1)} MiB (${m.live.samples} samples), RSS growth ${m.rssGrowthMiB.toFixed(1)} MiB, ${m.seconds.toFixed(1)} s`
        : '';
    const figures = [
      figure({
        benchmark: 'CSV export',
        metric: `API live memory growth (heap after a full GC, plus Buffers), ${rows(live.streamed)} payments streamed`,
        value: liveGrowth(live.streamed),
        unit: 'MiB',
        baseline: { label: `${label}, measured the same way`, value: liveGrowth(live.buffered), unit: 'MiB' },
        ratioKind: 'multiple',
        note: `full GC every ${LIVE_SAMPLE_MS} ms (--expose-gc); streamed: ${liveNote(live.streamed)}; buffered: ${liveNote(live.buffered)}`,
      }),
      figure({
        benchmark: 'CSV export',
        metric: `API live memory growth, ${rows(live.streamedTenth)} payments streamed (last 40 days)`,
        value: liveGrowth(live.streamedTenth),
        unit: 'MiB',
        baseline: {
          label: `streaming ${rows(live.streamed)}`,
          value: liveGrowth(live.streamed),
          unit: 'MiB',
        },
        ratioKind: 'multiple',
        note: `should not depend on the row count; ${mib(live.streamedTenth.bytes)} MiB file; ${liveNote(live.streamedTenth)}`,
      }),
      figure({
        benchmark: 'CSV export',
        metric: `API peak RSS growth, ${rows(streamed)} payments streamed, default heap`,
        value: streamed.rssGrowthMiB,
        unit: 'MiB',
        baseline: { label, value: buffered.rssGrowthMiB, unit: 'MiB' },
        ratioKind: 'multiple',
        note: `mostly garbage not yet collected (V8 grows its heap before a full collection, by how much depends on timing and load); RSS ${streamed.rssBeforeMiB.toFixed(0)} → peak ${streamed.rssPeakMiB.toFixed(0)} MiB (${streamed.samples} samples) for a ${mib(streamed.bytes)} MiB file; buffered: RSS ${buffered.rssBeforeMiB.toFixed(0)} → peak ${buffered.rssPeakMiB.toFixed(0)} MiB, ${buffered.seconds.toFixed(1)} s`,
      }),
      figure({
        benchmark: 'CSV export',
        metric: `time for ${rows(streamed)} rows (download complete)`,
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
