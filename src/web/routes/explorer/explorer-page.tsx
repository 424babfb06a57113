/**
 * /explorer — the ITD data explorer: filters, the matching records (virtual table with cursor paging), a record
 * drawer with its history, and a dashboard (trend, top taxa, world map, routes). Everything the page shows is in
 * its URL, so a view can be bookmarked or sent to a colleague; the server applies the colleague's own visibility,
 * so the same URL may show them other numbers.
 */
import { Alert, Group, Loader, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SEIZURE_SORTS, type SeizureFilter, type SeizureSort } from '../../../shared/seizures.contract.ts';
import { Dashboard } from '../../features/explorer/dashboard.tsx';
import { useSeizureSearch } from '../../features/explorer/explorer.queries.ts';
import { formatCount } from '../../features/explorer/explorer-format.ts';
import {
  defaultMapRole,
  parseExplorerView,
  viewToParams,
  type ExplorerView,
} from '../../features/explorer/explorer-url.ts';
import { FilterPanel, type FilterChange } from '../../features/explorer/filter-panel.tsx';
import { RecordDrawer } from '../../features/seizure-record/record-drawer.tsx';
import { ResultTable } from '../../features/explorer/result-table.tsx';
import { ExportButton } from '../../features/exports/export-dialog.tsx';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import '../../features/explorer/explorer.css';

type Tab = 'records' | 'dashboard';

export function ExplorerPage() {
  return (
    <RequireSession abilities={['itd.read']}>
      <Explorer />
    </RequireSession>
  );
}

function Explorer() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('explorer.title')} — ${t('app.name')}`);
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseExplorerView(params), [params]);
  const tab: Tab = params.get('tab') === 'dashboard' ? 'dashboard' : 'records';

  /**
   * Changes of view are applied to the URL as it is at the moment of the change (window.location), not to the
   * parameters of the last render: the router renders navigations in a transition, so two quick changes (a
   * country, then its role) could otherwise be computed from the same old URL and the first one lost.
   */
  const navigateTo = useCallback(
    (
      compute: (current: ExplorerView, currentParams: URLSearchParams) => URLSearchParams,
      replace: boolean,
      keepTab = true,
    ) => {
      const currentParams = new URLSearchParams(window.location.search);
      const next = compute(parseExplorerView(currentParams), currentParams);
      if (keepTab && currentParams.get('tab') === 'dashboard') next.set('tab', 'dashboard');
      setParams(next, { replace });
    },
    [setParams],
  );
  const update = useCallback(
    (changes: Partial<Omit<ExplorerView, 'rejected'>>, options: { replace?: boolean } = {}) =>
      navigateTo((current) => viewToParams({ ...current, ...changes }), options.replace ?? false),
    [navigateTo],
  );
  /** Applies filter changes (or, with null, clears them); closes any open record. */
  const updateFilter = (change: FilterChange | null) =>
    navigateTo((current) => {
      const changes = typeof change === 'function' ? change(current.filter) : change;
      const filter: SeizureFilter =
        changes === null ? { countryRole: 'any' } : { ...current.filter, ...changes };
      return viewToParams({ ...current, filter, recordId: null });
    }, false);
  const setTab = (next: Tab) =>
    navigateTo(
      (_current, currentParams) => {
        const updated = new URLSearchParams(currentParams);
        updated.delete('tab');
        if (next === 'dashboard') updated.set('tab', 'dashboard');
        return updated;
      },
      true,
      false,
    );
  const openRecord = useCallback((id: number) => update({ recordId: id }), [update]);

  return (
    <Stack gap="md" className="itd-explorer">
      <div>
        <Title order={1}>{t('explorer.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('explorer.intro')}
        </Text>
      </div>
      {view.rejected.length > 0 ? (
        <Alert color="orange" variant="light" data-testid="explorer-rejected">
          {t('explorer.rejected', { names: view.rejected.join(', ') })}
        </Alert>
      ) : null}
      <FilterPanel
        filter={view.filter}
        onChange={(changes) => updateFilter(changes)}
        onClear={() => updateFilter(null)}
      />
      <Tabs value={tab} onChange={(value) => setTab(value === 'dashboard' ? 'dashboard' : 'records')}>
        <Tabs.List>
          <Tabs.Tab value="records">{t('explorer.tabs.records')}</Tabs.Tab>
          <Tabs.Tab value="dashboard">{t('explorer.tabs.dashboard')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="records" pt="md">
          {tab === 'records' ? (
            <Records
              filter={view.filter}
              sort={view.sort}
              onSortChange={(sort) => update({ sort }, { replace: true })}
              onOpenRecord={openRecord}
            />
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="dashboard" pt="md">
          {tab === 'dashboard' ? (
            <Dashboard
              filter={view.filter}
              mapRole={view.mapRole ?? defaultMapRole(view.filter)}
              onMapRoleChange={(mapRole) => update({ mapRole }, { replace: true })}
            />
          ) : null}
        </Tabs.Panel>
      </Tabs>
      <RecordDrawer recordId={view.recordId} onClose={() => update({ recordId: null }, { replace: true })} />
    </Stack>
  );
}

interface RecordsProps {
  filter: SeizureFilter;
  sort: SeizureSort;
  onSortChange: (sort: SeizureSort) => void;
  onOpenRecord: (id: number) => void;
}

function Records({ filter, sort, onSortChange, onOpenRecord }: RecordsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const results = useSeizureSearch(filter, sort, true);
  const pages = results.data?.pages ?? [];
  const items = useMemo(() => pages.flatMap((page) => page.items), [pages]);
  const total = pages[0]?.total ?? null;
  const { fetchNextPage: fetchNext } = results;
  const fetchNextPage = useCallback(() => void fetchNext(), [fetchNext]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Text aria-live="polite" data-testid="result-count" fw={500}>
          {results.isPending
            ? t('explorer.counting')
            : total === null
              ? t('explorer.shown', { count: items.length })
              : total.isCapped
                ? t('explorer.countCapped', { count: formatCount(total.count, language) })
                : t('explorer.count', { count: total.count, formatted: formatCount(total.count, language) })}
        </Text>
        <Group gap="sm" align="flex-end">
          <ExportButton filter={filter} />
          <Select
            label={t('explorer.sort.label')}
            data={SEIZURE_SORTS.map((value) => ({ value, label: t(`explorer.sort.${value}`) }))}
            value={sort}
            onChange={(value) => onSortChange(SEIZURE_SORTS.find((s) => s === value) ?? 'date_desc')}
            allowDeselect={false}
            w={220}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
      </Group>
      {results.isPending ? (
        <Group gap="sm" py="lg">
          <Loader size="sm" />
          <Text>{t('explorer.loading')}</Text>
        </Group>
      ) : results.isError && results.data === undefined ? (
        <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : items.length === 0 ? (
        <Text py="lg" data-testid="empty-results">
          {t('explorer.empty')}
        </Text>
      ) : (
        <div className={results.isPlaceholderData ? 'itd-results-dimmed' : undefined}>
          <ResultTable
            items={items}
            total={total?.count ?? null}
            hasNextPage={results.hasNextPage}
            isFetchingNextPage={results.isFetchingNextPage}
            fetchNextPage={fetchNextPage}
            onOpenRecord={onOpenRecord}
          />
        </div>
      )}
      {results.isError && results.data !== undefined ? (
        <ErrorAlert error={results.error} onRetry={() => void results.fetchNextPage()} />
      ) : null}
    </Stack>
  );
}
