/**
 * The matching records in a table that stays smooth over hundreds of thousands of rows: only the rows in view
 * (and a few around them) are in the DOM (TanStack Virtual), and the next page is asked for with its cursor
 * when the reader scrolls near the end of what is loaded (an infinite query). Columns are TanStack Table
 * columns; below `sm` the table keeps three (date, what was seized, where) and shows the rest under the taxon.
 */
import { Button, Text, UnstyledButton } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeizureItem } from '../../../shared/seizures.contract.ts';
import { useCountryName } from '../reference/countries.queries.ts';
import { useCodeLabel } from './codes.queries.ts';
import { formatQuantity, formatSeizureDate } from './explorer-format.ts';
import { useLanguage } from '../../ui/use-language.ts';

const features = tableFeatures({});
const column = createColumnHelper<typeof features, SeizureItem>();
const ROW_HEIGHT_ESTIMATE = 49;
/** CSS classes per column: `itd-col-wide` columns are hidden below `sm` (their values go under the taxon). */
const COLUMN_CLASS: Record<string, string> = {
  date: 'itd-col-date',
  taxonName: 'itd-col-taxon',
  termCode: 'itd-col-wide',
  quantity: 'itd-col-wide itd-col-number',
  seizureCountry: 'itd-col-country',
  route: 'itd-col-wide',
  reportingParty: 'itd-col-wide',
};
/** Ask for the next page when fewer than this many loaded rows are left below the view. */
const PREFETCH_ROWS = 30;

export interface ResultTableProps {
  items: SeizureItem[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** Matching records (may be capped); for aria-rowcount. */
  total: number | null;
  onOpenRecord: (id: number) => void;
}

export function ResultTable({
  items,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  total,
  onOpenRecord,
}: ResultTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countryName = useCountryName();
  const termLabel = useCodeLabel('term');

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('date', {
          header: () => t('explorer.columns.date'),
          cell: (info) => formatSeizureDate(info.row.original, language),
        }),
        column.accessor('taxonName', {
          header: () => t('explorer.columns.taxon'),
          cell: (info) => <TaxonCell item={info.row.original} onOpen={onOpenRecord} />,
        }),
        column.accessor('termCode', {
          header: () => t('explorer.columns.term'),
          cell: (info) => {
            const code = info.getValue();
            return code ? <span title={termLabel(code)}>{termLabel(code)}</span> : '—';
          },
        }),
        column.accessor('quantity', {
          header: () => t('explorer.columns.quantity'),
          cell: (info) => formatQuantity(info.row.original, language),
        }),
        column.accessor('seizureCountry', {
          header: () => t('explorer.columns.seizureCountry'),
          cell: (info) => countryName(info.getValue()) || '—',
        }),
        column.display({
          id: 'route',
          header: () => t('explorer.columns.route'),
          cell: (info) => routeText(info.row.original, countryName),
        }),
        column.accessor('reportingParty', {
          header: () => t('explorer.columns.reportingParty'),
          cell: (info) => countryName(info.getValue()),
        }),
      ]),
    [t, language, countryName, termLabel, onOpenRecord],
  );

  const table = useTable({ features, columns, data: items, getRowId: (item) => String(item.id) });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastVisible = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= rows.length - PREFETCH_ROWS) fetchNextPage();
  }, [lastVisible, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const columnCount = table.getAllLeafColumns().length;

  return (
    <div>
      <div ref={scrollRef} className="itd-result-scroll" data-testid="result-table" tabIndex={0}>
        <table
          className="itd-result-table"
          aria-rowcount={(total ?? rows.length) + 1}
          aria-label={t('explorer.table.label')}
        >
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className={COLUMN_CLASS[header.column.id]}>
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columnCount} className="itd-result-spacer" style={{ height: paddingTop }} />
              </tr>
            ) : null}
            {virtualRows.map((virtualRow) => {
              const row = rows[virtualRow.index];
              if (!row) return null;
              return (
                <tr
                  key={row.id}
                  data-index={virtualRow.index}
                  ref={virtualizer.measureElement}
                  aria-rowindex={virtualRow.index + 2}
                  onClick={() => onOpenRecord(row.original.id)}
                  data-testid="result-row"
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={COLUMN_CLASS[cell.column.id]}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columnCount} className="itd-result-spacer" style={{ height: paddingBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {hasNextPage ? (
        // For keyboards and screen readers, which do not scroll the box: the same next page on demand.
        <Button variant="subtle" size="xs" mt={4} onClick={fetchNextPage} loading={isFetchingNextPage}>
          {t('explorer.table.loadMore')}
        </Button>
      ) : null}
    </div>
  );
}

function TaxonCell({ item, onOpen }: { item: SeizureItem; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const termLabel = useCodeLabel('term');
  const name = item.taxon?.name ?? item.taxonName ?? t('record.noTaxon');
  return (
    <>
      <UnstyledButton
        className="itd-record-button"
        aria-haspopup="dialog"
        aria-label={t('explorer.table.open', { name, id: item.id })}
        // The row's own click handler opens the record; the button is for keyboards.
        onClick={(event) => {
          event.stopPropagation();
          onOpen(item.id);
        }}
      >
        <span lang="la">{name}</span>
      </UnstyledButton>
      <Text size="xs" c="dimmed" hiddenFrom="sm">
        {[item.termCode ? termLabel(item.termCode) : null, formatQuantity(item, language)]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </>
  );
}

function routeText(item: SeizureItem, countryName: (code: string | null) => string): string {
  if (!item.originCountry && !item.destinationCountry) return '—';
  return `${countryName(item.originCountry) || '?'} → ${countryName(item.destinationCountry) || '?'}`;
}
