/**
 * /reports/imports/:id — the review of an uploaded file before anything is stored: the problems, fixed in place or
 * accepted, checked again, then submitted. The final summary says how many rows were imported, rejected or
 * flagged as duplicates (they add up to the rows in the file) and leads to the report.
 */
import { Alert, Anchor, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ImportBatch, SubmitResult } from '../../../shared/imports.contract.ts';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { BatchSummary } from '../../features/imports/batch-summary.tsx';
import { ColumnMapping, needsColumnReview } from '../../features/imports/column-mapping.tsx';
import { ConventionsQuestion } from '../../features/imports/conventions-question.tsx';
import {
  useBatch,
  useBatchActions,
  useStagingRows,
  type RowFilter,
} from '../../features/imports/imports.api.ts';
import { ProblemGroups } from '../../features/imports/problem-groups.tsx';
import { ProblemTable } from '../../features/imports/problem-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { SectionCard } from '../../ui/section-card.tsx';

const FILTERS = ['problems', 'blocking', 'warnings', 'duplicates'] as const satisfies readonly RowFilter[];

export function StagingPage() {
  return (
    <RequireSession abilities={['report.import']}>
      <StagingLoader />
    </RequireSession>
  );
}

function StagingLoader() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('reports.staging.title')} — ${t('app.name')}`);
  const { id = '' } = useParams();
  const batch = useBatch(id);
  if (batch.isPending) return <PageLoader label={t('reports.loading')} />;
  if (batch.isError) return <ErrorAlert error={batch.error} onRetry={() => void batch.refetch()} />;
  return <Staging batch={batch.data} />;
}

function Staging({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const [show, setShow] = useState<(typeof FILTERS)[number]>('problems');
  const rows = useStagingRows(batch.id, show);
  const isSmallScreen = useMediaQuery('(max-width: 48em)') ?? false;
  const actions = useBatchActions(batch.id);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const items = rows.data?.pages.flatMap((page) => page.items) ?? [];
  const isStaged = batch.status === 'staged';
  const failed = [
    actions.acceptWarnings,
    actions.validate,
    actions.submit,
    actions.discard,
    actions.chooseConventions,
  ].find((m) => m.isError);

  if (result) return <SubmitSummary result={result} />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/reports" size="sm">
        {t('reports.backToList')}
      </Anchor>
      <Title order={1}>{t('reports.staging.title')}</Title>
      <Text>{t('reports.staging.intro')}</Text>
      <BatchSummary batch={batch} />
      <ConventionsQuestion
        batch={batch}
        editable={isStaged}
        busy={actions.chooseConventions.isPending}
        onChoose={(choice) => actions.chooseConventions.mutate(choice)}
      />
      {needsColumnReview(batch) ? (
        <ColumnMapping
          key={batch.mapping.decidedAt ?? 'upload'}
          batch={batch}
          editable={isStaged && batch.abilities.edit}
          busy={actions.mapColumns.isPending}
          error={actions.mapColumns.error}
          onApply={(mapping) => actions.mapColumns.mutate(mapping)}
        />
      ) : null}
      <SectionCard id="staging-groups" title={t('imports.groups.title')}>
        <ProblemGroups batchId={batch.id} actions={actions} canEdit={isStaged && batch.abilities.edit} />
      </SectionCard>
      {!isStaged ? (
        <Alert color="gray" variant="light">
          {t(`reports.staging.closed.${batch.status}`)}{' '}
          {batch.reportId ? (
            <Anchor component={Link} to={`/reports/${batch.reportId}`}>
              {t('reports.staging.openReport')}
            </Anchor>
          ) : null}
        </Alert>
      ) : null}
      <SectionCard id="staging-problems" title={t('reports.staging.problems')}>
        <Stack gap="md">
          <SegmentedControl
            value={show}
            onChange={(value) => setShow(FILTERS.find((known) => known === value) ?? 'problems')}
            data={FILTERS.map((value) => ({ value, label: t(`reports.staging.show.${value}`) }))}
            fullWidth
            // Four choices do not fit side by side on a phone.
            orientation={isSmallScreen ? 'vertical' : 'horizontal'}
          />
          {rows.isPending ? <PageLoader label={t('reports.loading')} /> : null}
          {rows.isError ? <ErrorAlert error={rows.error} onRetry={() => void rows.refetch()} /> : null}
          {rows.isSuccess && items.every((row) => row.problems.length === 0) ? (
            <Text>{t('reports.staging.noProblems')}</Text>
          ) : null}
          {items.some((row) => row.problems.length > 0) ? (
            <ProblemTable rows={items} actions={actions} canEdit={batch.abilities.edit} />
          ) : null}
          {rows.hasNextPage ? (
            <Group>
              <Button
                variant="default"
                loading={rows.isFetchingNextPage}
                onClick={() => void rows.fetchNextPage()}
              >
                {t('reports.loadMore')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </SectionCard>
      {failed ? <FormError error={failed.error} fields={[]} /> : null}
      {isStaged ? (
        <Group gap="sm">
          {batch.abilities.edit && batch.counts.warnings > 0 ? (
            <Button
              variant="light"
              color="yellow"
              loading={actions.acceptWarnings.isPending}
              onClick={() => actions.acceptWarnings.mutate({ rows: 'all' })}
            >
              {t('reports.staging.acceptAll')}
            </Button>
          ) : null}
          {batch.abilities.edit ? (
            <Button
              variant="default"
              loading={actions.validate.isPending}
              onClick={() => actions.validate.mutate()}
            >
              {t('reports.staging.revalidate')}
            </Button>
          ) : null}
          {batch.abilities.submit ? (
            <Button
              loading={actions.submit.isPending}
              onClick={() => actions.submit.mutate(undefined, { onSuccess: setResult })}
            >
              {t('reports.staging.submit', { n: batch.counts.ready })}
            </Button>
          ) : null}
          {batch.abilities.discard ? (
            <Button
              variant="subtle"
              color="red"
              loading={actions.discard.isPending}
              onClick={() => actions.discard.mutate()}
            >
              {t('reports.staging.discard')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {isStaged && batch.counts.blocking > 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.staging.blockingNote', { n: batch.counts.blocking })}
        </Text>
      ) : null}
    </Stack>
  );
}

function SubmitSummary({ result }: { result: SubmitResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" data-testid="submit-summary">
      <Title order={1}>{t('reports.staging.doneTitle')}</Title>
      <Alert color="teal" variant="light">
        {t('reports.staging.done', {
          imported: result.imported,
          rejected: result.rejected,
          duplicates: result.duplicates,
          total: result.total,
        })}
      </Alert>
      <Group>
        <Button component={Link} to={`/reports/${result.reportId}`}>
          {t('reports.staging.openReport')}
        </Button>
      </Group>
    </Stack>
  );
}
