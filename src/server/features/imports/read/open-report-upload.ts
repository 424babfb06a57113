/**
 * The report importer's reading of an upload: the spreadsheet toolkit's reader with the importer's header
 * recogniser (`isImportHeader`: the template's columns in any of the three languages, or a mapping profile's
 * signature), in a worker thread for a large workbook.
 */
import {
  openSpreadsheet,
  readSpreadsheetInWorker,
  type HeaderRecogniser,
  type SpreadsheetSheet,
} from '../../../lib/spreadsheets/open-spreadsheet.ts';
import type { ReadOptions } from '../../../lib/spreadsheets/read-spreadsheet.ts';
import { isImportHeader } from './mapping-profiles.ts';

export const IMPORT_HEADER: HeaderRecogniser = {
  isHeader: isImportHeader,
  module: { url: new URL('./mapping-profiles.ts', import.meta.url).href, exportName: 'isImportHeader' },
};

/** The upload's seizure table, read in a worker when that is worth it. */
export const openUpload = (
  bytes: Buffer,
  batchRows: number,
  options: ReadOptions = {},
): Promise<SpreadsheetSheet> => openSpreadsheet(bytes, IMPORT_HEADER, batchRows, options);

/** The upload's seizure table read in a worker whatever its size. */
export const readUploadInWorker = (bytes: Buffer, batchRows: number): Promise<SpreadsheetSheet> =>
  readSpreadsheetInWorker(bytes, IMPORT_HEADER, batchRows);
