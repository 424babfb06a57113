/**
 * Which encoding a text file (a CSV) is in, decided on evidence over the whole file: valid UTF-8 is UTF-8; a file
 * with invalid bytes is still UTF-8 when its valid multi-byte sequences (accented letters and the like) outnumber
 * them, or when it opens with the UTF-8 byte order mark, so one stray byte in a UTF-8 file is not taken for
 * Windows-1252 (which would turn every accented letter of the file into two wrong ones). The bad bytes then read
 * as U+FFFD, and the cells holding one are flagged to the user. Otherwise the file is Windows-1252, which Excel
 * writes as "CSV" on Windows (its Latin-1 letters are each one invalid byte and never a valid sequence).
 */
import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** What a replaced bad byte reads as in UTF-8. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

export interface Utf8Evidence {
  /** Valid sequences of two to four bytes. */
  multibyte: number;
  /** Bytes that start no valid sequence. */
  invalid: number;
}

/** The bytes a sequence led by `lead` continues with, and the range its second byte must be in; null if none. */
function sequenceOf(lead: number): { length: number; low: number; high: number } | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f };
  return null;
}

/** Counts valid multi-byte sequences and invalid bytes, as a UTF-8 decoder would meet them. */
export function utf8Evidence(bytes: Uint8Array): Utf8Evidence {
  let multibyte = 0;
  let invalid = 0;
  for (let at = 0; at < bytes.length;) {
    const lead = bytes[at]!;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const sequence = sequenceOf(lead);
    let valid = sequence !== null && at + sequence.length <= bytes.length;
    if (sequence && valid) {
      const second = bytes[at + 1]!;
      valid = second >= sequence.low && second <= sequence.high;
      for (let i = 2; valid && i < sequence.length; i++) valid = (bytes[at + i]! & 0xc0) === 0x80;
    }
    if (valid) {
      multibyte += 1;
      at += sequence!.length;
    } else {
      invalid += 1;
      at += 1;
    }
  }
  return { multibyte, invalid };
}

const hasByteOrderMark = (bytes: Uint8Array) =>
  bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

export function textEncodingOf(bytes: Uint8Array): TextEncoding {
  if (isUtf8(bytes) || hasByteOrderMark(bytes)) return 'utf-8';
  const { multibyte, invalid } = utf8Evidence(bytes);
  return multibyte > invalid ? 'utf-8' : 'windows-1252';
}

/** Pieces of text read from the file. */
const TEXT_PIECE_BYTES = 64 * 1024;

/**
 * The file's text a piece at a time, so that a large CSV is never one string in memory. The decoder keeps a
 * character cut by a piece boundary until the next piece; a UTF-8 byte order mark is dropped.
 */
export function* decodedPieces(
  bytes: Buffer,
  pieceBytes = TEXT_PIECE_BYTES,
  encoding: TextEncoding = textEncodingOf(bytes),
): Generator<string> {
  const decoder = new TextDecoder(encoding);
  for (let start = 0; start < bytes.length; start += pieceBytes)
    yield decoder.decode(bytes.subarray(start, start + pieceBytes), { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
