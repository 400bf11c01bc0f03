import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Figure, figure } from './results.js';

const webRoot = fileURLToPath(new URL('../../apps/web/', import.meta.url));
/** The route module the checkout page is split into (App.tsx lazy-loads it). */
const CHECKOUT_SOURCE = /(^|\/)src\/pages\/CheckoutPage\.tsx$/;

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/**
 * The JavaScript files a first visit to the checkout route downloads: the entry chunk and its static
 * imports, plus the checkout route's lazy chunk and its static imports (never other routes' dynamic
 * imports). Stripe.js itself is a <script> from Stripe's (or the emulator's) URL, never in the bundle.
 */
export function checkoutFiles(manifest: Manifest): { files: string[]; checkoutChunk: string | null } {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const checkoutKey =
    Object.keys(manifest).find((key) => CHECKOUT_SOURCE.test(manifest[key]?.src ?? key)) ?? null;
  if (checkoutKey) visit(checkoutKey);
  return {
    files: [...files].filter((f) => f.endsWith('.js')),
    checkoutChunk: checkoutKey ? (manifest[checkoutKey]?.file ?? null) : null,
  };
}

export interface WebDetails {
  available: boolean;
  reason?: string;
  buildSeconds?: number;
  checkoutFiles?: { file: string; bytes: number; gzipBytes: number }[];
  checkoutChunk?: string | null;
  checkoutGzipBytes?: number;
  allJsGzipBytes?: number;
}

const gzipSize = (data: Buffer) => gzipSync(data, { level: 9 }).length;

/** Benchmark 4: build apps/web with Vite into a temp dir and weigh what the checkout route loads. */
export async function benchWeb(
  log: (line: string) => void,
): Promise<{ figures: Figure[]; details: WebDetails }> {
  let details: WebDetails;
  if (!existsSync(join(webRoot, 'index.html')) || !existsSync(join(webRoot, 'vite.config.ts'))) {
    details = { available: false, reason: 'apps/web has no index.html / vite.config.ts yet' };
  } else {
    const outDir = await mkdtemp(join(tmpdir(), 'enrollpay-bench-web-'));
    try {
      log('web: vite build of apps/web');
      const { build } = await import('vite');
      const started = performance.now();
      await build({
        root: webRoot,
        configFile: join(webRoot, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
      });
      const buildSeconds = (performance.now() - started) / 1000;
      const manifest: Manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8'));
      const { files, checkoutChunk } = checkoutFiles(manifest);
      const weigh = async (file: string) => {
        const data = await readFile(join(outDir, file));
        return { file, bytes: data.length, gzipBytes: gzipSize(data) };
      };
      const checkout = await Promise.all(files.map(weigh));
      const allJs = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith('.js'));
      const all = await Promise.all(allJs.map(weigh));
      details = {
        available: checkoutChunk !== null,
        ...(checkoutChunk === null
          ? { reason: 'no lazy chunk for src/pages/CheckoutPage.tsx in the build' }
          : {}),
        buildSeconds,
        checkoutFiles: checkout,
        checkoutChunk,
        checkoutGzipBytes: checkout.reduce((s, f) => s + f.gzipBytes, 0),
        allJsGzipBytes: all.reduce((s, f) => s + f.gzipBytes, 0),
      };
    } catch (error) {
      details = { available: false, reason: `vite build failed: ${String(error).split('\n')[0]}` };
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }
  const kb = (bytes: number | undefined) => (details.available && bytes !== undefined ? bytes / 1000 : null);
  const figures = [
    figure({
      benchmark: 'Web',
      metric: 'checkout route JavaScript, gzipped (Stripe.js excluded)',
      value: kb(details.checkoutGzipBytes),
      unit: 'kB',
      baseline: { label: 'all JavaScript the app ships', value: kb(details.allJsGzipBytes), unit: 'kB' },
      ratioKind: 'share',
      targets: [{ on: 'value', op: '<=', threshold: 150, text: '≤ 150 kB gz' }],
      ...(details.available
        ? {
            note: `${details.checkoutFiles?.length} files: ${details.checkoutFiles?.map((f) => `${f.file} ${(f.gzipBytes / 1000).toFixed(1)} kB`).join(', ')}`,
          }
        : { note: `not available: ${details.reason}` }),
    }),
  ];
  return { figures, details };
}
