/**
 * What the Party wrote, column by column, and the cells a reviewer corrected before the report was submitted, with
 * who and when (ADR 0011): the record's values come from the corrected cells, its `original` stays the file's.
 */
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SeizureRecordView } from '../../../shared/seizure-record.contract.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';

export function RecordOriginal({ record }: { record: SeizureRecordView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns = Object.entries(record.original);
  return (
    <>
      <section aria-labelledby="record-original">
        <Title order={3} size="h5" id="record-original" mb="xs">
          {t('record.original')}
        </Title>
        {columns.length === 0 ? (
          <Text c="dimmed">{t('record.noOriginal')}</Text>
        ) : (
          <Table variant="vertical" withTableBorder layout="fixed" className="itd-details-table">
            <Table.Tbody>
              {columns.map(([column, text]) => (
                <Table.Tr key={column}>
                  <Table.Th>{column}</Table.Th>
                  <Table.Td className="itd-preformatted">{text || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      {record.reviewFixes.length > 0 ? (
        <section aria-labelledby="record-review-fixes" data-testid="record-review-fixes">
          <Title order={3} size="h5" id="record-review-fixes" mb="xs">
            {t('record.reviewFixes')}
          </Title>
          <Stack gap={4}>
            {record.reviewFixes.map((fix, index) => (
              <Text size="sm" key={`${fix.column}-${index}`}>
                {t('record.reviewFix', {
                  column: fix.column,
                  from: fix.from || '—',
                  to: fix.to || '—',
                  who: fix.by || t('record.someone'),
                  when: formatDateTime(fix.at, language),
                })}
              </Text>
            ))}
          </Stack>
        </section>
      ) : null}
    </>
  );
}
