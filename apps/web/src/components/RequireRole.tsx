import type { Role } from '@enrollpay/schemas';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../lib/auth.js';
import { Alert } from './Feedback.js';

/** Sends anonymous visitors to sign in (and back afterwards); other roles get a plain explanation. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!roles.includes(user.role)) {
    return (
      <Alert tone="warning" title="Not available for your account">
        This page is for {roles.map((r) => r.toLowerCase()).join(' or ')} accounts. You are signed in as{' '}
        {user.email}.
      </Alert>
    );
  }
  return <>{children}</>;
}
