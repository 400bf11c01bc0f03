import type { FastifyPluginAsync } from 'fastify';
import type { Env } from '../env.js';
import { listCapturedMail } from './mailer.js';

/**
 * `GET /dev/mail` — the development mailbox: the mails the file mailer captured (when SMTP_URL is
 * unset), newest first, as JSON. `GET /dev/mail/:id.html` shows one mail's HTML body. Registered only
 * outside production.
 */
export const devMailboxRoutes: FastifyPluginAsync<{ env: Pick<Env, 'MAIL_DIR' | 'SMTP_URL'> }> = async (
  app,
  { env },
) => {
  app.get('/dev/mail', async () => {
    if (env.SMTP_URL)
      return { transport: 'smtp', note: 'SMTP_URL is set: mail goes to that server', mails: [] };
    return { transport: 'files', directory: env.MAIL_DIR, mails: await listCapturedMail(env.MAIL_DIR) };
  });
  app.get<{ Params: { id: string } }>('/dev/mail/:id', async (request, reply) => {
    const id = request.params.id.replace(/\.html$/, '');
    const mail = (await listCapturedMail(env.MAIL_DIR, 1000)).find((m) => m.id === id || m.outboxId === id);
    if (!mail) return reply.code(404).send({ error: 'No captured mail with that id' });
    return reply
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .type('text/html; charset=utf-8')
      .send(mail.html);
  });
};
