/** /groups/:groupId/library/new — an owner publishes a document or an alert; then its page is shown. */
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentGroup } from '../../features/groups/group-context.ts';
import { LibraryForm } from '../../features/groups/library-form.tsx';
import { GroupNotFound } from './group-layout.tsx';

export function LibraryNewPage() {
  const { t } = useTranslation();
  const group = useCurrentGroup();
  const navigate = useNavigate();
  if (!group.abilities.includes('publish')) return <GroupNotFound text={t('notFound.text')} />;
  return (
    <Stack gap="md" maw="48rem">
      <Title order={2} size="h3">
        {t('groups.library.new')}
      </Title>
      <LibraryForm
        mode="new"
        groupId={group.id}
        onPublished={(item) => void navigate(`/groups/${group.id}/library/${item.id}?published=1`)}
      />
    </Stack>
  );
}
