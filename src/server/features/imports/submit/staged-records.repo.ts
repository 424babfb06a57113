/** A submitted batch's rows as the records writer reads them: the one way staged rows leave the imports feature. */
import { sql } from 'kysely';
import type { RecordSource } from '../../seizure-records/index.ts';

/**
 * The importable rows of a batch with row numbers in (after, upTo], as the records writer reads them
 * (seizure-records RecordSource), so a submit copies them into seizure_records inside the database. What the Party
 * wrote is the file's cells under the file's own headers, exactly as written (rows staged before migration 0046:
 * the cells as first staged, unknown columns under their own headers), whatever the review corrected; the
 * corrections go with the record as its review fixes (ADR 0011). The fingerprint is the one the staging check
 * computed with fingerprintOf.
 *   (select row_number as source_row, source cells as original, edits as review_fixes, fingerprint,
 *           normalised from import_rows where batch_id = $batch and outcome = 'import' and row_number in range)
 */
export function stagedRecordSource(batchId: string, rows: { after: number; upTo: number }): RecordSource {
  // A row naming several kinds of specimens becomes a record per kind (its `parts`), one case id for them all.
  return sql`(select r.row_number as source_row,
                     coalesce(r.source_cells, r.extra || coalesce(r.file_cells, r.cells)) as original,
                     nullif(r.edits, '[]'::jsonb) as review_fixes, p.fingerprint,
                     case when jsonb_array_length(coalesce(r.normalised -> 'parts', '[]'::jsonb)) > 0
                          then md5(r.batch_id::text || ':' || r.row_number)::uuid end as case_id,
                     p.normalised
                from import_rows r
                cross join lateral (
                  select r.fingerprint, r.normalised - 'parts' as normalised
                  union all
                  select part ->> 'fingerprint', part -> 'values'
                    from jsonb_array_elements(coalesce(r.normalised -> 'parts', '[]'::jsonb)) part
                ) p
               where r.batch_id = ${batchId}::uuid and r.outcome = 'import'
                 and r.row_number > ${rows.after}::int and r.row_number <= ${rows.upTo}::int)`;
}
