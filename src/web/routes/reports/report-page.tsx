/**
 * /reports/:id — one report: status and its actions, header and Part II, the sharing answers, the original file,
 * the records (each opening with its history) and the report's own history.
 */
import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PART_TWO_HEADINGS, type ReportDetail } from '../../../shared/reports.contract.ts';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { useCountryName } from '../../features/reference/countries.queries.ts';
import { HeaderDialog } from '../../features/reports/header-dialog.tsx';
import { RecordDrawer } from '../../features/seizure-record/record-drawer.tsx';
import { RecordsTable } from '../../features/reports/records-table.tsx';
import { ReportActions } from '../../features/reports/report-actions.tsx';
import { ReportEvents } from '../../features/reports/report-events.tsx';
import { ReportStatusBadge } from '../../features/reports/report-status-badge.tsx';
import { fileDownloadPath, useReport } from '../../features/reports/reports.api.ts';
import { SharingCard } from '../../features/reports/sharing-card.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useLanguage } from '../../ui/use-language.ts';

export function ReportPage() {
  return (
    <RequireSession abilities={['report.read']}>
      <ReportLoader />
    </RequireSession>
  );
}

function ReportLoader() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useReport(id);
  if (report.isPending) return <PageLoader label={t('reports.loading')} />;
  if (report.isError) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  return <Report report={report.data} />;
}

function Report({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countryName = useCountryName();
  const name = t('reports.reportName', { party: countryName(report.party), year: report.year });
  useDocumentTitle(`${name} — ${t('app.name')}`);
  const [openRecord, setOpenRecord] = useState<number | null>(null);
  const [isEditing, setEditing] = useState(false);
  const header = report.header;
  const partTwo = PART_TWO_HEADINGS.filter((heading) => (report.partTwo[heading] ?? '').trim() !== '');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/reports" size="sm">
        {t('reports.backToList')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{name}</Title>
        <ReportStatusBadge status={report.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('reports.counts', { records: report.counts.records, corrected: report.counts.corrected })}
      </Text>
      <ReportActions report={report} />
      {/* Two columns from `sm` up (a shared grid class: responsive props would need a <style> element). */}
      <div className="itd-form-grid">
        <SectionCard id="report-header" title={t('reports.header.title')}>
          <List spacing={4} listStyleType="none">
            <List.Item>
              {t('reports.header.preparingAgency')}: {header.preparingAgency || '—'}
            </List.Item>
            <List.Item>
              {t('reports.header.contributingAgencies')}: {header.contributingAgencies || '—'}
            </List.Item>
            <List.Item>
              {t('reports.header.contact')}:{' '}
              {[header.contactName, header.contactEmail].filter(Boolean).join(' · ') || '—'}
            </List.Item>
            <List.Item>
              {t('reports.header.submittedOn')}:{' '}
              {header.submittedOn ? formatDate(header.submittedOn, language) : '—'}
            </List.Item>
          </List>
          {report.abilities.includes('edit') ? (
            <Button variant="default" mt="md" onClick={() => setEditing(true)}>
              {t('reports.header.edit')}
            </Button>
          ) : null}
        </SectionCard>
        <SharingCard report={report} />
      </div>
      {partTwo.length > 0 ? (
        <SectionCard id="report-part-two" title={t('reports.partTwo.title')}>
          <Stack gap="sm">
            {partTwo.map((heading) => (
              <div key={heading}>
                <Text fw={600}>{t(`reports.partTwo.${heading}`)}</Text>
                <Text className="itd-preformatted">{report.partTwo[heading]}</Text>
              </div>
            ))}
          </Stack>
        </SectionCard>
      ) : null}
      {report.files.length > 0 ? (
        <SectionCard id="report-files" title={t('reports.files.title')} intro={t('reports.files.intro')}>
          <List spacing="xs">
            {report.files.map((file) => (
              <List.Item key={file.id}>
                <Anchor href={fileDownloadPath(report.id, file.id)} download={file.fileName}>
                  {file.fileName}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {t('reports.files.size', { kb: Math.max(1, Math.round(file.sizeBytes / 1024)) })} ·{' '}
                  {formatDateTime(file.uploadedAt, language)}
                </Text>
              </List.Item>
            ))}
          </List>
        </SectionCard>
      ) : null}
      <SectionCard id="report-records" title={t('reports.records.title')} intro={t('reports.records.intro')}>
        <RecordsTable reportId={report.id} onOpen={setOpenRecord} />
      </SectionCard>
      <SectionCard id="report-history" title={t('reports.history')}>
        <ReportEvents events={report.events} />
      </SectionCard>
      {isEditing ? <HeaderDialog report={report} onClose={() => setEditing(false)} /> : null}
      <RecordDrawer reportId={report.id} recordId={openRecord} onClose={() => setOpenRecord(null)} />
    </Stack>
  );
}
