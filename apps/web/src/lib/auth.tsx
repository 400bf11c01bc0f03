import type { User } from '@enrollpay/schemas';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { readSession, type Session, writeSession } from './session.js';

interface AuthValue {
  user: User | null;
  signIn(session: Session): void;
  signOut(): void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children, onSignOut }: { children: ReactNode; onSignOut?: () => void }) {
  const [session, setSession] = useState<Session | null>(() => readSession());
  const signIn = useCallback((next: Session) => {
    writeSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    writeSession(null);
    setSession(null);
    onSignOut?.();
  }, [onSignOut]);
  const value = useMemo(() => ({ user: session?.user ?? null, signIn, signOut }), [session, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** Where a role lands after signing in. */
export function homeFor(user: User | null): string {
  if (user?.role === 'SPECIALIST') return '/dashboard';
  if (user?.role === 'ADMIN') return '/admin';
  return '/catalog';
}
