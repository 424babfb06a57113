/** What the batch holds: the file, its Party and year, and the counts that add up to the rows in the file. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../shared/imports.contract.ts';
import { useCountryName } from '../reference/countries.queries.ts';

export function BatchSummary({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const counts = batch.counts;
  return (
    <Stack gap="xs" data-testid="batch-summary">
      <Text>
        {t('reports.staging.file', {
          file: batch.fileName,
          party: countryName(batch.party),
          year: batch.year,
        })}
      </Text>
      <Group gap="xs">
        <Badge variant="light" color="gray" tt="none">
          {t('reports.staging.counts.total', { n: counts.total })}
        </Badge>
        <Badge variant="light" color="teal" tt="none" data-testid="count-ready">
          {t('reports.staging.counts.ready', { n: counts.ready })}
        </Badge>
        <Badge variant="light" color="red" tt="none" data-testid="count-blocking">
          {t('reports.staging.counts.blocking', { n: counts.blocking })}
        </Badge>
        <Badge variant="light" color="yellow" tt="none" data-testid="count-warnings">
          {t('reports.staging.counts.warnings', { n: counts.warnings })}
        </Badge>
        <Badge variant="light" color="grape" tt="none">
          {t('reports.staging.counts.duplicates', { n: counts.duplicates })}
        </Badge>
        {counts.blank > 0 ? (
          <Badge variant="light" color="gray" tt="none" data-testid="count-blank">
            {t('imports.counts.blank', { n: counts.blank })}
          </Badge>
        ) : null}
      </Group>
      {batch.missingColumns.length > 0 ? (
        <Text size="sm" c="red.8">
          {t('reports.staging.missingColumns', { columns: batch.missingColumns.join(', ') })}
        </Text>
      ) : null}
      {batch.unknownColumns.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.staging.unknownColumns', { columns: batch.unknownColumns.join(', ') })}
        </Text>
      ) : null}
    </Stack>
  );
}
