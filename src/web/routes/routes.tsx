/**
 * The routes of the web app. Every page renders inside AppFrame, so the restricted banner is on all of them.
 *
 * The pages a user opens before signing in (home, sign-in and its steps) are part of the first download, so a
 * user on a slow link can start at once; every other page is loaded when it is first opened (lazy-page.ts).
 * zod's jitless switch does not depend on which chunk runs first (zod-jitless.ts).
 */
import type { RouteObject } from 'react-router';
import { AppFrame } from '../ui/app-frame.tsx';
import { PageLoading } from '../ui/page-loading.tsx';
import { RouteErrorPage } from '../ui/route-error-page.tsx';
import { groupRoutes } from './groups/group-routes.tsx';
import { lazyPage } from './lazy-page.ts';
import { ChangePasswordPage } from './auth/change-password-page.tsx';
import { ResetPasswordCompletePage } from './auth/reset-password-complete-page.tsx';
import { ResetPasswordPage } from './auth/reset-password-page.tsx';
import { SecondFactorPage } from './auth/second-factor-page.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { TermsPage } from './auth/terms-page.tsx';
import { HomePage } from './home-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** The route table, apart from the browser router so tests can match addresses against it. */
export const routes: RouteObject[] = [
  {
    element: <AppFrame />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'species', ...lazyPage(() => import('./species-page.tsx'), 'SpeciesPage') },
          { path: 'explorer', ...lazyPage(() => import('./explorer/explorer-page.tsx'), 'ExplorerPage') },
          { path: 'downloads', ...lazyPage(() => import('./downloads/downloads-page.tsx'), 'DownloadsPage') },
          {
            path: 'access-receipts',
            ...lazyPage(() => import('./data-out/access-receipts-page.tsx'), 'AccessReceiptsPage'),
          },
          {
            path: 'publication/requests',
            ...lazyPage(() => import('./data-out/publication-requests-page.tsx'), 'PublicationRequestsPage'),
          },
          {
            path: 'publication/consents',
            ...lazyPage(() => import('./data-out/publication-consents-page.tsx'), 'PublicationConsentsPage'),
          },
          {
            path: 'publication/proofs',
            ...lazyPage(() => import('./data-out/publication-proofs-page.tsx'), 'PublicationProofsPage'),
          },
          { path: 'register', ...lazyPage(() => import('./registration/register-page.tsx'), 'RegisterPage') },
          {
            path: 'register/check-email',
            ...lazyPage(() => import('./registration/check-email-page.tsx'), 'CheckEmailPage'),
          },
          {
            path: 'verify-email',
            ...lazyPage(() => import('./registration/verify-email-page.tsx'), 'VerifyEmailPage'),
          },
          { path: 'sign-in', element: <SignInPage /> },
          {
            path: 'sign-in/second-factor',
            element: <SecondFactorPage />,
          },
          { path: 'terms', element: <TermsPage /> },
          {
            path: 'change-password',
            element: <ChangePasswordPage />,
          },
          {
            path: 'reset-password',
            element: <ResetPasswordPage />,
          },
          {
            path: 'reset-password/complete',
            element: <ResetPasswordCompletePage />,
          },
          {
            path: 'account',
            ...lazyPage(() => import('./account/account-page.tsx'), 'AccountPage'),
          },
          {
            path: 'admin/registrations',
            ...lazyPage(() => import('./admin/admin-registrations-page.tsx'), 'AdminRegistrationsPage'),
          },
          {
            path: 'admin/users',
            ...lazyPage(() => import('./admin/admin-users-page.tsx'), 'AdminUsersPage'),
          },
          {
            path: 'admin/organisations',
            ...lazyPage(() => import('./admin/admin-organisations-page.tsx'), 'AdminOrganisationsPage'),
          },
          {
            path: 'admin/terms',
            ...lazyPage(() => import('./admin/admin-terms-page.tsx'), 'AdminTermsPage'),
          },
          {
            path: 'admin/audit',
            ...lazyPage(() => import('./admin/admin-audit-page.tsx'), 'AdminAuditPage'),
          },
          {
            path: 'admin/outbox',
            ...lazyPage(() => import('./admin/admin-outbox-page.tsx'), 'AdminOutboxPage'),
          },
          {
            path: 'reports',
            ...lazyPage(() => import('./reports/reports-page.tsx'), 'ReportsPage', ['reports']),
          },
          {
            path: 'reports/upload',
            ...lazyPage(() => import('./reports/upload-page.tsx'), 'UploadPage', ['reports']),
          },
          {
            path: 'reports/imports/:id',
            ...lazyPage(() => import('./reports/staging-page.tsx'), 'StagingPage', ['reports']),
          },
          {
            path: 'reports/:id',
            ...lazyPage(() => import('./reports/report-page.tsx'), 'ReportPage', ['reports']),
          },
          ...groupRoutes,
          {
            path: 'permits',
            ...lazyPage(() => import('./permits/permit-lookup-page.tsx'), 'PermitLookupPage'),
          },
          {
            path: 'permits/registry',
            ...lazyPage(() => import('./permits/permit-registry-page.tsx'), 'PermitRegistryPage'),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
