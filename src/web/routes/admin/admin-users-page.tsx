/** /admin/users — the Secretariat's list of users, filtered by status, organisation and text; suspend etc. */
import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_STATUSES, type User } from '../../../shared/admin.contract.ts';
import { useOrganisations, useUsers, type UserStatusChange } from '../../features/admin/admin.api.ts';
import { StatusChangeDialog } from '../../features/admin/status-change-dialog.tsx';
import { UserTable } from '../../features/admin/user-table.tsx';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

export function AdminUsersPage() {
  return (
    <RequireSession abilities={['user.list']}>
      <Users />
    </RequireSession>
  );
}

function Users() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('users.title')} — ${t('app.name')}`);
  const [status, setStatus] = useState<User['status'] | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [text, setText] = useState('');
  // One request per pause in typing, not per key (slow links).
  const [q] = useDebouncedValue(text.trim(), 300);
  const users = useUsers({ status, organisationId, q });
  const organisations = useOrganisations();
  const [target, setTarget] = useState<{ user: User; change: UserStatusChange } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <Title order={1}>{t('users.title')}</Title>
      <div className="itd-filter-bar" role="search" aria-label={t('users.filters')}>
        <TextInput
          type="search"
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Select
          label={t('users.status')}
          clearable
          placeholder={t('common.any')}
          data={USER_STATUSES.map((value) => ({ value, label: t(`users.statuses.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(USER_STATUSES.find((known) => known === value) ?? null)}
        />
        <Select
          label={t('users.organisation')}
          clearable
          searchable
          placeholder={t('common.any')}
          data={(organisations.data?.items ?? []).map((organisation) => ({
            value: organisation.id,
            label: organisation.name,
          }))}
          value={organisationId}
          onChange={setOrganisationId}
        />
      </div>
      <div aria-live="polite">
        {notice ? (
          <Alert
            color="teal"
            variant="light"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setNotice(null)}
          >
            {notice}
          </Alert>
        ) : null}
      </div>
      {users.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {users.isError ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.isSuccess && items.length === 0 ? <Text>{t('users.empty')}</Text> : null}
      {items.length > 0 ? (
        <UserTable users={items} onAction={(user, change) => setTarget({ user, change })} />
      ) : null}
      {users.hasNextPage ? (
        <Group>
          <Button
            variant="default"
            loading={users.isFetchingNextPage}
            onClick={() => void users.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
      <StatusChangeDialog
        target={target}
        onClose={() => setTarget(null)}
        onChanged={(user, change) => {
          setTarget(null);
          setNotice(t(`users.changed.${change}`, { name: `${user.firstName} ${user.lastName}` }));
        }}
      />
    </Stack>
  );
}
