import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from './components/Feedback.js';
import { Layout } from './components/Layout.js';
import { RequireRole } from './components/RequireRole.js';
import { homeFor, useAuth } from './lib/auth.js';
import { CatalogPage } from './pages/CatalogPage.js';
import { OfferingPage } from './pages/OfferingPage.js';

// Route-level code splitting: the checkout never downloads recharts, the staff screens or the sign-in
// form (which validates with classic zod: about 21 kB gzipped that a signed-in learner does not need).
const SignInPage = lazy(() => import('./pages/SignInPage.js').then((m) => ({ default: m.SignInPage })));
const CheckoutPage = lazy(() => import('./pages/CheckoutPage.js').then((m) => ({ default: m.CheckoutPage })));
const PaymentResultPage = lazy(() =>
  import('./pages/PaymentResultPage.js').then((m) => ({ default: m.PaymentResultPage })),
);
const MyPaymentsPage = lazy(() =>
  import('./pages/MyPaymentsPage.js').then((m) => ({ default: m.MyPaymentsPage })),
);
const PaymentDetailsPage = lazy(() =>
  import('./pages/PaymentDetailsPage.js').then((m) => ({ default: m.PaymentDetailsPage })),
);
const DashboardPage = lazy(() =>
  import('./pages/specialist/DashboardPage.js').then((m) => ({ default: m.DashboardPage })),
);
const MyOfferingsPage = lazy(() =>
  import('./pages/specialist/MyOfferingsPage.js').then((m) => ({ default: m.MyOfferingsPage })),
);
const PromotionCodesPage = lazy(() =>
  import('./pages/specialist/PromotionCodesPage.js').then((m) => ({ default: m.PromotionCodesPage })),
);
const DisputesPage = lazy(() =>
  import('./pages/disputes/DisputesPage.js').then((m) => ({ default: m.DisputesPage })),
);
const DisputeEvidencePage = lazy(() =>
  import('./pages/disputes/DisputeEvidencePage.js').then((m) => ({ default: m.DisputeEvidencePage })),
);
const GetPaidPage = lazy(() =>
  import('./pages/specialist/GetPaidPage.js').then((m) => ({ default: m.GetPaidPage })),
);
const ConnectedAccountsPage = lazy(() =>
  import('./pages/admin/ConnectedAccountsPage.js').then((m) => ({ default: m.ConnectedAccountsPage })),
);
const OperationsPage = lazy(() =>
  import('./pages/admin/OperationsPage.js').then((m) => ({ default: m.OperationsPage })),
);

function Home() {
  const { user } = useAuth();
  return <Navigate to={homeFor(user)} replace />;
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="offerings/:offeringId" element={<OfferingPage />} />
        <Route
          path="offerings/:offeringId/checkout"
          element={
            <RequireRole roles={['LEARNER']}>
              <CheckoutPage />
            </RequireRole>
          }
        />
        <Route
          path="payments"
          element={
            <RequireRole roles={['LEARNER']}>
              <MyPaymentsPage />
            </RequireRole>
          }
        />
        <Route
          path="payments/:paymentId"
          element={
            <RequireRole roles={['LEARNER', 'SPECIALIST', 'ADMIN']}>
              <PaymentDetailsPage />
            </RequireRole>
          }
        />
        <Route
          path="payments/:paymentId/result"
          element={
            <RequireRole roles={['LEARNER']}>
              <PaymentResultPage />
            </RequireRole>
          }
        />
        <Route
          path="dashboard"
          element={
            <RequireRole roles={['SPECIALIST']}>
              <DashboardPage />
            </RequireRole>
          }
        />
        <Route
          path="dashboard/offerings"
          element={
            <RequireRole roles={['SPECIALIST']}>
              <MyOfferingsPage />
            </RequireRole>
          }
        />
        <Route
          path="dashboard/codes"
          element={
            <RequireRole roles={['SPECIALIST']}>
              <PromotionCodesPage />
            </RequireRole>
          }
        />
        <Route
          path="disputes"
          element={
            <RequireRole roles={['SPECIALIST', 'ADMIN']}>
              <DisputesPage />
            </RequireRole>
          }
        />
        <Route
          path="get-paid"
          element={
            <RequireRole roles={['SPECIALIST']}>
              <GetPaidPage />
            </RequireRole>
          }
        />
        <Route
          path="disputes/:disputeId"
          element={
            <RequireRole roles={['SPECIALIST', 'ADMIN']}>
              <DisputeEvidencePage />
            </RequireRole>
          }
        />
        <Route
          path="admin/connected-accounts"
          element={
            <RequireRole roles={['ADMIN']}>
              <ConnectedAccountsPage />
            </RequireRole>
          }
        />
        <Route
          path="admin"
          element={
            <RequireRole roles={['ADMIN']}>
              <OperationsPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
