import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The built web app on the API's origin (production): `/assets/*` are content-hashed, so they are
 * cached for a year as immutable; every other GET that is not an API path and asks for HTML gets
 * index.html (client-side routes), never cached so a deploy is picked up at once.
 */
const webApp: FastifyPluginAsync<{ root: string }> = async (app, { root }) => {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`WEB_DIST_DIR ${root} has no index.html; run \`pnpm build\` first`);
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader(
        'cache-control',
        /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const API_PATHS = /^\/(api|healthz|readyz|metrics|dev)(\/|$|\?)/;
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      wantsHtml &&
      !API_PATHS.test(request.url)
    ) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Not found' });
  });
};

export const webAppRoutes = fp(webApp, { name: 'enrollpay-web-app' });
