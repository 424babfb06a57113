/** /groups/:groupId/messages and /sent — the inbox or the sent messages, with a search over what one may read. */
import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentGroup } from '../../features/groups/group-context.ts';
import { useMessages } from '../../features/groups/groups.api.ts';
import { MessageRows } from '../../features/groups/message-rows.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

export function MessagesPage({ folder }: { folder: 'inbox' | 'sent' }) {
  const { t } = useTranslation();
  const group = useCurrentGroup();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const messages = useMessages(group.id, folder, q);
  const items = messages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {folder === 'inbox' ? t('groups.messages.inboxTitle') : t('groups.messages.sentTitle')}
      </Title>
      <TextInput
        type="search"
        label={t('groups.messages.search')}
        placeholder={t('groups.messages.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maxLength={200}
        maw="32rem"
      />
      {messages.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {messages.isError ? (
        <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />
      ) : null}
      {messages.data && items.length === 0 ? (
        <Text c="dimmed" data-testid="messages-empty">
          {t('groups.messages.empty')}
        </Text>
      ) : null}
      {items.length > 0 ? <MessageRows messages={items} /> : null}
      {messages.hasNextPage ? (
        <Button
          variant="default"
          w="fit-content"
          loading={messages.isFetchingNextPage}
          onClick={() => void messages.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
