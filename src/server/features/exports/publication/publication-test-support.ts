/**
 * For the consent tests: reading a certificate back without the writer. The machine has no `pdftotext`, so the PDF's
 * content streams are inflated with node:zlib and the text operators read: pdfkit writes each line as a TJ array of
 * hex strings (WinAnsi codes, kerning numbers between them), e.g. `[<4365727469> 20 <666963617465>] TJ`.
 */
import { inflateSync } from 'node:zlib';

/** The WinAnsi codes that differ from Latin-1 and that our texts use (quotes, dashes, ellipsis, euro). */
const WIN_ANSI: Record<string, string> = {
  '\x80': '€',
  '\x85': '…',
  '\x91': '‘',
  '\x92': '’',
  '\x93': '“',
  '\x94': '”',
  '\x96': '–',
  '\x97': '—',
};
const decode = (hex: string) =>
  Buffer.from(hex, 'hex')
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => WIN_ANSI[c] ?? c);

function textOfContent(content: string): string[] {
  const lines: string[] = [];
  for (const operator of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
    const hexes = [...operator[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => hex[1]!);
    lines.push(hexes.map(decode).join(''));
  }
  for (const operator of content.matchAll(/<([0-9a-fA-F]*)>\s*Tj/g)) lines.push(decode(operator[1]!));
  return lines;
}

/** The text lines of every page of a PDF, in the order they are drawn. */
export function readPdfText(pdf: Buffer): string[] {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const stream of raw.matchAll(/\/Filter\s*\/FlateDecode[^]*?>>\s*stream\r?\n/g)) {
    const start = stream.index + stream[0].length;
    let end = raw.indexOf('endstream', start);
    while (end > start && (raw[end - 1] === '\n' || raw[end - 1] === '\r')) end -= 1;
    try {
      lines.push(...textOfContent(inflateSync(pdf.subarray(start, end)).toString('latin1')));
    } catch {
      // Not every stream is deflated content (fonts, images): those that do not inflate hold no text we wrote.
    }
  }
  return lines;
}
