/** The reports a person may see: Party, year, status, records, sharing, last change; each opens its page. */
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportSummary } from '../../../shared/reports.contract.ts';
import { formatDate } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { useCountryName } from '../reference/countries.queries.ts';
import { ReportStatusBadge } from './report-status-badge.tsx';
import { SharingSummary } from './sharing-summary.tsx';

export function ReportTable({ reports }: { reports: ReportSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countryName = useCountryName();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder verticalSpacing="sm" className="itd-admin-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.columns.report')}</Table.Th>
            <Table.Th>{t('reports.columns.status')}</Table.Th>
            <Table.Th>{t('reports.columns.records')}</Table.Th>
            <Table.Th>{t('reports.columns.sharing')}</Table.Th>
            <Table.Th>{t('reports.columns.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((report) => (
            <Table.Tr key={report.id} data-testid="report-row">
              <Table.Td>
                <Anchor component={Link} to={`/reports/${report.id}`} fw={600}>
                  {t('reports.reportName', { party: countryName(report.party), year: report.year })}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <ReportStatusBadge status={report.status} />
              </Table.Td>
              <Table.Td>{report.recordCount}</Table.Td>
              <Table.Td>
                <SharingSummary sharing={report.sharing} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(report.updatedAt, language)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
