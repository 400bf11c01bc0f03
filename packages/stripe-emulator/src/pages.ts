import type Stripe from 'stripe';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function money(amount: number, currency: string): string {
  // Intl knows each currency's minor-unit digits (JPY has none, so 5000 is ¥5,000).
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 10 ** digits);
}

/** The 3-D Secure page used by the redirect flow (`return_url`); Stripe.js shows the same in a dialog. */
export function challengePage(pi: Stripe.PaymentIntent, returnUrl: string | null): string {
  const hidden = `<input type="hidden" name="client_secret" value="${esc(pi.client_secret ?? '')}">${
    returnUrl ? `<input type="hidden" name="return_url" value="${esc(returnUrl)}">` : ''
  }`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>3D Secure test authentication</title></head>
<body style="font-family:system-ui;max-width:28rem;margin:3rem auto">
<main role="dialog" aria-labelledby="t"><h1 id="t">3D Secure test authentication</h1>
<p>Payment of ${esc(money(pi.amount, pi.currency))}. This is the Stripe emulator's test challenge.</p>
<form method="post"><input type="hidden" name="outcome" value="complete">${hidden}<button type="submit">Complete authentication</button></form>
<form method="post"><input type="hidden" name="outcome" value="fail">${hidden}<button type="submit">Fail authentication</button></form>
</main></body></html>`;
}

export function receiptPage(ch: Stripe.Charge): string {
  const card = ch.payment_method_details?.card;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Receipt</title></head>
<body style="font-family:system-ui;max-width:28rem;margin:3rem auto"><h1>Receipt</h1>
<p>Amount paid: ${esc(money(ch.amount_captured || ch.amount, ch.currency))}</p>
${ch.amount_refunded ? `<p>Refunded: ${esc(money(ch.amount_refunded, ch.currency))}</p>` : ''}
<p>${esc(ch.description ?? '')}</p>
<p>Card: ${esc(card?.brand ?? 'card')} •••• ${esc(card?.last4 ?? '')}</p>
<p>Charge ${esc(ch.id)} (Stripe emulator — test mode)</p></body></html>`;
}
