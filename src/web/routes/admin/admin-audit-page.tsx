/**
 * /admin/audit — the audit viewer of Secretariat admins: the chain's state, entries filtered by time, person,
 * organisation, action, report or record, page by page, and the CSV export of everything the filters match.
 * The filters live in the URL; reading the log (and exporting it) is itself recorded.
 */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { AuditChainAlert } from '../../features/audit/audit-chain-alert.tsx';
import { AuditEntryTable } from '../../features/audit/audit-entry-table.tsx';
import { AuditFilterBar, rememberPerson } from '../../features/audit/audit-filter-bar.tsx';
import {
  auditCsvHref,
  auditFiltersFromParams,
  auditFiltersToParams,
  NO_AUDIT_FILTERS,
  useAuditEntries,
  type AuditFilters,
} from '../../features/audit/audit.api.ts';
import auditEn from '../../i18n/audit/en.json' with { type: 'json' };
import auditEs from '../../i18n/audit/es.json' with { type: 'json' };
import auditFr from '../../i18n/audit/fr.json' with { type: 'json' };
import { registerPageMessages } from '../../i18n/register-page-messages.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

registerPageMessages('audit', { en: auditEn, fr: auditFr, es: auditEs });

export function AdminAuditPage() {
  return (
    <RequireSession abilities={['audit.read']}>
      <AuditViewer />
    </RequireSession>
  );
}

function AuditViewer() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('audit.title')} — ${t('app.name')}`);
  const [params, setParams] = useSearchParams();
  const filters = auditFiltersFromParams(params);
  const entries = useAuditEntries(filters);
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const apply = (next: AuditFilters) => setParams(auditFiltersToParams(next), { replace: true });
  const isFiltered = auditFiltersToParams(filters).size > 0;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('audit.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('audit.intro')}
        </Text>
      </div>
      <AuditChainAlert />
      {/* Keyed by the URL so that a filter set from the table (a person, a record) shows in the fields. */}
      <AuditFilterBar key={params.toString()} value={filters} onChange={apply} />
      <Group gap="sm">
        <Button component="a" href={auditCsvHref(filters)} download variant="light" data-testid="audit-csv">
          {t('audit.exportCsv')}
        </Button>
        {isFiltered ? (
          <Button variant="subtle" onClick={() => apply(NO_AUDIT_FILTERS)}>
            {t('audit.clearFilters')}
          </Button>
        ) : null}
      </Group>
      <div aria-live="polite">
        {entries.isPending ? <PageLoader label={t('common.loading')} /> : null}
        {entries.isError ? <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} /> : null}
        {entries.isSuccess && items.length === 0 ? <Text>{t('audit.none')}</Text> : null}
      </div>
      {items.length > 0 ? (
        <AuditEntryTable
          entries={items}
          onFilterActor={(actorId, label) => {
            rememberPerson(actorId, label);
            apply({ ...filters, actorId });
          }}
          onFilterRecord={(recordId) => apply({ ...filters, recordId })}
        />
      ) : null}
      {entries.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void entries.fetchNextPage()}
          loading={entries.isFetchingNextPage}
          data-testid="audit-more"
        >
          {t('audit.more')}
        </Button>
      ) : null}
    </Stack>
  );
}
