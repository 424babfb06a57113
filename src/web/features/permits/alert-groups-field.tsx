/**
 * The groups a lost or stolen report also alerts: the author's own active groups (their law-enforcement members
 * are told in the platform and by e-mail, without the permit's contents). The server refuses a group the author
 * is not in.
 */
import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../ui/use-language.ts';
import { useGroupList } from '../groups/groups.api.ts';

export function AlertGroupsField({
  value,
  onChange,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const groups = useGroupList('mine');
  const mine = (groups.data?.items ?? []).filter(
    (group) => group.membership !== null && group.status === 'active',
  );
  if (groups.isPending) return null;
  if (mine.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('permits.alertGroupsNone')}
      </Text>
    );
  return (
    <Checkbox.Group label={t('permits.alertGroups')} value={value} onChange={onChange}>
      <Stack gap={4} mt={4}>
        {mine.map((group) => (
          <Checkbox key={group.id} value={group.id} label={group.name[language]} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
