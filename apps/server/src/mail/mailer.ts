import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Env } from '../env.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Our outbox message id: becomes the Message-ID, so a receiver can spot a re-sent copy. */
  outboxId: string;
}

export interface Mailer {
  /** 'smtp' sends over SMTP_URL; 'files' writes .eml + .json files to MAIL_DIR (development). */
  readonly kind: 'smtp' | 'files';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

function messageIdFor(outboxId: string): string {
  return `<${outboxId}@enrollpay.outbox>`;
}

/** Sends over SMTP with nodemailer; SMTP_URL is e.g. smtp://user:pass@mail.example.com:587. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, { from });
  return {
    kind: 'smtp',
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdFor(mail.outboxId),
      });
    },
    close: () => transport.close(),
  };
}

/** What the file mailer writes next to each .eml, and what GET /dev/mail lists. */
export const CapturedMailSchema = z.object({
  id: z.string(),
  outboxId: z.string(),
  messageId: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  date: z.string(),
  eml: z.string(),
});
export type CapturedMail = z.infer<typeof CapturedMailSchema>;

/**
 * Development mail: nothing leaves the machine, nothing is lost. Each message is rendered to a real
 * RFC 822 file (`<dir>/<id>.eml`, openable in any mail client) plus a `.json` summary.
 */
export function createFileMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const root = resolve(dir);
  return {
    kind: 'files',
    async send(mail) {
      const messageId = messageIdFor(mail.outboxId);
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
      });
      const date = new Date();
      const id = `${date.toISOString().replace(/[:.]/g, '-')}-${mail.outboxId}`;
      await mkdir(root, { recursive: true });
      const eml = join(root, `${id}.eml`);
      const body = Buffer.isBuffer(info.message) ? info.message : Buffer.from(String(info.message));
      await writeFile(eml, body);
      const captured: CapturedMail = {
        id,
        outboxId: mail.outboxId,
        messageId,
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        date: date.toISOString(),
        eml,
      };
      await writeFile(join(root, `${id}.json`), `${JSON.stringify(captured, null, 2)}\n`);
    },
    close: () => transport.close(),
  };
}

export function createMailer(env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_DIR'>): Mailer {
  return env.SMTP_URL
    ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM)
    : createFileMailer(env.MAIL_DIR, env.MAIL_FROM);
}

/** The captured development mails in `dir`, newest first. Unreadable files are skipped. */
export async function listCapturedMail(dir: string, limit = 100): Promise<CapturedMail[]> {
  const root = resolve(dir);
  const names = await readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const json = names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit);
  const mails: CapturedMail[] = [];
  for (const name of json) {
    try {
      const parsed = CapturedMailSchema.safeParse(JSON.parse(await readFile(join(root, name), 'utf8')));
      if (parsed.success) mails.push(parsed.data);
    } catch {
      // A half-written file from a concurrent send; it will be complete on the next look.
    }
  }
  return mails;
}
