/** /groups/:groupId/compose — write a new message; once sent, its thread is shown. */
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ComposeForm } from '../../features/groups/compose-form.tsx';
import { useCurrentGroup } from '../../features/groups/group-context.ts';

export function ComposePage() {
  const { t } = useTranslation();
  const group = useCurrentGroup();
  const navigate = useNavigate();
  return (
    <Stack gap="md" maw="48rem">
      <Title order={2} size="h3">
        {t('groups.compose.title')}
      </Title>
      <ComposeForm
        group={group}
        onSent={(message) => void navigate(`/groups/${group.id}/messages/${message.id}?sent=1`)}
      />
    </Stack>
  );
}
