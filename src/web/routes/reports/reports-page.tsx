/** /reports — the reports the person may see, filtered by Party, year and status; an upload button for reporters. */
import { Button, Group, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REPORT_STATUSES, type ReportStatus } from '../../../shared/reports.contract.ts';
import { hasAbility, useSignedInSession } from '../../features/auth/session.queries.ts';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { CountrySelect } from '../../features/reference/country-select.tsx';
import { ReportTable } from '../../features/reports/report-table.tsx';
import { useReports } from '../../features/reports/reports.api.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

export function ReportsPage() {
  return (
    <RequireSession abilities={['report.read']}>
      <Reports />
    </RequireSession>
  );
}

function Reports() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('reports.title')} — ${t('app.name')}`);
  const session = useSignedInSession();
  const isSecretariat = session?.user.organisation.kind === 'secretariat';
  const [party, setParty] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<ReportStatus | null>(null);
  const reports = useReports({ party, year, status });
  const items = reports.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('reports.title')}</Title>
        {hasAbility(session, 'report.import') ? (
          <Button component={Link} to="/reports/upload">
            {t('reports.upload.open')}
          </Button>
        ) : null}
      </Group>
      <Text>{isSecretariat ? t('reports.introSecretariat') : t('reports.introParty')}</Text>
      <div className="itd-filter-bar" role="search" aria-label={t('reports.filters')}>
        {isSecretariat ? (
          <CountrySelect label={t('reports.party')} partiesOnly clearable value={party} onChange={setParty} />
        ) : null}
        <NumberInput
          label={t('reports.year')}
          min={1975}
          max={2100}
          allowDecimal={false}
          value={year ?? ''}
          onChange={(value) => setYear(typeof value === 'number' && value >= 1975 ? value : null)}
        />
        <Select
          label={t('reports.columns.status')}
          clearable
          placeholder={t('reports.any')}
          data={REPORT_STATUSES.map((value) => ({ value, label: t(`reports.status.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(REPORT_STATUSES.find((known) => known === value) ?? null)}
        />
      </div>
      {reports.isPending ? <PageLoader label={t('reports.loading')} /> : null}
      {reports.isError ? <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} /> : null}
      {reports.isSuccess && items.length === 0 ? <Text>{t('reports.empty')}</Text> : null}
      {items.length > 0 ? <ReportTable reports={items} /> : null}
      {reports.hasNextPage ? (
        <Group>
          <Button
            variant="default"
            loading={reports.isFetchingNextPage}
            onClick={() => void reports.fetchNextPage()}
          >
            {t('reports.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
