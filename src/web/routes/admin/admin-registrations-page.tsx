/**
 * /admin/registrations — the review queue: Secretariat admins approve, reject or ask for more information;
 * focal points endorse their own Party's requests. The filters live in the URL.
 */
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Registration } from '../../../shared/registration.contract.ts';
import { useRegistrations, type RegistrationDecision } from '../../features/admin/admin.api.ts';
import { RegistrationCard } from '../../features/admin/registration-card.tsx';
import {
  filtersFromParams,
  filtersToParams,
  RegistrationFilterBar,
} from '../../features/admin/registration-filters.tsx';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

export function AdminRegistrationsPage() {
  return (
    <RequireSession abilities={['registration.review', 'registration.endorse']}>
      <Queue />
    </RequireSession>
  );
}

function Queue() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('registrations.title')} — ${t('app.name')}`);
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const registrations = useRegistrations(filters);
  const [lastDecision, setLastDecision] = useState<{
    name: string;
    kind: RegistrationDecision['kind'];
  } | null>(null);
  const items = registrations.data?.pages.flatMap((page) => page.items) ?? [];

  const onDecided = (registration: Registration, kind: RegistrationDecision['kind']) =>
    setLastDecision({ name: `${registration.firstName} ${registration.lastName}`, kind });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('registrations.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('registrations.intro')}
        </Text>
      </div>
      <RegistrationFilterBar
        value={filters}
        onChange={(next) => setParams(filtersToParams(next), { replace: true })}
      />
      <div aria-live="polite">
        {lastDecision ? (
          <Alert
            color="teal"
            variant="light"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setLastDecision(null)}
            data-testid="decision-notice"
          >
            {t(`registrations.decided.${lastDecision.kind}`, { name: lastDecision.name })}
          </Alert>
        ) : null}
      </div>
      {registrations.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {registrations.isError ? (
        <ErrorAlert error={registrations.error} onRetry={() => void registrations.refetch()} />
      ) : null}
      {registrations.isSuccess && items.length === 0 ? <Text>{t('registrations.empty')}</Text> : null}
      <Stack gap="md">
        {items.map((registration) => (
          <RegistrationCard key={registration.id} registration={registration} onDecided={onDecided} />
        ))}
      </Stack>
      {registrations.hasNextPage ? (
        <Group>
          <Button
            variant="default"
            loading={registrations.isFetchingNextPage}
            onClick={() => void registrations.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
