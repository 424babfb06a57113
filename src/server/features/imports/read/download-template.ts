/**
 * The report template for a Party to fill in: the columns as a CSV header row, or the XLSX workbook with its
 * instructions and drop-down lists (read from the reference tables, so only the workbook opens a transaction).
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { Language } from '../../../../shared/languages.ts';
import { withActor } from '../../../db/with-actor.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { READS_ONLY, type ImportsDeps } from '../imports-deps.ts';
import { assertMayImport } from '../imports.policy.ts';
import { templateCsv, templateXlsx } from './import-template.ts';

export type TemplateFormat = 'xlsx' | 'csv';

export async function downloadTemplate(
  deps: ImportsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { format: TemplateFormat; language: Language },
): Promise<string | Buffer> {
  assertMayImport(actor);
  // The byte order mark makes spreadsheet programs read the CSV as UTF-8.
  if (input.format === 'csv') return `\uFEFF${templateCsv(input.language)}`;
  return withActor(deps.db, actor, (tx) => templateXlsx(tx, input.language), READS_ONLY);
}
