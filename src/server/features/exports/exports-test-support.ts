/**
 * For the exports tests: reading an exported file back with libraries other than the writers (csv-parse for CSV;
 * jszip and the sheet's XML for XLSX), and stepping up through the API.
 */
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import type { ApiClient, TestClock, TestUser } from '../../../../test/support/identity.ts';
import { totpCode } from '../../../../test/support/identity.ts';

export interface ReadBack {
  /** The header block: first cell → second cell. */
  notes: Map<string, string>;
  columns: string[];
  rows: string[][];
}

export function readCsv(body: Buffer): ReadBack {
  const records: string[][] = parse(body, { bom: true, relax_column_count: true });
  const blank = records.findIndex((row) => row.every((cell) => cell === ''));
  const notes = new Map(records.slice(0, blank).map((row) => [row[0]!, row[1] ?? '']));
  return { notes, columns: records[blank + 1]!, rows: records.slice(blank + 2) };
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A sheet's rows as text, from its XML (inline strings, numbers); `formulas` counts <f> elements. */
function sheetRows(xml: string): { rows: string[][]; formulas: number } {
  const rows = [...xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    [...row[1]!.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((cell) => {
      const inner = cell[2] ?? '';
      const text = /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner) ?? /<v>([\s\S]*?)<\/v>/.exec(inner);
      return text ? unescape(text[1]!) : '';
    }),
  );
  return { rows, formulas: (xml.match(/<f[ >]/g) ?? []).length };
}

export async function readXlsx(
  body: Buffer,
): Promise<{ sheetNames: string[]; about: string[][]; data: string[][]; formulas: number }> {
  const zip = await JSZip.loadAsync(body);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const sheetNames = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => unescape(m[1]!));
  const about = sheetRows(await zip.file('xl/worksheets/sheet1.xml')!.async('string'));
  const data = sheetRows(await zip.file('xl/worksheets/sheet2.xml')!.async('string'));
  return { sheetNames, about: about.rows, data: data.rows, formulas: about.formulas + data.formulas };
}

export async function stepUp(client: ApiClient, clock: TestClock, user: TestUser) {
  clock.advance(31_000);
  return client.call('POST', '/api/v1/auth/step-up', { code: totpCode(user.totpSecret!, clock()) });
}
