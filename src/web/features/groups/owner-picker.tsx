/**
 * Choosing a new group's owners among the platform's active users (searched through the Secretariat's user
 * list), each with the member category they will have in the group.
 */
import { CloseButton, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_CATEGORIES, type MemberCategory } from '../../../shared/groups.contract.ts';
import { useUsers } from '../admin/admin.api.ts';

export interface OwnerChoice {
  userId: string;
  label: string;
  category: MemberCategory;
}

export function OwnerPicker(props: {
  value: OwnerChoice[];
  onChange: (owners: OwnerChoice[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const users = useUsers({ status: 'active', organisationId: null, q });
  const chosen = new Set(props.value.map((owner) => owner.userId));
  const options = (users.data?.pages.flatMap((page) => page.items) ?? [])
    .filter((user) => !chosen.has(user.id))
    .map((user) => ({
      value: user.id,
      label: `${user.firstName} ${user.lastName} — ${user.email}`,
      kind: user.organisation.kind,
    }));
  const categories = MEMBER_CATEGORIES.map((value) => ({ value, label: t(`groups.categories.${value}`) }));

  return (
    <Stack gap="xs">
      <Select
        label={t('groups.admin.owners')}
        description={t('groups.admin.ownersHint')}
        placeholder={t('groups.admin.ownersPlaceholder')}
        required
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={options}
        value={null}
        filter={({ options: all }) => all}
        onChange={(userId) => {
          const option = options.find((candidate) => candidate.value === userId);
          if (!option) return;
          const category: MemberCategory =
            option.kind === 'secretariat' ? 'secretariat' : option.kind === 'igo' ? 'igo' : 'customs';
          props.onChange([...props.value, { userId: option.value, label: option.label, category }]);
          setSearch('');
        }}
        error={props.error}
      />
      {props.value.map((owner) => (
        <Group key={owner.userId} gap="xs" wrap="wrap" data-testid="chosen-owner">
          <Text size="sm" className="itd-preformatted">
            {owner.label}
          </Text>
          <Select
            aria-label={t('groups.requests.category')}
            size="xs"
            data={categories}
            value={owner.category}
            allowDeselect={false}
            onChange={(value) => {
              const category = MEMBER_CATEGORIES.find((known) => known === value);
              if (!category) return;
              props.onChange(
                props.value.map((kept) => (kept.userId === owner.userId ? { ...kept, category } : kept)),
              );
            }}
            w="14rem"
          />
          <CloseButton
            size="sm"
            aria-label={t('groups.compose.remove', { name: owner.label })}
            onClick={() => props.onChange(props.value.filter((kept) => kept.userId !== owner.userId))}
          />
        </Group>
      ))}
    </Stack>
  );
}
