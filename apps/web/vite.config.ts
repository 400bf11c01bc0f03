import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { apiDocsPlugin } from './dev/api-docs.js';

// The API runs separately (apps/server, port 5001). Both `vite` (dev) and `vite preview` (the built app)
// proxy /api to it, so the browser only ever talks to one origin and the tRPC client uses relative URLs.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:5001';
const proxy = { '/api': { target: apiUrl, changeOrigin: false } };

export default defineConfig({
  // apiDocsPlugin: the API reference at /docs/api, in development.
  plugins: [react(), apiDocsPlugin()],
  server: { port: Number(process.env.WEB_PORT ?? 3000), strictPort: true, proxy },
  preview: { port: Number(process.env.WEB_PORT ?? 3000), strictPort: true, proxy },
  build: { outDir: 'dist', manifest: true, sourcemap: true },
});
