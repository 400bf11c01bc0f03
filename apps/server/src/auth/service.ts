import type { MeOutput, SignInInput, SignInOutput } from '@enrollpay/schemas';
import type { AppDeps } from '../deps.js';
import { UnauthorizedError } from '../errors.js';
import { verifyPassword } from './passwords.js';

// A valid argon2id hash of a random string: signing in as an unknown email costs the same time
// as a wrong password, so response times do not reveal which emails have accounts.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3Vh7ycHhTp3aA2i+aE0xj8vJbkBqNHbM8sQw4oN0T1w';

/** auth.signIn: email and password to a session token. */
export async function signIn(deps: AppDeps, input: SignInInput): Promise<SignInOutput> {
  const user = await deps.db.user.findUnique({
    where: { email: input.email.toLowerCase() },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !ok) throw new UnauthorizedError('Email or password is incorrect');
  const { token, expiresAt } = await deps.tokens.issue({ userId: user.id, role: user.role });
  return {
    accessToken: token,
    expiresAt: expiresAt.toISOString(),
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
  };
}

/** auth.me: the signed-in user. */
export async function me(deps: AppDeps, userId: string): Promise<MeOutput> {
  const user = await deps.db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true },
  });
  if (!user) throw new UnauthorizedError('Your account no longer exists');
  return user;
}
