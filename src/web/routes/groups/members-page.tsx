/**
 * /groups/:groupId/members — the group's members (only reachable when the group's abilities include listing
 * them: never for plain members of a confidential group). Owners change a member's category or owner flag and
 * remove members, as each row's `abilities` allow.
 */
import { Alert, Badge, Button, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_CATEGORIES, type Member, type MemberCategory } from '../../../shared/groups.contract.ts';
import { useCountryName } from '../../features/reference/countries.queries.ts';
import { useCurrentGroup } from '../../features/groups/group-context.ts';
import { useMembers, useRemoveMember, useUpdateMember } from '../../features/groups/groups.api.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { GroupNotFound } from './group-layout.tsx';

export function MembersPage() {
  const { t } = useTranslation();
  const group = useCurrentGroup();
  const mayList = group.abilities.includes('list_members');
  const members = useMembers(group.id, mayList);
  const [notice, setNotice] = useState<string | null>(null);
  if (!mayList) return <GroupNotFound text={t('groups.members.hidden')} />;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('groups.members.title')}
        {members.data ? ` (${members.data.items.length})` : ''}
      </Title>
      {notice ? (
        <Alert color="teal" variant="light" role="status">
          {notice}
        </Alert>
      ) : null}
      {members.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {members.isError ? <ErrorAlert error={members.error} onRetry={() => void members.refetch()} /> : null}
      {members.data?.items.length === 0 ? <Text c="dimmed">{t('groups.members.empty')}</Text> : null}
      {members.data && members.data.items.length > 0 ? (
        // A list of rows rather than a table: on a phone each member wraps onto a few lines instead of being
        // squeezed into narrow columns.
        <ul className="itd-message-list">
          {members.data.items.map((member) => (
            <MemberRow key={member.userId} member={member} onNotice={setNotice} />
          ))}
        </ul>
      ) : null}
    </Stack>
  );
}

function MemberRow({ member, onNotice }: { member: Member; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const group = useCurrentGroup();
  const countryName = useCountryName();
  const update = useUpdateMember(group.id);
  const remove = useRemoveMember(group.id);
  const [isConfirming, setConfirming] = useState(false);
  const can = (ability: Member['abilities'][number]) => member.abilities.includes(ability);
  const changeCategory = (category: MemberCategory) =>
    update.mutate(
      { userId: member.userId, body: { category } },
      {
        onSuccess: () =>
          onNotice(
            t('groups.members.categoryChanged', {
              name: member.name,
              category: t(`groups.categories.${category}`),
            }),
          ),
      },
    );

  return (
    <li className="itd-message-row itd-member-row" data-testid="member-row">
      <div>
        <Text span fw={600}>
          {member.name}
        </Text>{' '}
        {member.isOwner ? (
          <Badge size="xs" variant="outline">
            {t('groups.membership.owner')}
          </Badge>
        ) : null}
        <Text size="sm">
          {member.organisation}
          {member.country ? ` — ${countryName(member.country)}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {t('groups.members.since')} {formatDate(member.joinedAt, language)}
        </Text>
      </div>
      <Stack gap={6} className="itd-message-row__aside itd-member-row__tools">
        {can('change_category') ? (
          <Select
            aria-label={t('groups.members.changeCategory', { name: member.name })}
            data={MEMBER_CATEGORIES.map((value) => ({ value, label: t(`groups.categories.${value}`) }))}
            value={member.category}
            onChange={(value) => {
              const category = MEMBER_CATEGORIES.find((known) => known === value);
              if (category && category !== member.category) changeCategory(category);
            }}
            allowDeselect={false}
            size="xs"
            w="16rem"
            maw="100%"
            disabled={update.isPending}
          />
        ) : (
          <Text size="sm">{t(`groups.categories.${member.category}`)}</Text>
        )}
        <Group gap="sm" wrap="wrap">
          {can('set_owner') ? (
            <Checkbox
              size="xs"
              label={t('groups.membership.owner')}
              checked={member.isOwner}
              disabled={update.isPending}
              onChange={(event) =>
                update.mutate({ userId: member.userId, body: { isOwner: event.currentTarget.checked } })
              }
            />
          ) : null}
          {can('remove') && !isConfirming ? (
            <Button size="xs" variant="light" color="red" onClick={() => setConfirming(true)}>
              {t('groups.members.remove', { name: member.name })}
            </Button>
          ) : null}
          {isConfirming ? (
            <>
              <Button
                size="xs"
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(member.userId, {
                    onSuccess: () => onNotice(t('groups.members.removed', { name: member.name })),
                  })
                }
              >
                {t('groups.members.removeConfirm')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : null}
        </Group>
        {update.error ? <ErrorAlert error={update.error} /> : null}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
      </Stack>
    </li>
  );
}
