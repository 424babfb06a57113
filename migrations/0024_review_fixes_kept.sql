-- Why: a cell corrected in the staging review replaced the cell the Party wrote, so the record's `original` held
-- the reviewer's text and the file's was only in the stored upload. DESIGN §3: what the Party wrote is never
-- overwritten. A staged row now keeps its cells as the file had them (file_cells, from the first edit on) and
-- each edit (column, from, to, who, when); a record keeps those edits (review_fixes) next to its `original`,
-- which is the file's cells again.

alter table import_rows
  add column file_cells jsonb,
  add column edits jsonb not null default '[]';

alter table seizure_records add column review_fixes jsonb;

comment on column import_rows.file_cells is
  'The canonical cells as the file had them; null while no cell was corrected in review.';
comment on column seizure_records.review_fixes is
  'Cells corrected in the staging review before submission: [{ column, from, to, by, at }]; null when none.';
