/**
 * What reading one spreadsheet may cost, checked while the file is read, never after: the bytes its workbook parts
 * inflate to (counted as they inflate), the length of a cell, the rows (blank ones too) and columns, and the time
 * spent parsing. A file past a limit is refused with the limit's name and value; a reader whose caller has gone
 * (the request was abandoned) stops at its next check. Each limit is a setting (SPREADSHEET_MAX_*, README).
 */

export interface ReadLimits {
  /** Bytes all the parts of a workbook may inflate to, together. */
  maxInflatedBytes: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Rows read, blank rows and the rows of other sheets included. */
  maxRows: number;
  /** Columns in a row. */
  maxColumns: number;
  /** Seconds spent parsing (not waiting for the caller to take the rows). */
  maxParseSeconds: number;
}

/** The defaults: a 116,000-row report (12 MiB, about 100 MB inflated, 16 s to parse) is well inside each. */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxInflatedBytes: 256 * 1024 * 1024,
  maxCellChars: 32_767,
  maxRows: 300_000,
  maxColumns: 256,
  maxParseSeconds: 120,
};

export type LimitName = keyof ReadLimits;

/** The setting each limit is read from (named in the refusal, so an operator knows what to raise). */
export const LIMIT_SETTINGS: Record<LimitName, string> = {
  maxInflatedBytes: 'SPREADSHEET_MAX_INFLATED_BYTES',
  maxCellChars: 'SPREADSHEET_MAX_CELL_CHARS',
  maxRows: 'SPREADSHEET_MAX_ROWS',
  maxColumns: 'SPREADSHEET_MAX_COLUMNS',
  maxParseSeconds: 'SPREADSHEET_MAX_PARSE_SECONDS',
};

/** A file past one of the limits. `row` (as a spreadsheet numbers it) when the reader knows it. */
export class SpreadsheetLimitError extends Error {
  constructor(
    readonly limit: LimitName,
    readonly value: number,
    readonly row?: number,
  ) {
    super(`the file goes past ${LIMIT_SETTINGS[limit]} (${value})${row ? ` at row ${row}` : ''}`);
  }
}

/** The caller gave up (its request was abandoned): reading stops. */
export class ReadAbortedError extends Error {
  constructor() {
    super('reading the file was abandoned');
  }
}

/**
 * The running account of one read: parse time (only while the reader works, so a slow consumer such as the
 * importer's database writes does not count against the file), rows, and the caller's abort signal.
 */
export class ReadBudget {
  private spentMs = 0;
  private activeSince: number | null = null;
  private rows = 0;

  constructor(
    readonly limits: ReadLimits,
    private readonly signal?: AbortSignal,
  ) {}

  /** The reader starts working (a row was asked for). */
  resume(): void {
    this.activeSince ??= performance.now();
  }

  /** The reader waits for its caller. */
  pause(): void {
    if (this.activeSince !== null) this.spentMs += performance.now() - this.activeSince;
    this.activeSince = null;
  }

  /** Throws if the read was abandoned or has parsed for too long; cheap enough to call per chunk or row. */
  check(): void {
    if (this.signal?.aborted) throw new ReadAbortedError();
    const now = this.activeSince === null ? 0 : performance.now() - this.activeSince;
    if (this.spentMs + now > this.limits.maxParseSeconds * 1000)
      throw new SpreadsheetLimitError('maxParseSeconds', this.limits.maxParseSeconds);
  }

  /** Counts one row read (blank or not) and checks its width and cells. */
  countRow(rowNumber: number, values: readonly string[]): void {
    this.rows += 1;
    if (this.rows > this.limits.maxRows || rowNumber > this.limits.maxRows)
      throw new SpreadsheetLimitError('maxRows', this.limits.maxRows, rowNumber);
    if (values.length > this.limits.maxColumns)
      throw new SpreadsheetLimitError('maxColumns', this.limits.maxColumns, rowNumber);
    for (const value of values)
      if (value.length > this.limits.maxCellChars)
        throw new SpreadsheetLimitError('maxCellChars', this.limits.maxCellChars, rowNumber);
    if ((this.rows & 255) === 0) this.check();
  }
}
