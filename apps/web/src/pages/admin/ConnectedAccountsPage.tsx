import { Alert } from '../../components/Feedback.js';
import { QueryList, TableHead } from '../../components/ListSection.js';
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
  const defaultFeeBps = accounts.data?.defaultFeeBps;
  const utils = trpc.useUtils();
  const setFee = trpc.admin.setFeeOverride.useMutation({
    onSuccess: () => utils.admin.connectedAccounts.invalidate(),
  });
  return (
    <div>
      <div className="page-head">
        <h1>Connected accounts</h1>
      </div>
      {setFee.error ? <Alert>{errorMessage(setFee.error)}</Alert> : null}
      {defaultFeeBps !== undefined ? (
        <p className="muted">
          Default platform fee: {defaultFeeBps / 100} % (PLATFORM_FEE_BPS). An override applies to the
          specialist's future sales.
        </p>
      ) : null}
      <QueryList
        query={accounts}
        items={accounts.data?.items}
        empty={<p className="muted">No specialist has started onboarding.</p>}
      >
        {(items) => (
          <table className="data-table" data-testid="connected-accounts">
            <TableHead
              columns={[
                'Specialist',
                'Stripe account',
                'Status',
                'Still due',
                { label: 'Payouts', num: true },
                'Fee override (bps)',
              ]}
            />
            <tbody>
              {items.map((a) => (
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
                        placeholder={defaultFeeBps?.toString()}
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
        )}
      </QueryList>
    </div>
  );
}
