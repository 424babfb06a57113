/**
 * The first pass over an upload: what its date and number cells say about the file's conventions
 * (check/file-conventions.ts), read before any row is checked so every row is read the same way.
 */
import {
  addDateEvidence,
  addNumberEvidence,
  emptyEvidence,
  type ConventionEvidence,
} from '../check/file-conventions.ts';
import { CHUNK_ROWS } from '../imports-deps.ts';
import { openUpload } from '../read/open-report-upload.ts';
import type { RowMapper } from '../read/row-mapping.ts';
import { withTwoRowHeader } from '../read/two-row-header.ts';

export async function scanConventions(
  bytes: Buffer,
  mapperOf: (header: string[]) => RowMapper,
): Promise<ConventionEvidence> {
  const evidence = emptyEvidence();
  const sheet = await openUpload(bytes, CHUNK_ROWS);
  try {
    const table = await withTwoRowHeader(sheet);
    const mapper = mapperOf(table.header);
    for await (const raw of table.rows) {
      const { cells } = mapper.map(raw.values);
      if (cells['Date of seizure']) addDateEvidence(evidence, cells['Date of seizure']);
      for (const column of ['Quantity', 'Second quantity'])
        if (cells[column]) addNumberEvidence(evidence, cells[column]);
    }
  } finally {
    await sheet.close();
  }
  return evidence;
}
