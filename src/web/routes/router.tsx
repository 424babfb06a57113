/**
 * The routes of the web app. Every page renders inside AppFrame, so the restricted banner is on all of them.
 *
 * All pages are in the one application chunk, administration included (a few kB compressed). Lazy-loaded routes
 * were tried: they move the shared zod contracts into a chunk of their own, which the browser then runs before
 * zod-csp.ts has switched zod to jitless mode, and the CSP reports zod's eval probe.
 */
import { createBrowserRouter } from 'react-router';
import { AppFrame } from '../ui/app-frame.tsx';
import { RouteErrorPage } from '../ui/route-error-page.tsx';
import { AccountPage } from './account/account-page.tsx';
import { AdminOrganisationsPage } from './admin/admin-organisations-page.tsx';
import { AdminRegistrationsPage } from './admin/admin-registrations-page.tsx';
import { AdminTermsPage } from './admin/admin-terms-page.tsx';
import { AdminUsersPage } from './admin/admin-users-page.tsx';
import { ResetPasswordCompletePage } from './auth/reset-password-complete-page.tsx';
import { ResetPasswordPage } from './auth/reset-password-page.tsx';
import { SecondFactorPage } from './auth/second-factor-page.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { TermsPage } from './auth/terms-page.tsx';
import { ChangePasswordPage } from './auth/change-password-page.tsx';
import { ExplorerPage } from './explorer/explorer-page.tsx';
import { DownloadsPage } from './downloads/downloads-page.tsx';
import { groupRoutes } from './groups/group-routes.tsx';
import { HomePage } from './home-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { CheckEmailPage } from './registration/check-email-page.tsx';
import { RegisterPage } from './registration/register-page.tsx';
import { VerifyEmailPage } from './registration/verify-email-page.tsx';
import { SpeciesPage } from './species-page.tsx';
import { ReportPage } from './reports/report-page.tsx';
import { ReportsPage } from './reports/reports-page.tsx';
import { StagingPage } from './reports/staging-page.tsx';
import { UploadPage } from './reports/upload-page.tsx';

export const router = createBrowserRouter([
  {
    element: <AppFrame />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'species', element: <SpeciesPage /> },
          { path: 'explorer', element: <ExplorerPage /> },
          { path: 'downloads', element: <DownloadsPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'register/check-email', element: <CheckEmailPage /> },
          { path: 'verify-email', element: <VerifyEmailPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'sign-in/second-factor', element: <SecondFactorPage /> },
          { path: 'terms', element: <TermsPage /> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'reset-password/complete', element: <ResetPasswordCompletePage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'admin/registrations', element: <AdminRegistrationsPage /> },
          { path: 'admin/users', element: <AdminUsersPage /> },
          { path: 'admin/organisations', element: <AdminOrganisationsPage /> },
          { path: 'admin/terms', element: <AdminTermsPage /> },
          { path: 'reports', element: <ReportsPage /> },
          { path: 'reports/upload', element: <UploadPage /> },
          { path: 'reports/imports/:id', element: <StagingPage /> },
          { path: 'reports/:id', element: <ReportPage /> },
          ...groupRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
