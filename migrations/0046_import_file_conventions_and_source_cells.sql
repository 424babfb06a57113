-- Why: an import read `2/3/2021` day-first and `1.500` as one and a half in every file, even where the file's
-- other values proved the opposite, so values were stored wrong with nobody asked. A batch now records how its
-- file writes dates and numbers: settled by the file itself ('file') or chosen once for the whole file by a
-- reviewer or the command's option, with who and when. Until then the values that depend on it are blocking.
-- A staged row also keeps the file's own cells under the file's own headers, exactly as written (`source_cells`),
-- so a record imported through a column mapping keeps what the source wrote, not our mapped values.
alter table import_batches
  add column date_order text check (date_order in ('dmy', 'mdy')),
  add column date_order_decided_by text,
  add column date_order_decided_at timestamptz,
  add column decimal_mark text check (decimal_mark in ('point', 'comma')),
  add column decimal_mark_decided_by text,
  add column decimal_mark_decided_at timestamptz;

-- Written once with the row (app_user's column grants on import_rows do not include it: it is never updated).
alter table import_rows add column source_cells jsonb;
