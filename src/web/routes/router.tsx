/**
 * The routes of the web app. Every page renders inside AppFrame, so the restricted banner is on all of them.
 */
import { createBrowserRouter } from 'react-router';
import { AppFrame } from '../ui/app-frame.tsx';
import { RouteErrorPage } from '../ui/route-error-page.tsx';
import { HomePage } from './home-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { SpeciesPage } from './species-page.tsx';

export const router = createBrowserRouter([
  {
    element: <AppFrame />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'species', element: <SpeciesPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
