import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/**
 * The JavaScript a browser downloads to show the checkout route of a built app: the entry chunk, the
 * checkout page's lazy chunk and every chunk they import statically (Stripe.js itself is not ours and
 * loads separately). Sizes are gzip level 9, as a CDN would serve them; kB are 1000 bytes, as in `pnpm bench`.
 */
export async function checkoutRouteJs(dist: string): Promise<{ files: string[]; raw: number; gzip: number }> {
  const manifest: Record<string, ManifestChunk> = JSON.parse(
    await readFile(join(dist, '.vite/manifest.json'), 'utf8'),
  );
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('index.html');
  visit('src/pages/CheckoutPage.tsx');
  const files = [...seen].map((key) => manifest[key]!.file);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

// CLI: `pnpm --filter @enrollpay/web run size` builds the app and prints the figure.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? join(process.cwd(), 'dist');
  const { files, raw, gzip } = await checkoutRouteJs(dist);
  console.log(
    `checkout route JS: ${files.length} files, ${(raw / 1000).toFixed(1)} kB raw, ${(gzip / 1000).toFixed(1)} kB gzip`,
  );
  for (const f of files) console.log(`  ${f}`);
}
