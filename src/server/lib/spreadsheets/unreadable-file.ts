/**
 * A file the reader cannot read as a table: not a workbook or text (`type`), no header row the caller recognises
 * (`no_header`), a workbook whose zip or XML is broken or contradicts itself (`damaged`), or one whose XML declares
 * a DOCTYPE or entities (`doctype`), which no workbook needs and which is how XML expands itself.
 */
export type UnreadableReason = 'type' | 'no_header' | 'damaged' | 'doctype';

export class UnreadableFileError extends Error {
  constructor(readonly reason: UnreadableReason) {
    super(reason);
  }
}
