// @vitest-environment node
// The web app's dev server (its real vite.config.ts) answers /docs/api with the API reference.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROCEDURE_PATHS } from '@enrollpay/schemas';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_DOCS_PATH, apiDocsFile } from './api-docs.js';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('the API reference in development', () => {
  let server: ViteDevServer;
  let base = '';
  beforeAll(async () => {
    server = await createServer({
      configFile: join(webDir, 'vite.config.ts'),
      root: webDir,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', strictPort: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('vite has no port');
    base = `http://127.0.0.1:${address.port}`;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it(`serves ${API_DOCS_PATH} as one HTML page with every procedure, linked from its table of contents`, async () => {
    const response = await fetch(`${base}${API_DOCS_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<title>enrollpay API reference</title>');
    for (const path of PROCEDURE_PATHS) {
      const id = path.replace(/\./g, '').toLowerCase();
      expect(html, path).toContain(`<h3 id="${id}">${path}</h3>`);
      expect(html, path).toContain(`href="#${id}"`);
    }
    expect(html).toContain('<th>field</th>');
    expect(html).toContain('client.payments.createIntent.mutate(');
  });

  it('shows the committed reference of @enrollpay/schemas', async () => {
    const markdown = readFileSync(apiDocsFile(), 'utf8');
    const version = /Contract version \*\*([\d.]+)\*\*/.exec(markdown)?.[1];
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const html = await (await fetch(`${base}${API_DOCS_PATH}`)).text();
    expect(html).toContain(`Contract version <strong>${version}</strong>`);
  });

  it('leaves other paths to the app', async () => {
    const response = await fetch(`${base}/docs/api-other`);
    expect(await response.text()).not.toContain('enrollpay API reference');
  });
});
