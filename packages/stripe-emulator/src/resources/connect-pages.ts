import type { FastifyInstance } from 'fastify';
import type Stripe from 'stripe';
import { type Ctx, now } from '../context.js';
import { completeOnboarding, DEFAULT_BANK_ACCOUNT_NUMBER } from './accounts.js';
import { balanceOf } from './balance.js';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function money(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

function day(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body style="font-family:system-ui;max-width:36rem;margin:3rem auto"><main>${body}</main></body></html>`;
}

function onboardingPage(account: Stripe.Account): string {
  const due = account.requirements?.currently_due ?? [];
  return page(
    'Set up payouts (Stripe emulator)',
    `<h1>Set up payouts</h1>
<p>Test onboarding for the Express account <code>${esc(account.id)}</code>${account.email ? ` (${esc(account.email)})` : ''}. This is the Stripe emulator's stand-in for Stripe's hosted onboarding.</p>
${due.length ? `<p>Still due: ${due.map(esc).join(', ')}</p>` : '<p>Nothing is due.</p>'}
<form method="post">
<input type="hidden" name="action" value="complete">
<p><label for="account_number">Bank account number (test)</label><br>
<input id="account_number" name="account_number" inputmode="numeric" value="${DEFAULT_BANK_ACCOUNT_NUMBER}"></p>
<p><small>000123456789 is paid; 000111111116 (no_account), 000111111113 (account_closed), 000222222227 (insufficient_funds) make payouts fail.</small></p>
<button type="submit">Complete onboarding</button>
</form>
<form method="post"><input type="hidden" name="action" value="incomplete"><button type="submit">Leave incomplete</button></form>`,
  );
}

function dashboardPage(account: Stripe.Account, balance: Stripe.Balance, payouts: Stripe.Payout[]): string {
  const rows = (list: Stripe.Balance.Available[]) =>
    list.map((b) => `<li>${esc(money(b.amount, b.currency))}</li>`).join('');
  const payoutRows = payouts
    .map(
      (p) =>
        `<tr><td>${esc(money(p.amount, p.currency))}</td><td>${esc(p.status)}</td><td>${esc(day(p.arrival_date))}</td><td><code>${esc(p.id)}</code></td></tr>`,
    )
    .join('');
  return page(
    'Express dashboard (Stripe emulator)',
    `<h1>Express dashboard</h1>
<p>Account <code>${esc(account.id)}</code>${account.email ? ` (${esc(account.email)})` : ''}</p>
<section aria-labelledby="balance"><h2 id="balance">Balance</h2>
<h3>Available</h3><ul>${rows(balance.available)}</ul>
<h3>Pending</h3><ul>${rows(balance.pending)}</ul></section>
<section aria-labelledby="payouts"><h2 id="payouts">Payouts</h2>
${
  payouts.length
    ? `<table><thead><tr><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Arrival date</th><th scope="col">Payout</th></tr></thead><tbody>${payoutRows}</tbody></table>`
    : '<p>No payouts yet.</p>'
}</section>`,
  );
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {};
}

/**
 * The pages Connect links lead to: hosted onboarding (`account_links`) and the Express dashboard
 * (`login_links`). An onboarding link is single use: opening it again, or after it expired, sends
 * the browser to `refresh_url`, as Stripe does. Both buttons return to `return_url`.
 */
export function registerConnectPages(app: FastifyInstance, ctx: Ctx): void {
  const links = ctx.store.connect.accountLinks;
  app.get('/setup/s/:account/:token', async (req, reply) => {
    const params = record(req.params);
    const link = links.get(String(params.token));
    if (!link || link.account !== params.account)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(page('Link not found', '<h1>Link not found</h1>'));
    const account = ctx.store.connect.accounts.get(link.account);
    if (!account || link.state !== 'new' || now(ctx) > link.expiresAt)
      return reply.redirect(link.refreshUrl, 303);
    link.state = 'opened';
    ctx.changed();
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(onboardingPage(account));
  });
  app.post('/setup/s/:account/:token', async (req, reply) => {
    const params = record(req.params);
    const body = record(req.body);
    const link = links.get(String(params.token));
    if (!link || link.account !== params.account)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(page('Link not found', '<h1>Link not found</h1>'));
    if (link.state !== 'opened' || now(ctx) > link.expiresAt || !ctx.store.connect.accounts.has(link.account))
      return reply.redirect(link.refreshUrl, 303);
    link.state = 'used';
    if (body.action === 'complete') {
      const number = typeof body.account_number === 'string' ? body.account_number.trim() : '';
      completeOnboarding(ctx, link.account, /^\d{4,17}$/.test(number) ? number : DEFAULT_BANK_ACCOUNT_NUMBER);
    }
    ctx.changed();
    return reply.redirect(link.returnUrl, 303);
  });
  app.get('/express/:account/:token', async (req, reply) => {
    const params = record(req.params);
    const link = ctx.store.connect.loginLinks.get(String(params.token));
    const account = link ? ctx.store.connect.accounts.get(link.account) : undefined;
    if (!link || !account || link.account !== params.account || now(ctx) > link.expiresAt)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(
          page('Link expired', '<h1>This login link has expired</h1><p>Ask the platform for a new one.</p>'),
        );
    const payouts = [...ctx.store.connect.payouts.values()]
      .filter((p) => ctx.store.connect.ownerOf(p.id) === account.id)
      .reverse();
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(dashboardPage(account, balanceOf(ctx, account.id), payouts));
  });
}
