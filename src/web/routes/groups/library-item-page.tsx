/**
 * /groups/:groupId/library/:itemId — a document or alert: its summary, tags and audience, every version (newest
 * first) with its files as download links, and for owners a form for a new version. An item the person may not
 * see is "not found", exactly like a missing one.
 */
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useCurrentGroup } from '../../features/groups/group-context.ts';
import { useLibraryItem } from '../../features/groups/groups.api.ts';
import { LibraryForm } from '../../features/groups/library-form.tsx';
import { FileLinks } from '../../features/groups/message-parts.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { GroupNotFound } from './group-layout.tsx';

export function LibraryItemPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const group = useCurrentGroup();
  const { itemId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const item = useLibraryItem(group.id, itemId);
  const [isAddingVersion, setAddingVersion] = useState(false);
  const [newVersion, setNewVersion] = useState<number | null>(null);

  if (item.isPending) return <PageLoader label={t('common.loading')} />;
  if (item.isError) {
    if (isApiError(item.error) && (item.error.status === 404 || item.error.status === 400)) {
      return <GroupNotFound text={t('groups.library.notFound')} />;
    }
    return <ErrorAlert error={item.error} onRetry={() => void item.refetch()} />;
  }
  const current = item.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/groups/${group.id}/library`} size="sm">
        {t('groups.library.back')}
      </Anchor>
      {searchParams.get('published') ? (
        <Alert color="teal" variant="light" role="status">
          {t('groups.library.publishedNotice', { title: current.title })}
        </Alert>
      ) : null}
      {newVersion ? (
        <Alert color="teal" variant="light" role="status">
          {t('groups.library.versionPublished', { number: newVersion })}
        </Alert>
      ) : null}
      <Card
        withBorder
        padding="lg"
        component="article"
        className={current.kind === 'alert' ? 'itd-alert-item' : undefined}
      >
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <Badge color={current.kind === 'alert' ? 'red' : 'gray'} variant="light">
              {t(`groups.kinds.${current.kind}`)}
            </Badge>
            <Badge color={current.audience === 'law_enforcement' ? 'red' : 'teal'} variant="outline">
              {t(`groups.audiences.${current.audience}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t(`language.${current.language}`)} · {t('groups.library.version', { number: current.version })}
            </Text>
          </Group>
          <Title order={2} size="h3" className="itd-preformatted">
            {current.title}
          </Title>
          {current.summary ? <Text className="itd-message-body">{current.summary}</Text> : null}
          {current.tags.length > 0 ? (
            <Group gap={6}>
              {current.tags.map((tag) => (
                <Badge key={tag} variant="dot" color="gray">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : null}
        </Stack>
      </Card>
      <Title order={3} size="h4">
        {t('groups.library.versions')}
      </Title>
      {current.versions.map((version) => (
        <Card key={version.version} withBorder padding="md" data-testid="library-version">
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>
                {t('groups.library.version', { number: version.version })} — {version.title}
              </Text>
              <Text size="xs" c="dimmed">
                {version.createdBy} · {formatDateTime(version.createdAt, language)}
              </Text>
            </Group>
            {version.note ? (
              <Text size="sm" className="itd-preformatted">
                {version.note}
              </Text>
            ) : null}
            <FileLinks files={version.files} />
          </Stack>
        </Card>
      ))}
      {current.abilities.includes('add_version') && group.status === 'active' ? (
        isAddingVersion ? (
          <Card withBorder padding="lg">
            <Title order={3} size="h4" mb="sm">
              {t('groups.library.newVersion')}
            </Title>
            <LibraryForm
              mode="version"
              groupId={group.id}
              item={current}
              onPublished={(updated) => {
                setAddingVersion(false);
                setNewVersion(updated.version);
              }}
            />
          </Card>
        ) : (
          <Button variant="light" w="fit-content" onClick={() => setAddingVersion(true)}>
            {t('groups.library.newVersion')}
          </Button>
        )
      ) : null}
    </Stack>
  );
}
