/** Staged batches and rows as the API shows them, with problem messages in the caller's language. */
import type { Actor } from '../../../shared/actor.ts';
import type {
  ColumnTarget,
  ImportBatch,
  ImportColumn,
  StagingProblem,
  StagingRow,
} from '../../../shared/imports.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import type { Tx } from '../../db/with-actor.ts';
import { problemKey } from './check/check-rows.ts';
import { problemMessage, RULES } from './check/validation-rules.ts';
import { batchAbilities } from './imports.policy.ts';
import { suggestColumns } from './mapping/column-suggestions.ts';
import type { BatchRow } from './staged-batches.repo.ts';
import { countRows, type StagedRow } from './staged-rows.repo.ts';

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export async function batchView(tx: Tx, actor: Actor, batch: BatchRow): Promise<ImportBatch> {
  const {
    dateOrderOpen,
    decimalMarkOpen,
    lastRow,
    records: _records,
    ...rows
  } = await countRows(tx, batch.id);
  const blank = rows.total === 0 ? 0 : Math.max(0, lastRow - batch.header_row - rows.total);
  const counts = { ...rows, blank };
  const suggestions = suggestColumns(batch.source_headers);
  const decided = new Map(batch.column_decisions.map((d) => [d.header, d.to as ColumnTarget]));
  return {
    id: batch.id,
    party: batch.party.trim(),
    year: batch.year,
    shareParties: batch.share_parties,
    shareIccwc: batch.share_iccwc,
    shareEtis: batch.share_etis,
    preparingAgency: batch.preparing_agency,
    contributingAgencies: batch.contributing_agencies,
    contactName: batch.contact_name,
    contactEmail: batch.contact_email,
    fileName: batch.file_name,
    mediaType: batch.media_type,
    status: batch.status,
    sheetName: batch.sheet_name,
    headerRow: batch.header_row,
    unknownColumns: batch.unknown_columns,
    missingColumns: batch.missing_columns as ImportColumn[],
    counts,
    sourceColumns: batch.source_headers.map((header, i) => ({
      header,
      to: decided.get(header) ?? 'extra',
      suggestion: suggestions[i]!,
    })),
    mapping: {
      profile: batch.profile_name,
      decidedBy: batch.mapping_decided_by,
      decidedAt: batch.mapping_decided_at ? iso(batch.mapping_decided_at) : null,
    },
    conventions: {
      dateOrder: {
        value: batch.date_order,
        waitingRows: dateOrderOpen,
        decidedBy: batch.date_order_decided_by,
        decidedAt: batch.date_order_decided_at ? iso(batch.date_order_decided_at) : null,
      },
      decimalMark: {
        value: batch.decimal_mark,
        waitingRows: decimalMarkOpen,
        decidedBy: batch.decimal_mark_decided_by,
        decidedAt: batch.decimal_mark_decided_at ? iso(batch.decimal_mark_decided_at) : null,
      },
    },
    createdAt: iso(batch.created_at),
    uploadedBy: batch.uploaded_by,
    reportId: batch.report_id,
    abilities: batchAbilities(actor, batch),
  };
}

export function problemsOf(row: StagedRow, language: Language): StagingProblem[] {
  return row.problems.map((p) => ({
    row: row.rowNumber,
    column: p.column,
    value: p.column ? (row.cells[p.column] ?? '') : '',
    code: p.code,
    severity: RULES[p.code].severity,
    message: problemMessage(p.code, language, p.params),
    suggestion: p.suggestion,
    accepted: row.accepted.includes(problemKey(p)),
  }));
}

export function rowView(row: StagedRow, language: Language): StagingRow {
  const v = row.values;
  return {
    row: row.rowNumber,
    cells: row.cells,
    extra: row.extra,
    normalised: {
      seizureDate: v.seizureDate,
      datePrecision: v.datePrecision,
      taxonId: v.taxonId,
      taxonName: v.taxonName,
      appendix: v.appendix,
      termCode: v.termCode,
      quantity: v.quantity,
      unitCode: v.unitCode,
      quantityKg: v.quantityKg,
      quantityCount: v.quantityCount,
      originCountry: v.originCountry,
      exportCountry: v.exportCountry,
      transitCountries: v.transitCountries,
      destinationCountry: v.destinationCountry,
      offenderNationalities: v.offenderNationalities,
      isElephant: v.isElephant,
    },
    problems: problemsOf(row, language),
    outcome: row.outcome,
  };
}
