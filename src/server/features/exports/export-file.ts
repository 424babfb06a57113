/**
 * How every export is made, whatever it holds (records, figures, a Party's own records):
 *   1. the register entry and its audit entry are committed first, so a file that leaves is always registered
 *      (an export cut short keeps `completed_at` empty);
 *   2. the file is written in one withActor transaction, straight to the answer: the header block (a sheet of its
 *      own in XLSX), then the rows pulled from a cursor as fast as the client takes them, through the toolkit's
 *      writers (formula guard on every text cell), while a SHA-256 and the size are computed on the way out;
 *   3. the row count, the Parties whose records it holds, the checksum and size complete the register entry, with
 *      an audit entry saying how many records of each Party went out.
 */
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import type { UserActor } from '../../../shared/actor.ts';
import type { ExportFormat } from '../../../shared/exports.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { SpreadsheetRow } from '../../lib/spreadsheets/spreadsheet-cell.ts';
import { writeCsv } from '../../lib/spreadsheets/write-csv.ts';
import { openXlsxWriter } from '../../lib/spreadsheets/write-xlsx.ts';
import { auditContextOf, recordAudit, recordsReturned } from '../audit/index.ts';
import { listCodes, listCountries } from '../reference/index.ts';
import { completeDownload, insertDownload, type NewDownload } from './downloads.repo.ts';
import type { HeaderFacts } from './export-header.ts';
import { WORDS } from './export-texts.ts';
import type { ExportsDeps } from './exports-deps.ts';
import type { Labels } from './record-cells.ts';

export interface ExportFile {
  exportId: string;
  fileName: string;
  contentType: string;
  body: Readable;
}

/** What a kind of export writes: its header block, its table's header row and rows, and what went out. */
export interface ExportContent {
  notes: SpreadsheetRow[];
  columns: SpreadsheetRow;
  rows: AsyncIterable<SpreadsheetRow> | Iterable<SpreadsheetRow>;
  /** Read after the last row: how many records of each Party the file holds. */
  tally(): { rowCount: number; partyCounts: Record<string, number> };
}

export interface ExportSpec {
  kind: NewDownload['kind'];
  format: ExportFormat;
  language: Language;
  filters: Record<string, unknown>;
  columns: string[];
  groupBy: string | null;
  publication: boolean;
  organisation: string;
  /** Runs in the reading transaction; `header` holds what every header block says. */
  content(tx: Tx, header: Omit<HeaderFacts, 'parties'>): Promise<ExportContent>;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Names of countries, terms and units in a language, for labels beside codes. */
export async function loadLabels(tx: Tx, language: Language): Promise<Labels> {
  const [countries, terms, units] = await Promise.all([
    listCountries(tx),
    listCodes(tx, 'term'),
    listCodes(tx, 'unit'),
  ]);
  return {
    countries: new Map(countries.map((c) => [c.code.trim(), c.names[language]])),
    terms: new Map(terms.map((c) => [c.code, c.labels[language]])),
    units: new Map(units.map((c) => [c.code, c.labels[language]])),
  };
}

/** Counts bytes and hashes them on their way to the answer. */
function measuring(): Transform & { digest(): { checksum: string; size: number } } {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(stream, { digest: () => ({ checksum: hash.digest('hex'), size }) });
}

async function* withTable(content: ExportContent): AsyncGenerator<SpreadsheetRow> {
  yield* content.notes;
  yield [];
  yield content.columns;
  yield* content.rows;
}

async function writeFile(spec: ExportSpec, content: ExportContent, output: Transform): Promise<void> {
  if (spec.format === 'csv') {
    // Excel needs the byte order mark to read accents right.
    await writeCsv(output, withTable(content), { bom: true });
    return;
  }
  const workbook = openXlsxWriter(output);
  const about = workbook.addSheet(WORDS.about[spec.language], { columnWidths: [34, 120] });
  for (const note of content.notes) await about.addRow(note);
  const data = workbook.addSheet(WORDS.data[spec.language], { frozenRows: 1 });
  await data.addRow(content.columns, { bold: true });
  await data.addRows(content.rows);
  await workbook.finish();
}

export async function runExport(
  deps: ExportsDeps,
  actor: UserActor,
  request: RequestContext,
  spec: ExportSpec,
): Promise<ExportFile> {
  const exportId = randomUUID();
  const madeAt = deps.clock();
  const audit = auditContextOf(actor, deps.clock, request);
  await withActor(deps.db, actor, async (tx) => {
    await insertDownload(tx, {
      id: exportId,
      user_id: actor.userId,
      organisation_id: actor.organisationId,
      user_label: actor.label,
      organisation_name: spec.organisation,
      kind: spec.kind,
      format: spec.format,
      language: spec.language,
      filters: spec.filters,
      columns: spec.columns,
      group_by: spec.groupBy,
      publication: spec.publication,
      created_at: madeAt,
    });
    await recordAudit(tx, audit, {
      action: 'export.started',
      targetType: 'download',
      targetId: exportId,
      details: { kind: spec.kind, format: spec.format, filters: spec.filters, groupBy: spec.groupBy },
    });
  });
  const output = measuring();
  const body = new PassThrough();
  // The answer ends only once the register entry is complete, so a client that has the whole file finds it there.
  output.pipe(body, { end: false });
  output.on('error', (error) => body.destroy(error));
  const header = {
    exportId,
    organisation: spec.organisation,
    madeAt,
    language: spec.language,
    filters: spec.filters,
  };
  void (async () => {
    const tally = await withActor(deps.db, actor, async (tx) => {
      const content = await spec.content(tx, header);
      await writeFile(spec, content, output);
      return content.tally();
    });
    const { checksum, size } = output.digest();
    await withActor(deps.db, actor, async (tx) => {
      const parties = Object.keys(tally.partyCounts).sort();
      await completeDownload(tx, exportId, {
        rowCount: tally.rowCount,
        parties,
        partyCounts: tally.partyCounts,
        checksum,
        sizeBytes: size,
        at: deps.clock(),
      });
      await recordAudit(tx, audit, {
        action: 'export.completed',
        targetType: 'download',
        targetId: exportId,
        details: {
          rowCount: tally.rowCount,
          ...recordsReturned(actor, tally.partyCounts),
          checksum,
          sizeBytes: size,
        },
      });
    });
    body.end();
  })().catch((error: unknown) => {
    // The answer is already under way: all that can be done is to cut it, so the client sees it incomplete.
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const stamp = madeAt.toISOString().slice(0, 10);
  return {
    exportId,
    fileName: `itd-${spec.kind.replace('_', '-')}-${stamp}-${exportId.slice(0, 8)}.${spec.format}`,
    contentType: CONTENT_TYPES[spec.format],
    body,
  };
}
