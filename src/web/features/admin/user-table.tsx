/** The users table of the Secretariat: who, where, role, status, second factor, last activity, and actions. */
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/admin.contract.ts';
import { formatDate } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { useCountryName } from '../reference/countries.queries.ts';
import type { UserStatusChange } from './admin.api.ts';

const STATUS_COLOURS = { active: 'teal', suspended: 'orange', withdrawn: 'gray' } as const;

export interface UserTableProps {
  users: User[];
  onAction: (user: User, change: UserStatusChange) => void;
}

export function UserTable({ users, onAction }: UserTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countryName = useCountryName();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped withTableBorder verticalSpacing="sm" className="itd-admin-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.columns.person')}</Table.Th>
            <Table.Th>{t('users.columns.organisation')}</Table.Th>
            <Table.Th>{t('users.columns.role')}</Table.Th>
            <Table.Th>{t('users.columns.status')}</Table.Th>
            <Table.Th>{t('users.columns.lastActive')}</Table.Th>
            <Table.Th>{t('users.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row">
              <Table.Td>
                <Text fw={600}>
                  {user.firstName} {user.lastName}
                </Text>
                <Text size="sm" c="dimmed">
                  {user.email}
                </Text>
                <Text size="sm" c="dimmed">
                  {user.functionTitle}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text>{user.organisation.name}</Text>
                <Text size="sm" c="dimmed">
                  {[t(`organisationKinds.${user.organisation.kind}`), countryName(user.organisation.party)]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text>{t(`roles.${user.role}`)}</Text>
                <Text size="sm" c="dimmed">
                  {user.hasItdAccess ? t('users.withItd') : t('users.withoutItd')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOURS[user.status]} variant="light" tt="none">
                  {t(`users.statuses.${user.status}`)}
                </Badge>
                {user.statusReason ? (
                  <Text size="xs" c="dimmed" mt={4}>
                    {user.statusReason}
                  </Text>
                ) : null}
                {user.secondFactorEnrolled ? null : (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('users.noSecondFactor')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {user.lastActiveAt ? formatDate(user.lastActiveAt, language) : t('users.never')}
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {user.abilities.map((change) => (
                    <Button
                      key={change}
                      size="xs"
                      variant="default"
                      color={change === 'reinstate' ? 'teal' : 'red'}
                      onClick={() => onAction(user, change)}
                      aria-label={t(`users.actionsNamed.${change}`, {
                        name: `${user.firstName} ${user.lastName}`,
                      })}
                    >
                      {t(`users.actions.${change}`)}
                    </Button>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
