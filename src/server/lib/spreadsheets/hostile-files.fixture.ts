/**
 * Hostile spreadsheets built in memory for tests, small on the wire and huge once inflated, without ever holding
 * or compressing the inflated bytes: a deflate stream may be a run of independent blocks, so a block made once
 * from a megabyte of filler is repeated as often as needed (each ends with a full flush, which makes it stand
 * alone), and a final empty block closes the stream. A 629 MB cell thus costs a few milliseconds to build.
 */
import { constants, deflateRawSync } from 'node:zlib';

/** One part of a workbook: its deflated bytes and the size its table-of-contents entry claims. */
export interface BuiltPart {
  name: string;
  deflated: Buffer;
  claimedSize: number;
}

const standalone = (text: string | Buffer) =>
  deflateRawSync(typeof text === 'string' ? Buffer.from(text) : text, {
    finishFlush: constants.Z_FULL_FLUSH,
  });
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

/** A part whose content is `head`, then `filler` repeated `times` times, then `tail`. */
export function repeatedPart(
  name: string,
  { head, filler, times, tail }: { head: string; filler: Buffer; times: number; tail: string },
  claimedSize?: number,
): BuiltPart {
  const block = standalone(filler);
  const deflated = Buffer.concat([
    standalone(head),
    ...Array.from({ length: times }, () => block),
    standalone(tail),
    FINAL_BLOCK,
  ]);
  const size = Buffer.byteLength(head) + filler.length * times + Buffer.byteLength(tail);
  return { name, deflated, claimedSize: claimedSize ?? size };
}

export const plainPart = (name: string, text: string): BuiltPart => ({
  name,
  deflated: deflateRawSync(Buffer.from(text)),
  claimedSize: Buffer.byteLength(text),
});

/** A zip of the parts (deflated; the CRC is left at zero, which the platform's reader does not check). */
export function zipOf(parts: readonly BuiltPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(part.claimedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.deflated.length, 20);
    entry.writeUInt32LE(part.claimedSize, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, part.deflated);
    directory.push(entry, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook has, around one sheet ("Seizures"). `prolog` goes before the workbook's root. */
export function workbookParts(sheet: BuiltPart, prolog = ''): BuiltPart[] {
  return [
    plainPart(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    plainPart(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    plainPart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?>${prolog}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><sheets><sheet name="Seizures" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    plainPart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    sheet,
  ];
}

/** A sheet's XML around its rows. */
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The report template's header row (English), as inline strings. */
export function headerRowXml(columns: readonly string[]): string {
  const cells = columns.map(
    (text, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${text}</t></is></c>`,
  );
  return `<row r="1">${cells.join('')}</row>`;
}

export const MIB = 1024 * 1024;
