/**
 * /admin/outbox — the e-mail the platform sent or still holds. A platform started without a mail server keeps its
 * messages here; a Secretariat admin opens a waiting one (recorded in the audit log) to pass its link on.
 */
import { Button, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OUTBOX_STATUSES, type OutboxMessage } from '../../../shared/outbox.contract.ts';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { OutboxBodyDialog } from '../../features/outbox/outbox-body-dialog.tsx';
import { OutboxTable } from '../../features/outbox/outbox-table.tsx';
import {
  outboxFiltersFromParams,
  outboxFiltersToParams,
  useOutbox,
  type OutboxFilters,
} from '../../features/outbox/outbox.api.ts';
import outboxEn from '../../i18n/outbox/en.json' with { type: 'json' };
import outboxEs from '../../i18n/outbox/es.json' with { type: 'json' };
import outboxFr from '../../i18n/outbox/fr.json' with { type: 'json' };
import { registerPageMessages } from '../../i18n/register-page-messages.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

registerPageMessages('outbox', { en: outboxEn, fr: outboxFr, es: outboxEs });

export function AdminOutboxPage() {
  return (
    <RequireSession abilities={['outbox.read']}>
      <Outbox />
    </RequireSession>
  );
}

function Outbox() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('outbox.title')} — ${t('app.name')}`);
  const [params, setParams] = useSearchParams();
  const filters = outboxFiltersFromParams(params);
  const outbox = useOutbox(filters);
  const [opened, setOpened] = useState<OutboxMessage | null>(null);
  const [recipient, setRecipient] = useState(filters.recipient);
  const apply = (next: OutboxFilters) => setParams(outboxFiltersToParams(next), { replace: true });
  const applyRecipient = useDebouncedCallback((text: string) => apply({ ...filters, recipient: text }), 400);
  const items = outbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('outbox.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('outbox.intro')}
        </Text>
      </div>
      <div className="itd-filter-bar" role="search" aria-label={t('outbox.filters')}>
        <Select
          label={t('outbox.status')}
          placeholder={t('common.any')}
          clearable
          data={OUTBOX_STATUSES.map((status) => ({ value: status, label: t(`outbox.statuses.${status}`) }))}
          value={filters.status}
          onChange={(status) =>
            apply({ ...filters, status: OUTBOX_STATUSES.find((known) => known === status) ?? null })
          }
        />
        <TextInput
          label={t('outbox.recipient')}
          value={recipient}
          onChange={(event) => {
            setRecipient(event.currentTarget.value);
            applyRecipient(event.currentTarget.value);
          }}
        />
      </div>
      <div aria-live="polite">
        {outbox.isPending ? <PageLoader label={t('common.loading')} /> : null}
        {outbox.isError ? <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
        {outbox.isSuccess && items.length === 0 ? <Text>{t('outbox.none')}</Text> : null}
      </div>
      {items.length > 0 ? <OutboxTable messages={items} onOpen={setOpened} /> : null}
      {outbox.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void outbox.fetchNextPage()}
          loading={outbox.isFetchingNextPage}
        >
          {t('outbox.more')}
        </Button>
      ) : null}
      {opened ? <OutboxBodyDialog message={opened} onClose={() => setOpened(null)} /> : null}
    </Stack>
  );
}
