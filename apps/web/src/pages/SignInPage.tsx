import { SignInInputSchema } from '@enrollpay/schemas';
import { type FormEvent, useId, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../components/Feedback.js';
import { homeFor, useAuth } from '../lib/auth.js';
import { errorMessage, issuesByField } from '../lib/errors.js';
import { trpc } from '../lib/trpc.js';

/** Only same-site paths, so ?next= cannot send someone elsewhere after signing in. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function SignInPage() {
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const config = trpc.system.config.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });
  const mutation = trpc.auth.signIn.useMutation({
    onSuccess(session) {
      signIn(session);
      navigate(safeNext(params.get('next')) ?? homeFor(session.user), { replace: true });
    },
  });
  if (user && !mutation.isSuccess)
    return <Navigate to={safeNext(params.get('next')) ?? homeFor(user)} replace />;
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <SignInForm onSubmit={(input) => mutation.mutate(input)} pending={mutation.isPending} />
      {mutation.error ? <Alert title="Could not sign in">{errorMessage(mutation.error)}</Alert> : null}
      {config.data?.demo ? <DemoAccounts {...config.data.demo} /> : null}
    </div>
  );
}

export function SignInForm({
  onSubmit,
  pending,
  initialEmail = '',
}: {
  onSubmit: (input: { email: string; password: string }) => void;
  pending: boolean;
  initialEmail?: string;
}) {
  const id = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = SignInInputSchema.safeParse({
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
    });
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      const first = parsed.error.issues[0]?.path[0];
      if (typeof first === 'string')
        event.currentTarget.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    onSubmit(parsed.data);
  }
  return (
    <form className="card form" onSubmit={handleSubmit} noValidate aria-label="Sign in">
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={initialEmail}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? `${id}-email-error` : undefined}
        />
        {errors.email ? (
          <p className="field-error" id={`${id}-email-error`}>
            {errors.email}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? `${id}-password-error` : undefined}
        />
        {errors.password ? (
          <p className="field-error" id={`${id}-password-error`}>
            {errors.password}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

interface DemoAccountsProps {
  password: string;
  accounts: { email: string; name: string; role: string }[];
}

function DemoAccounts({ password, accounts }: DemoAccountsProps) {
  return (
    <section className="card demo-accounts" aria-labelledby="demo-title">
      <h2 id="demo-title">Demo accounts</h2>
      <p>
        Every demo account uses the password <code>{password}</code>.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.email}>
              <td>
                <code>{a.email}</code>
              </td>
              <td>{a.name}</td>
              <td>{a.role.charAt(0) + a.role.slice(1).toLowerCase()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
