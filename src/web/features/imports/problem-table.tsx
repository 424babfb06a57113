/**
 * The problems of the staged rows, one line per problem: row, column, the cell (editable in place), the message,
 * the suggested fix, and "accept" for a warning. A fixed cell is checked again at once by the server.
 */
import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportColumn, StagingProblem, StagingRow } from '../../../shared/imports.contract.ts';
import { FormError } from '../../ui/form-error.tsx';
import type { useBatchActions } from './imports.api.ts';

type Actions = ReturnType<typeof useBatchActions>;

export function ProblemTable(props: { rows: StagingRow[]; actions: Actions; canEdit: boolean }) {
  const { t } = useTranslation();
  const lines = props.rows.flatMap((row) => row.problems.map((problem, index) => ({ row, problem, index })));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table withTableBorder verticalSpacing="xs" className="itd-admin-table" data-testid="problem-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.staging.row')}</Table.Th>
            <Table.Th>{t('reports.staging.column')}</Table.Th>
            <Table.Th>{t('reports.staging.value')}</Table.Th>
            <Table.Th>{t('reports.staging.message')}</Table.Th>
            <Table.Th>{t('reports.staging.suggestion')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map(({ row, problem, index }) => (
            <Table.Tr
              key={`${row.row}-${problem.column ?? 'row'}-${problem.code}-${index}`}
              data-testid="problem-line"
              data-row={row.row}
              data-column={problem.column ?? ''}
              data-severity={problem.severity}
            >
              <Table.Td>{row.row}</Table.Td>
              <Table.Td>{problem.column ?? t('reports.staging.wholeRow')}</Table.Td>
              <Table.Td miw={220}>
                {problem.column !== null && props.canEdit ? (
                  <CellEditor
                    key={`${problem.value}-${problem.suggestion ?? ''}`}
                    row={row.row}
                    column={problem.column}
                    value={row.cells[problem.column] ?? problem.value}
                    suggestion={problem.suggestion}
                    actions={props.actions}
                  />
                ) : (
                  <Text size="sm">{problem.value || '—'}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <SeverityBadge problem={problem} />
                  <Text size="sm">{problem.message}</Text>
                </Stack>
                {problem.severity === 'warning' && !problem.accepted && props.canEdit ? (
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="yellow"
                    mt={6}
                    loading={props.actions.acceptWarnings.isPending}
                    onClick={() =>
                      props.actions.acceptWarnings.mutate({ rows: [row.row], codes: [problem.code] })
                    }
                    aria-label={t('reports.staging.acceptOne', { row: row.row })}
                  >
                    {t('reports.staging.accept')}
                  </Button>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{problem.suggestion ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SeverityBadge({ problem }: { problem: StagingProblem }) {
  const { t } = useTranslation();
  if (problem.accepted)
    return (
      <Badge color="gray" variant="light" tt="none">
        {t('reports.staging.accepted')}
      </Badge>
    );
  return (
    <Badge color={problem.severity === 'blocking' ? 'red' : 'yellow'} variant="light" tt="none">
      {t(`reports.staging.severity.${problem.severity}`)}
    </Badge>
  );
}

function CellEditor(props: {
  row: number;
  column: ImportColumn;
  value: string;
  suggestion: string | null;
  actions: Actions;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.value);
  const edit = props.actions.editCell;
  const isMine = edit.variables?.row === props.row && edit.variables.cell.column === props.column;
  const save = (value: string) => edit.mutate({ row: props.row, cell: { column: props.column, value } });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save(text);
      }}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        <TextInput
          size="xs"
          aria-label={t('reports.staging.cellLabel', { row: props.row, column: props.column })}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          flex={1}
        />
        <Button
          size="compact-sm"
          type="submit"
          disabled={text === props.value}
          loading={isMine && edit.isPending}
        >
          {t('reports.staging.save')}
        </Button>
      </Group>
      {props.suggestion !== null && props.suggestion !== text ? (
        <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setText(props.suggestion ?? '')}>
          {t('reports.staging.useSuggestion')}
        </Button>
      ) : null}
      {isMine && edit.isError ? <FormError error={edit.error} fields={[]} /> : null}
    </form>
  );
}
