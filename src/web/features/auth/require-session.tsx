/**
 * Guards a page that needs a signed-in person: nobody signed in → the sign-in page (coming back here after);
 * a sign-in step left to do → that step; signed in without the ability the page needs → a plain refusal.
 * The server refuses anyway; this only spares the person a page of errors.
 */
import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Action } from '../../../shared/permissions.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { hasAbility, useSession } from './session.queries.ts';
import { pathForStep, signInPath } from './sign-in-steps.ts';

export interface RequireSessionProps {
  /** The page needs at least one of these abilities. */
  abilities?: Action[];
  children: ReactNode;
}

export function RequireSession({ abilities, children }: RequireSessionProps) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;

  if (session.isPending) return <PageLoader label={t('auth.checkingSession')} />;
  if (session.isError && session.data === undefined) {
    return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  }
  const current = session.data ?? null;
  if (current === null) return <Navigate to={signInPath(here)} replace />;
  if (current.next !== 'done') return <Navigate to={pathForStep(current.next, here)} replace />;
  if (abilities && !hasAbility(current, ...abilities)) {
    return (
      <Stack gap="sm">
        <Title order={1}>{t('auth.forbiddenTitle')}</Title>
        <Text>{t('auth.forbiddenText')}</Text>
      </Stack>
    );
  }
  return children;
}
