/**
 * /groups/:groupId/library — documents and alerts the person may see, with filters (kind, language, tag) and a
 * search. The count is the server's: it counts only what this person may see.
 */
import { Anchor, Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIBRARY_KINDS } from '../../../shared/groups.contract.ts';
import { LANGUAGES, type Language } from '../../../shared/languages.ts';
import { useCurrentGroup } from '../../features/groups/group-context.ts';
import { useLibrary, type LibraryFilters } from '../../features/groups/groups.api.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';

export function LibraryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const group = useCurrentGroup();
  const [kind, setKind] = useState<LibraryFilters['kind']>(null);
  const [itemLanguage, setItemLanguage] = useState<Language | null>(null);
  const [tag, setTag] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [tagFilter] = useDebouncedValue(tag.trim(), 300);
  const library = useLibrary(group.id, { kind, language: itemLanguage, tag: tagFilter, q });
  const items = library.data?.pages.flatMap((page) => page.items) ?? [];
  const total = library.data?.pages[0]?.total;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          {t('groups.library.title')}
        </Title>
        {group.abilities.includes('publish') && group.status === 'active' ? (
          <Button component={Link} to={`/groups/${group.id}/library/new`}>
            {t('groups.library.new')}
          </Button>
        ) : null}
      </Group>
      <div className="itd-filter-bar">
        <Select
          label={t('groups.library.kind')}
          data={[
            { value: '', label: t('groups.library.anyKind') },
            ...LIBRARY_KINDS.map((value) => ({ value, label: t(`groups.kinds.${value}`) })),
          ]}
          value={kind ?? ''}
          onChange={(value) => setKind(value === 'document' || value === 'alert' ? value : null)}
          allowDeselect={false}
        />
        <Select
          label={t('groups.library.language')}
          data={[
            { value: '', label: t('groups.library.anyLanguage') },
            ...LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) })),
          ]}
          value={itemLanguage ?? ''}
          onChange={(value) => setItemLanguage(LANGUAGES.find((code) => code === value) ?? null)}
          allowDeselect={false}
        />
        <TextInput
          label={t('groups.library.tags')}
          value={tag}
          onChange={(event) => setTag(event.currentTarget.value)}
          maxLength={100}
        />
        <TextInput
          type="search"
          label={t('groups.library.search')}
          placeholder={t('groups.library.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={200}
        />
      </div>
      {total !== undefined ? (
        <Text size="sm" c="dimmed" data-testid="library-total">
          {t('groups.library.count', { count: total })}
        </Text>
      ) : null}
      {library.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {library.isError ? <ErrorAlert error={library.error} onRetry={() => void library.refetch()} /> : null}
      {library.data && items.length === 0 ? <Text c="dimmed">{t('groups.library.empty')}</Text> : null}
      <ul className="itd-message-list" data-testid="library-list">
        {items.map((item) => (
          <li
            key={item.id}
            data-testid="library-row"
            className={`itd-message-row${item.kind === 'alert' ? ' itd-alert-item' : ''}`}
          >
            <Anchor
              component={Link}
              to={`/groups/${group.id}/library/${item.id}`}
              className="itd-message-row__subject"
            >
              {item.title}
            </Anchor>
            <div className="itd-message-row__meta">
              <Badge size="xs" color={item.kind === 'alert' ? 'red' : 'gray'} variant="light">
                {t(`groups.kinds.${item.kind}`)}
              </Badge>
              <span>{t(`language.${item.language}`)}</span>
              <span>{formatDate(item.publishedAt, language)}</span>
              <span>{t('groups.library.version', { number: item.version })}</span>
              {item.audience === 'law_enforcement' ? (
                <Badge size="xs" color="red" variant="outline">
                  {t('groups.audiences.law_enforcement')}
                </Badge>
              ) : null}
              {item.tags.map((itemTag) => (
                <Badge key={itemTag} size="xs" variant="dot" color="gray">
                  {itemTag}
                </Badge>
              ))}
            </div>
            {item.summary ? (
              <Text className="itd-message-row__preview" lineClamp={2}>
                {item.summary}
              </Text>
            ) : null}
          </li>
        ))}
      </ul>
      {library.hasNextPage ? (
        <Button
          variant="default"
          w="fit-content"
          loading={library.isFetchingNextPage}
          onClick={() => void library.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
