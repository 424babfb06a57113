/**
 * Entry point of the web app.
 *
 * Styles: no <style> element may be created at runtime (CSP `style-src 'self'`). Mantine's stylesheet comes
 * first, then the theme variables and responsive classes generated at build time (see vite.config.ts), then
 * our own; the build turns them into static .css files linked in that order.
 *
 * Scripts: no eval either (CSP `script-src 'self'`), hence zod's jitless mode (zod-jitless.ts, through the
 * build's alias for `zod`).
 */
import '@mantine/core/styles.css';
import 'virtual:mantine-theme.css';
import './ui/app.css';

import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { queryClient } from './api/query-client.ts';
import { i18n, startI18n } from './i18n/i18n.ts';
import { router } from './routes/router.tsx';
import { theme } from './ui/theme.ts';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

// The router starts fetching the first page's code as soon as it is created (above), while the messages load.
await startI18n();

createRoot(rootElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {/* withCssVariables / withGlobalClasses off: each would inject a <style> element the CSP blocks. */}
      <MantineProvider
        theme={theme}
        forceColorScheme="light"
        withCssVariables={false}
        withGlobalClasses={false}
      >
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
