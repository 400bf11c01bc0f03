import { parseArgs } from 'node:util';
import { DEFAULT_ALLOWED_ORIGINS, DEFAULT_PORT, startEmulator } from './emulator.js';

const HELP = `stripe-emulator — a local Stripe API for development and tests

Usage: stripe-emulator [options]

  --port <n>             port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host <addr>          address to bind (default 127.0.0.1)
  --webhook-url <url>    deliver every event to this URL (env STRIPE_WEBHOOK_URL)
  --webhook-secret <s>   whsec_ secret to sign those deliveries (env STRIPE_WEBHOOK_SECRET)
  --connect-webhook-url <url>   deliver connected accounts' events here (env STRIPE_CONNECT_WEBHOOK_URL)
  --connect-webhook-secret <s>  secret for those (env STRIPE_CONNECT_WEBHOOK_SECRET)
  --control-token <t>    token the /_emulator controls require (env STRIPE_EMULATOR_TOKEN;
                         default: a random one, printed at start)
  --allow-origin <o,…>   web origins allowed to call the API from a browser (env WEB_ORIGIN;
                         default ${DEFAULT_ALLOWED_ORIGINS.join(',')})
  --snapshot <file>      keep state in this JSON file across restarts
  --retry <ms,ms,...>    webhook retry delays (default 5s doubling, 8 retries)
  --quiet                do not log requests and deliveries
  -h, --help             show this help
`;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'webhook-url': { type: 'string' },
    'webhook-secret': { type: 'string' },
    'connect-webhook-url': { type: 'string' },
    'connect-webhook-secret': { type: 'string' },
    snapshot: { type: 'string' },
    'control-token': { type: 'string' },
    'allow-origin': { type: 'string' },
    retry: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const webhookUrl = values['webhook-url'] ?? process.env.STRIPE_WEBHOOK_URL;
const webhookSecret = values['webhook-secret'] ?? process.env.STRIPE_WEBHOOK_SECRET;
if (webhookUrl && !webhookSecret) {
  process.stderr.write('stripe-emulator: --webhook-url needs --webhook-secret (or STRIPE_WEBHOOK_SECRET)\n');
  process.exit(2);
}
const connectUrl = values['connect-webhook-url'] ?? process.env.STRIPE_CONNECT_WEBHOOK_URL;
const connectSecret = values['connect-webhook-secret'] ?? process.env.STRIPE_CONNECT_WEBHOOK_SECRET;
if (connectUrl && !connectSecret) {
  process.stderr.write(
    'stripe-emulator: --connect-webhook-url needs --connect-webhook-secret (or STRIPE_CONNECT_WEBHOOK_SECRET)\n',
  );
  process.exit(2);
}
const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`stripe-emulator: invalid --port ${values.port}\n`);
  process.exit(2);
}

const controlToken = values['control-token'] ?? process.env.STRIPE_EMULATOR_TOKEN;
const allowOrigin = values['allow-origin'] ?? process.env.WEB_ORIGIN;
const emulator = await startEmulator({
  port,
  host: values.host ?? '127.0.0.1',
  webhooks: [
    ...(webhookUrl && webhookSecret ? [{ url: webhookUrl, secret: webhookSecret }] : []),
    ...(connectUrl && connectSecret ? [{ url: connectUrl, secret: connectSecret, connect: true }] : []),
  ],
  ...(controlToken ? { controlToken } : {}),
  ...(allowOrigin ? { allowedOrigins: allowOrigin.split(',').map((o) => o.trim()) } : {}),
  ...(values.snapshot ? { snapshotFile: values.snapshot } : {}),
  ...(values.retry ? { retrySchedule: values.retry.split(',').map(Number) } : {}),
  log: !values.quiet,
});
process.stdout.write(
  `Stripe emulator listening on ${emulator.url}\n` +
    `  Stripe.js stand-in: ${emulator.url}/js/stripe.js\n` +
    `  controls: ${emulator.url}/_emulator/… with "Authorization: Bearer ${controlToken ? '<your token>' : emulator.controlToken}"\n` +
    (webhookUrl
      ? `  webhooks → ${webhookUrl}\n`
      : '  no webhook URL (register endpoints with POST /v1/webhook_endpoints)\n') +
    (connectUrl ? `  Connect webhooks → ${connectUrl}\n` : ''),
);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void emulator.close().then(() => process.exit(0));
  });
}
