/** A report's seizure records, a page at a time; a row opens the record with its history. */
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useReportRecords } from './reports.api.ts';
import { showValue } from '../seizure-record/record-values.ts';

export function RecordsTable({ reportId, onOpen }: { reportId: string; onOpen: (recordId: number) => void }) {
  const { t } = useTranslation();
  const records = useReportRecords(reportId);
  const items = records.data?.pages.flatMap((page) => page.items) ?? [];
  const show = (value: unknown) => showValue(value, t('reports.yes'), t('reports.no'));
  if (records.isPending) return <PageLoader label={t('reports.loading')} />;
  if (records.isError) return <ErrorAlert error={records.error} onRetry={() => void records.refetch()} />;
  if (items.length === 0) return <Text>{t('reports.records.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder highlightOnHover verticalSpacing="xs" className="itd-admin-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.records.row')}</Table.Th>
              <Table.Th>{t('record.fields.seizureDate')}</Table.Th>
              <Table.Th>{t('record.fields.taxonName')}</Table.Th>
              <Table.Th>{t('record.fields.termCode')}</Table.Th>
              <Table.Th>{t('record.fields.quantity')}</Table.Th>
              <Table.Th>{t('record.fields.seizureCountry')}</Table.Th>
              <Table.Th>{t('reports.records.version')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((record) => (
              <Table.Tr key={record.id} data-testid="record-row">
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    fw={600}
                    onClick={() => onOpen(record.id)}
                    aria-label={t('reports.records.open', { row: record.sourceRow ?? record.id })}
                  >
                    {record.sourceRow ?? '—'}
                  </Anchor>
                </Table.Td>
                <Table.Td>{show(record.values.seizureDate)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fs="italic">
                    {show(record.values.taxonName)}
                  </Text>
                </Table.Td>
                <Table.Td>{show(record.values.termCode)}</Table.Td>
                <Table.Td>
                  {show(record.values.quantity)} {record.values.unitCode ?? ''}
                </Table.Td>
                <Table.Td>{show(record.values.seizureCountry)}</Table.Td>
                <Table.Td>{record.version}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {records.hasNextPage ? (
        <Group mt="sm">
          <Button
            variant="default"
            loading={records.isFetchingNextPage}
            onClick={() => void records.fetchNextPage()}
          >
            {t('reports.loadMore')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
