/**
 * Which row of an upload is the header of its seizure table. Mapping profiles (how the columns of a known
 * compilation become the template's) are data in the database (migration 0053, mapping/mapping-profiles.repo.ts),
 * so the recogniser, which also runs in a reading worker with no database, knows headers by their words: the
 * template's columns in any of its languages, or enough columns the words of EN/FR/ES headers suggest.
 */
import { IMPORT_COLUMNS } from '../../../../shared/imports.contract.ts';
import { looksLikeSeizureHeader } from '../mapping/column-suggestions.ts';
import { otherFileKindOf } from './other-file-kinds.ts';
import { headerMapper } from './row-mapping.ts';

/**
 * Whether a row is the header of a seizure table: three of the template's columns (any language), or three
 * columns named by the words seizure compilations use ("Taxon", "Country", "Origin", "Weight (kg)").
 */
export function isImportHeader(header: string[]): boolean {
  return (
    // Recognised so that the upload can be refused with the reason (other-file-kinds.ts).
    otherFileKindOf(header) !== null ||
    IMPORT_COLUMNS.length - headerMapper(header).missingColumns.length >= 3 ||
    looksLikeSeizureHeader(header)
  );
}
