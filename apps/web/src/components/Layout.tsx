import { Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../lib/auth.js';
import { trpc } from '../lib/trpc.js';
import { Loading } from './Feedback.js';

export function Layout() {
  const { user, signOut } = useAuth();
  const location = useLocation();
  const config = trpc.system.config.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            enrollpay
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to="/catalog">Catalog</NavLink>
              </li>
              {user?.role === 'LEARNER' ? (
                <li>
                  <NavLink to="/payments" end>
                    My payments
                  </NavLink>
                </li>
              ) : null}
              {user?.role === 'SPECIALIST' ? (
                <>
                  <li>
                    <NavLink to="/dashboard" end>
                      Dashboard
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/dashboard/offerings">My offerings</NavLink>
                  </li>
                  <li>
                    <NavLink to="/dashboard/codes">Promotion codes</NavLink>
                  </li>
                  <li>
                    <NavLink to="/get-paid">Get paid</NavLink>
                  </li>
                </>
              ) : null}
              {user?.role === 'ADMIN' ? (
                <>
                  <li>
                    <NavLink to="/admin" end>
                      Operations
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/admin/connected-accounts">Connected accounts</NavLink>
                  </li>
                </>
              ) : null}
              {user?.role === 'SPECIALIST' || user?.role === 'ADMIN' ? (
                <li>
                  <NavLink to="/disputes">Disputes</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="session">
            {user ? (
              <>
                <span className="session-name">
                  {user.name} <span className="session-role">({user.role.toLowerCase()})</span>
                </span>
                <button type="button" className="button-link" onClick={signOut}>
                  Sign out
                </button>
              </>
            ) : (
              <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>Sign in</Link>
            )}
          </div>
        </div>
        {config.data?.emulator ? (
          <p className="test-mode-banner">
            Test mode: payments go to the local Stripe emulator. No real money moves.
          </p>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
