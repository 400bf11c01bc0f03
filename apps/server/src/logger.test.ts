import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { lazyChildLoggerFactory, loggerOptions } from './logger.js';

/** A Fastify app with our logger options and lazy request loggers, writing JSON lines into `lines`. */
function appWithLogs(lines: Record<string, unknown>[]) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const options = loggerOptions({ LOG_LEVEL: 'info', NODE_ENV: 'test' });
  const loggerInstance = pino(typeof options === 'object' && options !== null ? options : {}, stream);
  return Fastify({ loggerInstance, childLoggerFactory: lazyChildLoggerFactory });
}

describe('request loggers (lazy children)', () => {
  it('log with the request id, at the route level, and redact as before', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = appWithLogs(lines);
    app.post('/quiet', { logLevel: 'warn' }, async (request) => {
      request.log.info('an info line on a warn route');
      request.log.debug('a debug line');
      request.log.warn({ headers: { 'stripe-signature': 't=1,v1=abc' } }, 'a warning');
      request.log.child({ part: 'inner' }).error('from a child of the request logger');
      return { id: request.id };
    });
    app.get('/loud', async (request) => {
      request.log.info('an info line');
      return { id: request.id };
    });
    const quiet: { id: string } = (await app.inject({ method: 'POST', url: '/quiet', payload: {} })).json();
    const loud: { id: string } = (await app.inject({ method: 'GET', url: '/loud' })).json();
    await app.close();

    const quietLines = lines.filter((l) => l.reqId === quiet.id);
    expect(quietLines.map((l) => l.msg)).toEqual(['a warning', 'from a child of the request logger']);
    expect(quietLines[0]?.headers).toEqual({ 'stripe-signature': '[redacted]' });
    expect(quietLines[1]?.part).toBe('inner');
    // An info route logs Fastify's own request lines and ours, each with its request id.
    const loudLines = lines.filter((l) => l.reqId === loud.id).map((l) => l.msg);
    expect(loudLines).toEqual(['incoming request', 'an info line', 'request completed']);
    expect(quiet.id).not.toBe(loud.id);
  });
});
