import { Alert, Loading, QueryError } from '../../components/Feedback.js';
import { errorMessage } from '../../lib/errors.js';
import { trpc } from '../../lib/trpc.js';

const STATUS_TEXT = {
  NOT_STARTED: 'Not started',
  INCOMPLETE: 'Onboarding incomplete',
  RESTRICTED: 'Restricted',
  ACTIVE: 'Active',
} as const;

/** Admins: every specialist's Stripe connected account, what Stripe still needs, and their fee. */
export function ConnectedAccountsPage() {
  const accounts = trpc.admin.connectedAccounts.useQuery();
  const utils = trpc.useUtils();
  const setFee = trpc.admin.setFeeOverride.useMutation({
    onSuccess: () => utils.admin.connectedAccounts.invalidate(),
  });
  return (
    <div>
      <div className="page-head">
        <h1>Connected accounts</h1>
      </div>
      {accounts.isPending ? <Loading /> : null}
      {accounts.error ? <QueryError error={accounts.error} /> : null}
      {setFee.error ? <Alert>{errorMessage(setFee.error)}</Alert> : null}
      {accounts.data ? (
        <>
          <p className="muted">
            Default platform fee: {accounts.data.defaultFeeBps / 100} % (PLATFORM_FEE_BPS). An override
            applies to the specialist's future sales.
          </p>
          {accounts.data.items.length === 0 ? (
            <p className="muted">No specialist has started onboarding.</p>
          ) : null}
          {accounts.data.items.length > 0 ? (
            <table className="data-table" data-testid="connected-accounts">
              <thead>
                <tr>
                  <th scope="col">Specialist</th>
                  <th scope="col">Stripe account</th>
                  <th scope="col">Status</th>
                  <th scope="col">Still due</th>
                  <th scope="col" className="num">
                    Payouts
                  </th>
                  <th scope="col">Fee override (bps)</th>
                </tr>
              </thead>
              <tbody>
                {accounts.data.items.map((a) => (
                  <tr key={a.userId}>
                    <th scope="row">
                      {a.name} <span className="muted small">{a.email}</span>
                    </th>
                    <td>
                      <code>{a.stripeAccountId}</code>
                    </td>
                    <td>{STATUS_TEXT[a.status]}</td>
                    <td>
                      {a.currentlyDue.length ? a.currentlyDue.join(', ') : '—'}
                      {a.disabledReason ? <span className="small muted"> ({a.disabledReason})</span> : null}
                    </td>
                    <td className="num">{a.payoutCount}</td>
                    <td>
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          const raw = String(new FormData(e.currentTarget).get('feeBps') ?? '').trim();
                          setFee.mutate({ userId: a.userId, feeBps: raw === '' ? null : Number(raw) });
                        }}
                      >
                        <label className="visually-hidden" htmlFor={`fee-${a.userId}`}>
                          Fee override for {a.name} in basis points (empty = default)
                        </label>
                        <input
                          id={`fee-${a.userId}`}
                          name="feeBps"
                          inputMode="numeric"
                          defaultValue={a.feeBpsOverride ?? ''}
                          placeholder={String(accounts.data.defaultFeeBps)}
                          size={6}
                        />{' '}
                        <button type="submit" className="button-link" disabled={setFee.isPending}>
                          Save
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
