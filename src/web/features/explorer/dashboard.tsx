/**
 * The dashboard of the records matching the filters: seizures per year, the most seized taxa, a world map of
 * seizures by country in a chosen role, and the routes from origin to destination. Every figure comes from
 * GET /api/v1/seizures/stats, which counts only what the reader may see. The charts and the map are loaded
 * lazily (ECharts and the atlas are the heaviest parts of the app); each has its figures in a table beside it.
 */
import { Loader, Select, Table, Text } from '@mantine/core';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COUNTRY_ROLES,
  type CountryRole,
  type SeizureFilter,
  type StatsGroupRow,
} from '../../../shared/seizures.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { useCountryName } from '../reference/countries.queries.ts';
import { useSeizureStats } from './explorer.queries.ts';
import { formatCount, localeOf } from './explorer-format.ts';

const TrendChart = lazy(() => import('./charts.tsx').then((module) => ({ default: module.TrendChart })));
const TopTaxaChart = lazy(() => import('./charts.tsx').then((module) => ({ default: module.TopTaxaChart })));
const RouteChart = lazy(() => import('./charts.tsx').then((module) => ({ default: module.RouteChart })));
const WorldMap = lazy(() => import('./world-map.tsx').then((module) => ({ default: module.WorldMap })));

const TOP_TAXA = 10;
const TOP_ROUTES = 15;
/** Enough for every country in the world: the map is never cut. */
const ALL_COUNTRIES = 300;

export interface DashboardProps {
  filter: SeizureFilter;
  mapRole: CountryRole;
  onMapRoleChange: (role: CountryRole) => void;
}

export function Dashboard({ filter, mapRole, onMapRoleChange }: DashboardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = localeOf(language);
  const countryName = useCountryName();
  const years = useSeizureStats(filter, { groupBy: 'year' }, true);
  const taxa = useSeizureStats(filter, { groupBy: 'taxon', top: TOP_TAXA, rank: 'SPECIES' }, true);
  const countries = useSeizureStats(filter, { groupBy: 'country', role: mapRole, top: ALL_COUNTRIES }, true);
  const routes = useSeizureStats(filter, { groupBy: 'route', top: TOP_ROUTES }, true);

  const yearData = useMemo(() => fillYears(years.data?.groups ?? []), [years.data]);
  const taxonData = useMemo(
    () =>
      (taxa.data?.groups ?? []).map((group) => ({
        label: group.label ?? t('explorer.dashboard.unresolved'),
        count: group.count,
      })),
    [taxa.data, t],
  );
  const countryCounts = useMemo(
    () =>
      new Map(
        (countries.data?.groups ?? []).flatMap((group) =>
          group.key ? [[group.key, group.count] as const] : [],
        ),
      ),
    [countries.data],
  );
  const routeData = useMemo(
    () =>
      // Only known routes: records without both an origin and a destination form one group of no route.
      (routes.data?.groups ?? [])
        .filter((group) => group.from && group.to)
        .map((group) => ({
          from: countryName(group.from!),
          to: countryName(group.to!),
          count: group.count,
        })),
    [routes.data, countryName, t],
  );
  const roleLabel = t(`explorer.roles.${mapRole}`);

  return (
    <div className="itd-dashboard" data-testid="dashboard">
      <SectionCard id="explorer-trend" title={t('explorer.dashboard.trend')}>
        <ChartState query={years} isEmpty={yearData.length === 0}>
          <Suspense fallback={<ChartLoading />}>
            <TrendChart data={yearData} label={t('explorer.dashboard.trend')} locale={locale} />
          </Suspense>
          <Figures
            testId="trend-figures"
            heads={[t('explorer.dashboard.year'), t('explorer.dashboard.seizures')]}
            rows={yearData.map((d) => [d.label, formatCount(d.count, language)])}
          />
        </ChartState>
      </SectionCard>

      <SectionCard id="explorer-top-taxa" title={t('explorer.dashboard.topTaxa')}>
        <ChartState query={taxa} isEmpty={taxonData.length === 0}>
          <Suspense fallback={<ChartLoading />}>
            <TopTaxaChart data={taxonData} label={t('explorer.dashboard.topTaxa')} locale={locale} />
          </Suspense>
          <Figures
            testId="taxa-figures"
            heads={[t('explorer.dashboard.taxon'), t('explorer.dashboard.seizures')]}
            rows={taxonData.map((d) => [d.label, formatCount(d.count, language)])}
          />
        </ChartState>
      </SectionCard>

      <div className="itd-dashboard__wide">
        <SectionCard id="explorer-map" title={t('explorer.dashboard.map', { role: roleLabel })}>
          <Select
            label={t('explorer.dashboard.mapRole')}
            data={COUNTRY_ROLES.map((role) => ({ value: role, label: t(`explorer.roles.${role}`) }))}
            value={mapRole}
            onChange={(role) => onMapRoleChange(COUNTRY_ROLES.find((r) => r === role) ?? 'seizure')}
            allowDeselect={false}
            maw={260}
            mb="sm"
            comboboxProps={{ withinPortal: true }}
          />
          <ChartState query={countries} isEmpty={false}>
            <Suspense fallback={<ChartLoading />}>
              <WorldMap
                counts={countryCounts}
                countryName={(code) => countryName(code)}
                label={t('explorer.dashboard.map', { role: roleLabel })}
              />
            </Suspense>
            {/* The terms' designations disclaimer goes with every map the platform shows. */}
            <Text size="xs" c="dimmed" mt={4} data-testid="map-designations">
              {t('exports.chartImage.disclaimer')}
            </Text>
            <Figures
              testId="map-figures"
              heads={[t('explorer.dashboard.country'), t('explorer.dashboard.seizures')]}
              rows={[...countryCounts].map(([code, count]) => [
                countryName(code),
                formatCount(count, language),
              ])}
            />
          </ChartState>
        </SectionCard>
      </div>

      <div className="itd-dashboard__wide">
        <SectionCard id="explorer-routes" title={t('explorer.dashboard.routes')}>
          <ChartState query={routes} isEmpty={routeData.length === 0}>
            <Suspense fallback={<ChartLoading />}>
              <RouteChart data={routeData} label={t('explorer.dashboard.routes')} locale={locale} />
            </Suspense>
            <Figures
              testId="route-figures"
              heads={[t('explorer.dashboard.route'), t('explorer.dashboard.seizures')]}
              rows={routeData.map((d) => [`${d.from} → ${d.to}`, formatCount(d.count, language)])}
            />
          </ChartState>
        </SectionCard>
      </div>
    </div>
  );
}

/** Seizures per year from the first to the last year with any, years without seizures as 0. */
function fillYears(groups: StatsGroupRow[]): { label: string; count: number }[] {
  const counts = new Map(
    groups.flatMap((group) => (group.key ? [[Number(group.key), group.count] as const] : [])),
  );
  if (counts.size === 0) return [];
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  return Array.from({ length: last - first + 1 }, (_, index) => ({
    label: String(first + index),
    count: counts.get(first + index) ?? 0,
  }));
}

interface QueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  isPlaceholderData: boolean;
}

function ChartState({
  query,
  isEmpty,
  children,
}: {
  query: QueryState;
  isEmpty: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <ChartLoading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty) return <Text c="dimmed">{t('explorer.dashboard.empty')}</Text>;
  return <div className={query.isPlaceholderData ? 'itd-results-dimmed' : undefined}>{children}</div>;
}

function ChartLoading() {
  const { t } = useTranslation();
  return (
    <div className="itd-chart-loading" aria-live="polite">
      <Loader size="sm" />
      <Text size="sm">{t('explorer.dashboard.loading')}</Text>
    </div>
  );
}

/** The chart's figures as a table, folded under the chart: for screen readers, and for copying the numbers. */
function Figures({ heads, rows, testId }: { heads: [string, string]; rows: string[][]; testId: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <details className="itd-figures">
      <summary>{t('explorer.dashboard.figures')}</summary>
      <Table withTableBorder striped data-testid={testId} mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{heads[0]}</Table.Th>
            <Table.Th className="itd-col-number">{heads[1]}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([name, count]) => (
            <Table.Tr key={name}>
              <Table.Td>{name}</Table.Td>
              <Table.Td className="itd-col-number">{count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
