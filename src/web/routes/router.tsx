/**
 * The routes of the web app. Every page renders inside AppFrame, so the restricted banner is on all of them.
 * The administration pages are loaded on first use: most people never open them, and on a slow link they should
 * not pay for them.
 */
import { createBrowserRouter } from 'react-router';
import { AppFrame } from '../ui/app-frame.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RouteErrorPage } from '../ui/route-error-page.tsx';
import { AccountPage } from './account/account-page.tsx';
import { ResetPasswordCompletePage } from './auth/reset-password-complete-page.tsx';
import { ResetPasswordPage } from './auth/reset-password-page.tsx';
import { SecondFactorPage } from './auth/second-factor-page.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { TermsPage } from './auth/terms-page.tsx';
import { HomePage } from './home-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { CheckEmailPage } from './registration/check-email-page.tsx';
import { RegisterPage } from './registration/register-page.tsx';
import { VerifyEmailPage } from './registration/verify-email-page.tsx';
import { SpeciesPage } from './species-page.tsx';

export const router = createBrowserRouter([
  {
    element: <AppFrame />,
    hydrateFallbackElement: <PageLoader label="…" />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'species', element: <SpeciesPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'register/check-email', element: <CheckEmailPage /> },
          { path: 'verify-email', element: <VerifyEmailPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'sign-in/second-factor', element: <SecondFactorPage /> },
          { path: 'terms', element: <TermsPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'reset-password/complete', element: <ResetPasswordCompletePage /> },
          { path: 'account', element: <AccountPage /> },
          {
            path: 'admin/registrations',
            lazy: async () => ({
              Component: (await import('./admin/admin-registrations-page.tsx')).AdminRegistrationsPage,
            }),
          },
          {
            path: 'admin/users',
            lazy: async () => ({ Component: (await import('./admin/admin-users-page.tsx')).AdminUsersPage }),
          },
          {
            path: 'admin/organisations',
            lazy: async () => ({
              Component: (await import('./admin/admin-organisations-page.tsx')).AdminOrganisationsPage,
            }),
          },
          {
            path: 'admin/terms',
            lazy: async () => ({ Component: (await import('./admin/admin-terms-page.tsx')).AdminTermsPage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
