/**
 * /admin/groups — the Secretariat's list of closed user groups (every group, with status and members) and the
 * form to create one or edit its names, descriptions, confidentiality and status. Owners are named at creation
 * and changed afterwards on the group's member list.
 */
import { Alert, Anchor, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group } from '../../../shared/groups.contract.ts';
import type { Action } from '../../../shared/permissions.ts';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { GroupForm } from '../../features/groups/group-form.tsx';
import { useAdminGroupList } from '../../features/groups/groups.api.ts';
import '../../features/groups/groups.css';
import { localized } from '../../features/groups/localized.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useLanguage } from '../../ui/use-language.ts';

/**
 * The session ability of Secretariat admins, who alone create groups; the server checks its own rule on every
 * call (and each group's `administer` ability shows the edit buttons).
 */
export const GROUP_ADMIN_ABILITIES: Action[] = ['group.administer'];

export function AdminGroupsPage() {
  return (
    <RequireSession abilities={GROUP_ADMIN_ABILITIES}>
      <AdminGroups />
    </RequireSession>
  );
}

function AdminGroups() {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(`${t('groups.admin.title')} — ${t('app.name')}`);
  const groups = useAdminGroupList(true);
  const [editing, setEditing] = useState<Group | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('groups.admin.title')}</Title>
        <Text mt="xs" maw="48rem">
          {t('groups.admin.intro')}
        </Text>
      </div>
      {notice ? (
        <Alert color="teal" variant="light" role="status" data-testid="group-admin-notice">
          {notice}
        </Alert>
      ) : null}
      {editing ? (
        <SectionCard
          id="edit-group-title"
          title={t('groups.admin.editTitle', { name: localized(editing.name, language) })}
          titleSize="h4"
        >
          <GroupForm
            key={editing.id}
            mode="edit"
            group={editing}
            onCancel={() => setEditing(null)}
            onDone={(group) => {
              setEditing(null);
              setNotice(t('groups.admin.saved', { name: localized(group.name, language) }));
            }}
          />
        </SectionCard>
      ) : (
        <SectionCard id="new-group-title" title={t('groups.admin.newTitle')} titleSize="h4">
          <GroupForm
            mode="create"
            onDone={(group) =>
              setNotice(t('groups.admin.created', { name: localized(group.name, language) }))
            }
          />
        </SectionCard>
      )}
      {groups.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {groups.isError ? <ErrorAlert error={groups.error} onRetry={() => void groups.refetch()} /> : null}
      {groups.data?.items.length === 0 ? <Text c="dimmed">{t('groups.admin.empty')}</Text> : null}
      {groups.data && groups.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder className="itd-admin-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.name')}</Table.Th>
                <Table.Th>{t('groups.admin.status')}</Table.Th>
                <Table.Th ta="right">{t('groups.admin.members')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.data.items.map((group) => {
                const name = localized(group.name, language);
                return (
                  <Table.Tr key={group.id} data-testid="group-row">
                    <Table.Td fw={600}>
                      <Anchor component={Link} to={`/groups/${group.id}`}>
                        {name}
                      </Anchor>{' '}
                      {group.isConfidential ? (
                        <Badge size="xs" color="gray" variant="light">
                          {t('groups.myGroups.confidential')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{t(`groups.status.${group.status}`)}</Table.Td>
                    <Table.Td ta="right">{group.memberCount ?? '—'}</Table.Td>
                    <Table.Td>
                      {group.abilities.includes('administer') ? (
                        <Button size="xs" variant="light" onClick={() => setEditing(group)}>
                          {t('groups.admin.edit', { name })}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
