import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Metrics } from './metrics.js';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in the Prometheus text format, from this app's own registry. With METRICS_TOKEN set
 * the scraper must send `Authorization: Bearer <token>`.
 */
export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics; token: string | undefined }> = async (
  app,
  { metrics, token },
) => {
  app.get('/metrics', async (request, reply) => {
    if (token) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (!match?.[1] || !sameToken(match[1], token)) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send({ error: 'A valid metrics token is required' });
      }
    }
    try {
      const body = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(body);
    } catch (error) {
      request.log.error({ err: error }, 'metrics collection failed');
      return reply.code(503).send({ error: 'Metrics are unavailable: the database could not be read' });
    }
  });
};
