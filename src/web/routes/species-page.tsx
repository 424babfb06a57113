/**
 * /species — the CITES checklist. The search text (`q`) and the open taxon (`taxon`) live in the URL, so any
 * view can be bookmarked or sent to a colleague.
 */
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ResolutionLine } from '../features/species/resolution-line.tsx';
import { useTaxonSearch } from '../features/species/species.queries.ts';
import { SpeciesSearchBox, type SearchMode } from '../features/species/species-search-box.tsx';
import { TaxaTable } from '../features/species/taxa-table.tsx';
import { TaxonDetailDrawer } from '../features/species/taxon-detail-drawer.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';

export function SpeciesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('species.title')} — ${t('app.name')}`);
  const [params, setParams] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const taxonId = parseTaxonId(params.get('taxon'));

  const search = (next: string, mode: SearchMode) => {
    if (next === query) return;
    // A new search closes any open taxon: it belonged to the previous results.
    setParams(next ? { q: next } : {}, { replace: mode === 'typing' });
  };
  const openTaxon = (id: number) => {
    setParams((previous) => {
      const updated = new URLSearchParams(previous);
      updated.set('taxon', String(id));
      return updated;
    });
  };
  const closeTaxon = () => {
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        updated.delete('taxon');
        return updated;
      },
      { replace: true },
    );
  };

  const results = useTaxonSearch(query);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('species.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('species.intro')}
        </Text>
      </div>
      <SpeciesSearchBox query={query} onSearch={search} isSearching={results.isFetching} />
      <SearchResults query={query} results={results} onOpenTaxon={openTaxon} />
      <TaxonDetailDrawer taxonId={taxonId} onClose={closeTaxon} onOpenTaxon={openTaxon} />
    </Stack>
  );
}

interface SearchResultsProps {
  query: string;
  results: ReturnType<typeof useTaxonSearch>;
  onOpenTaxon: (id: number) => void;
}

function SearchResults({ query, results, onOpenTaxon }: SearchResultsProps) {
  const { t } = useTranslation();

  if (results.isPending) {
    return (
      <Group gap="sm" py="lg" aria-live="polite">
        <Loader size="sm" />
        <Text>{t('species.loading')}</Text>
      </Group>
    );
  }
  // Failed before anything could be shown: the error replaces the results.
  if (results.isError && results.data === undefined) {
    return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  }

  const pages = results.data?.pages ?? [];
  const taxa = pages.flatMap((page) => page.items);
  const resolution = pages[0]?.resolution ?? null;
  // When nothing matched for sure, the resolution line already says so (with suggestions): no second message.
  const isEmptyExplained = resolution !== null && resolution.match === null;

  return (
    <Stack gap="sm" aria-busy={results.isFetching}>
      <ResolutionLine resolution={resolution} />
      {taxa.length === 0 ? (
        isEmptyExplained ? null : (
          <Text py="lg" data-testid="empty-results">
            {query ? t('species.emptyForQuery', { query }) : t('species.emptyChecklist')}
          </Text>
        )
      ) : (
        <div className={results.isPlaceholderData ? 'itd-results-dimmed' : undefined}>
          <TaxaTable taxa={taxa} onOpenTaxon={onOpenTaxon} />
        </div>
      )}
      {results.isError ? (
        <ErrorAlert
          error={results.error}
          onRetry={() => void (results.isFetchNextPageError ? results.fetchNextPage() : results.refetch())}
        />
      ) : null}
      {taxa.length > 0 ? (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('species.shown', { count: taxa.length })}
          </Text>
          {results.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void results.fetchNextPage()}
              loading={results.isFetchingNextPage}
            >
              {t('species.loadMore')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

function parseTaxonId(value: string | null): number | null {
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
