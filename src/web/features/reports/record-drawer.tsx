/**
 * One record in a drawer: its normalised values, what the Party wrote, the cells corrected in review before the
 * report was submitted, and the history of corrections (each kept version with what changed, who, when and why).
 * Those allowed may correct it here, giving a reason.
 */
import { Badge, Card, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../shared/reports.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { RestrictedMarking } from '../../ui/restricted-banner.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { showValue, VALUE_FIELDS } from './record-values.ts';
import { RecordCorrectionForm } from './record-correction-form.tsx';
import { useRecord } from './reports.api.ts';

export function RecordDrawer(props: { reportId: string; recordId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecord(props.reportId, props.recordId);
  const isSmallScreen = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <Drawer
      opened={props.recordId !== null}
      onClose={props.onClose}
      position="right"
      size={isSmallScreen ? '100%' : 'xl'}
      // The default scroll lock injects a <style> element (react-remove-scroll-bar), which our CSP refuses.
      removeScrollProps={{ removeScrollBar: false }}
      title={t('reports.record.title')}
      closeButtonProps={{ 'aria-label': t('reports.close') }}
    >
      {/* The drawer covers the page banner on phones: it carries the marking itself. */}
      <RestrictedMarking />
      {record.isPending && props.recordId !== null ? <PageLoader label={t('reports.loading')} /> : null}
      {record.isError ? <ErrorAlert error={record.error} onRetry={() => void record.refetch()} /> : null}
      {record.data ? <RecordBody reportId={props.reportId} record={record.data} /> : null}
    </Drawer>
  );
}

function RecordBody({ reportId, record }: { reportId: string; record: RecordDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const show = (value: unknown) => showValue(value, t('reports.yes'), t('reports.no'));
  const fieldName = (field: string) =>
    (VALUE_FIELDS as readonly string[]).includes(field)
      ? t(`reports.fields.${field as (typeof VALUE_FIELDS)[number]}`)
      : field;
  return (
    <Stack gap="lg" data-testid="record-drawer">
      <Group gap="xs">
        <Badge variant="light" tt="none" data-testid="record-version">
          {t('reports.record.version', { version: record.version })}
        </Badge>
        {record.sourceRow !== null ? (
          <Text size="sm" c="dimmed">
            {t('reports.record.sourceRow', { row: record.sourceRow })}
          </Text>
        ) : null}
      </Group>
      <Table withTableBorder verticalSpacing={4} className="itd-admin-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.record.field')}</Table.Th>
            <Table.Th>{t('reports.record.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {VALUE_FIELDS.map((field) => (
            <Table.Tr key={field}>
              <Table.Td>{fieldName(field)}</Table.Td>
              <Table.Td>{show(record.values[field])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <section aria-labelledby="record-original">
        <Title order={3} size="h5" id="record-original" mb="xs">
          {t('reports.record.original')}
        </Title>
        <Table withTableBorder verticalSpacing={4} className="itd-admin-table">
          <Table.Tbody>
            {Object.entries(record.original).map(([column, value]) => (
              <Table.Tr key={column}>
                <Table.Td>{column}</Table.Td>
                <Table.Td>{value || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      {record.reviewFixes.length > 0 ? (
        <section aria-labelledby="record-review-fixes" data-testid="record-review-fixes">
          <Title order={3} size="h5" id="record-review-fixes" mb="xs">
            {t('reports.record.reviewFixes')}
          </Title>
          <Stack gap={4}>
            {record.reviewFixes.map((fix, index) => (
              <Text size="sm" key={`${fix.column}-${index}`}>
                {t('reports.record.reviewFix', {
                  column: fix.column,
                  from: fix.from || '—',
                  to: fix.to || '—',
                  who: fix.by || t('reports.someone'),
                  when: formatDateTime(fix.at, language),
                })}
              </Text>
            ))}
          </Stack>
        </section>
      ) : null}
      <section aria-labelledby="record-history">
        <Title order={3} size="h5" id="record-history" mb="xs">
          {t('reports.record.history')}
        </Title>
        {record.versions.length === 0 ? <Text size="sm">{t('reports.record.noCorrections')}</Text> : null}
        <Stack gap="sm">
          {record.versions.map((version) => (
            <Card key={version.version} withBorder padding="sm" data-testid="record-version-entry">
              <Text size="sm" fw={600}>
                {t('reports.record.replaced', {
                  version: version.version,
                  who: version.replacedBy ?? t('reports.someone'),
                  when: formatDateTime(version.replacedAt, language),
                })}
              </Text>
              <Text size="sm">{t('reports.record.because', { reason: version.reason })}</Text>
              {version.changed.map((change) => (
                <Text size="sm" key={change.field} c="dimmed">
                  {fieldName(change.field)}: {show(change.from)} → {show(change.to)}
                </Text>
              ))}
            </Card>
          ))}
        </Stack>
      </section>
      {record.abilities.includes('correct') ? (
        <RecordCorrectionForm reportId={reportId} record={record} />
      ) : null}
    </Stack>
  );
}
