/**
 * The file's columns in the review, for a file that is not our template: each source column goes to a field, to
 * "keep in additional information", or to "ignore" — a decision for every one, none dropped in silence. The
 * choices start from how the file was read (its headers, or a profile for the same headers); the suggestions
 * from the header names are one click away. Applied, the rows are mapped again and checked; with a name, the
 * mapping is kept as a profile and offered again for the next file with the same headers.
 */
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_COLUMNS,
  type ColumnTarget,
  type ImportBatch,
  type MapColumns,
} from '../../../shared/imports.contract.ts';
import { FormError } from '../../ui/form-error.tsx';
import { SectionCard } from '../../ui/section-card.tsx';

interface Props {
  batch: ImportBatch;
  editable: boolean;
  busy: boolean;
  error: Error | null;
  onApply: (mapping: MapColumns) => void;
}

/** Whether the review shows the columns at all: a template file read by its own headers needs no mapping. */
export function needsColumnReview(batch: ImportBatch): boolean {
  return (
    batch.sourceColumns.length > 0 &&
    (batch.mapping.profile !== null ||
      batch.mapping.decidedBy !== 'file' ||
      batch.sourceColumns.some((c) => c.to === 'extra' || c.to === 'ignore'))
  );
}

export function ColumnMapping({ batch, editable, busy, error, onApply }: Props) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Record<string, ColumnTarget>>(() =>
    Object.fromEntries(batch.sourceColumns.map((c) => [c.header, c.to])),
  );
  const [saveAs, setSaveAs] = useState(batch.mapping.profile ?? '');
  const options = [
    ...IMPORT_COLUMNS.map((column) => ({ value: column, label: column })),
    { value: 'extra', label: t('imports.columns.extra') },
    { value: 'ignore', label: t('imports.columns.ignore') },
  ];
  const state = batch.mapping.profile
    ? t('imports.columns.byProfile', { profile: batch.mapping.profile })
    : batch.mapping.decidedBy === 'file'
      ? t('imports.columns.byHeaders')
      : t('imports.columns.byPerson', { by: batch.mapping.decidedBy ?? '' });
  return (
    <SectionCard id="staging-columns" title={t('imports.columns.title')} intro={t('imports.columns.intro')}>
      <Stack gap="sm">
        <Text size="sm" data-testid="mapping-state">
          {state}
        </Text>
        <Table.ScrollContainer minWidth={520}>
          <Table withTableBorder verticalSpacing="xs" data-testid="column-mapping">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.columns.source')}</Table.Th>
                <Table.Th>{t('imports.columns.target')}</Table.Th>
                <Table.Th>{t('imports.columns.suggestion')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batch.sourceColumns.map((column) => (
                <Table.Tr key={column.header}>
                  <Table.Td>{column.header}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      size="xs"
                      data={options}
                      disabled={!editable}
                      aria-label={t('imports.columns.choiceLabel', { header: column.header })}
                      value={choices[column.header] ?? column.to}
                      onChange={(event) =>
                        setChoices({ ...choices, [column.header]: event.currentTarget.value as ColumnTarget })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {column.suggestion === 'extra' || column.suggestion === 'ignore'
                        ? t(`imports.columns.${column.suggestion}`)
                        : column.suggestion}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {editable ? (
          <Group align="flex-end" gap="sm">
            <Button
              variant="default"
              size="sm"
              onClick={() =>
                setChoices(Object.fromEntries(batch.sourceColumns.map((c) => [c.header, c.suggestion])))
              }
            >
              {t('imports.columns.useSuggestions')}
            </Button>
            <TextInput
              size="sm"
              label={t('imports.columns.saveAs')}
              description={t('imports.columns.saveAsHint')}
              value={saveAs}
              onChange={(event) => setSaveAs(event.currentTarget.value)}
              maxLength={100}
            />
            <Button
              size="sm"
              loading={busy}
              onClick={() =>
                onApply({
                  columns: batch.sourceColumns.map((c) => ({
                    header: c.header,
                    to: choices[c.header] ?? c.to,
                  })),
                  ...(saveAs.trim() !== '' ? { saveAs: saveAs.trim() } : {}),
                })
              }
            >
              {t('imports.columns.apply')}
            </Button>
          </Group>
        ) : null}
        {error ? <FormError error={error} fields={[]} /> : null}
      </Stack>
    </SectionCard>
  );
}
