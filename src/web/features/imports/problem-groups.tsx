/**
 * The problems grouped by column and value ("Finches" × 37), largest first: one fix replaces the value in every
 * row that holds it, and a warning is accepted for all its rows at once. The list of every problem downloads as
 * CSV from here too.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemGroup } from '../../../shared/imports.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { problemsCsvPath, useProblemGroups, type useBatchActions } from './imports.api.ts';

type Actions = ReturnType<typeof useBatchActions>;

export function ProblemGroups(props: { batchId: string; actions: Actions; canEdit: boolean }) {
  const { t } = useTranslation();
  const groups = useProblemGroups(props.batchId);
  const failed = [props.actions.fixValue, props.actions.acceptWarnings].find((m) => m.isError);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('imports.groups.intro')}
        </Text>
        <Anchor href={problemsCsvPath(props.batchId)} download size="sm" data-testid="problems-csv">
          {t('imports.groups.download')}
        </Anchor>
      </Group>
      {groups.isPending ? <PageLoader label={t('imports.groups.loading')} /> : null}
      {groups.isError ? <ErrorAlert error={groups.error} onRetry={() => void groups.refetch()} /> : null}
      {groups.data && groups.data.items.length === 0 ? <Text>{t('imports.groups.none')}</Text> : null}
      {groups.data && groups.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table withTableBorder verticalSpacing="xs" data-testid="problem-groups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.groups.column')}</Table.Th>
                <Table.Th>{t('imports.groups.value')}</Table.Th>
                <Table.Th>{t('imports.groups.problem')}</Table.Th>
                <Table.Th>{t('imports.groups.rows')}</Table.Th>
                <Table.Th>{t('imports.groups.fix')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.data.items.map((group) => (
                <GroupLine
                  key={`${group.column ?? ''}|${group.value}|${group.code}`}
                  group={group}
                  actions={props.actions}
                  canEdit={props.canEdit}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {groups.data?.isTruncated ? <Text size="sm">{t('imports.groups.truncated')}</Text> : null}
      {failed ? <FormError error={failed.error} fields={[]} /> : null}
    </Stack>
  );
}

function GroupLine({ group, actions, canEdit }: { group: ProblemGroup; actions: Actions; canEdit: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState(group.suggestion ?? group.value);
  const column = group.column;
  const isOpenWarning = group.severity === 'warning' && group.open > 0;
  return (
    <Table.Tr data-testid="problem-group" data-column={column ?? ''} data-value={group.value}>
      <Table.Td>{column ?? t('imports.groups.wholeRow')}</Table.Td>
      <Table.Td>
        <Text size="sm">{group.value || '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Badge
            color={group.open === 0 ? 'gray' : group.severity === 'blocking' ? 'red' : 'yellow'}
            variant="light"
            tt="none"
          >
            {group.open === 0 ? t('imports.groups.accepted') : t(`imports.groups.severity.${group.severity}`)}
          </Badge>
          <Text size="sm">{group.message}</Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} data-testid="group-rows">
          × {group.rows}
        </Text>
      </Table.Td>
      <Table.Td miw={260}>
        {canEdit && column !== null ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              actions.fixValue.mutate({ column, from: group.value, to: text });
            }}
          >
            <Group gap={6} wrap="nowrap">
              <TextInput
                size="xs"
                flex={1}
                aria-label={t('imports.groups.fixLabel', { column, value: group.value })}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
              />
              <Button
                size="compact-sm"
                type="submit"
                disabled={text === group.value}
                loading={actions.fixValue.isPending && actions.fixValue.variables.from === group.value}
              >
                {t('imports.groups.fixAll', { n: group.rows })}
              </Button>
            </Group>
          </form>
        ) : null}
        {canEdit && isOpenWarning && column !== null ? (
          <Button
            size="compact-sm"
            variant="light"
            color="yellow"
            mt={6}
            loading={actions.acceptWarnings.isPending}
            onClick={() =>
              actions.acceptWarnings.mutate({
                rows: 'all',
                codes: [group.code],
                where: { column, value: group.value },
              })
            }
          >
            {t('imports.groups.acceptAll', { n: group.open })}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
