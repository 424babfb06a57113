-- Why: an uploaded report file is checked and corrected in a staging area before any of it reaches the live
-- tables (DESIGN §5 "imports are staged and committed in one transaction"). A batch keeps the upload's header
-- answers and the original file (in report_files, linked to the report at submit); each staged row keeps what the
-- Party wrote, the normalised values, its problems and which warnings the reviewer accepted.

create table import_batches (
  id uuid primary key default gen_random_uuid(),
  party char(2) not null references countries (code) on delete restrict,
  year integer not null check (year between 1975 and 2100),
  share_parties boolean not null,
  share_iccwc boolean not null,
  share_etis boolean not null,
  preparing_agency text not null default '',
  contributing_agencies text not null default '',
  contact_name text not null default '',
  contact_email text not null default '',
  file_name text not null,
  media_type text not null,
  -- The original bytes, kept whatever happens to the batch; linked to the report when submitted.
  file_id uuid references report_files (id) on delete set null,
  status text not null default 'staged' check (status in ('staged', 'submitted', 'discarded')),
  sheet_name text,
  header_row integer not null,
  unknown_columns text[] not null default '{}',
  missing_columns text[] not null default '{}',
  uploaded_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  report_id uuid references reports (id) on delete set null,
  submitted_at timestamptz,
  -- The submit summary: imported, rejected, duplicates, total.
  summary jsonb,
  -- Lets a staged row carry its batch's Party (below) with the database keeping the two equal.
  unique (id, party)
);
create index import_batches_party_idx on import_batches (party, created_at desc);

create table import_rows (
  batch_id uuid not null,
  -- The batch's Party, copied so the row-level security check needs no lookup per row (a 116,000-row upload
  -- would otherwise run one subquery per row); the foreign key keeps it equal to the batch's.
  party char(2) not null,
  -- The row as the spreadsheet numbers it.
  row_number integer not null,
  -- What the Party wrote, by canonical column (corrections in staging replace a cell here; the file keeps the
  -- original), and the cells of unknown columns by their header as written.
  cells jsonb not null,
  extra jsonb not null default '{}',
  -- The normalised values (SeizureValues) the row would be stored with.
  normalised jsonb not null,
  -- Problems found by the last validation: [{ column, code, severity, params, suggestion }].
  problems jsonb not null default '[]',
  -- Warnings the reviewer accepted, as "code|column" keys (a cell edit drops those of its column).
  accepted text[] not null default '{}',
  fingerprint text not null,
  outcome text not null check (outcome in ('import', 'reject', 'duplicate')),
  primary key (batch_id, row_number),
  foreign key (batch_id, party) references import_batches (id, party) on delete cascade
);
create index import_rows_fingerprint_idx on import_rows (batch_id, fingerprint);

-- Who may see and work on a staged batch: exactly who may write that Party's reports (migration 0007):
-- Secretariat data officers and admins for any Party, a Party's focal points and reporters for their own.
alter table import_batches enable row level security;
alter table import_rows enable row level security;

create policy import_batches_read on import_batches for select to app_user
  using (app_can_write_report(party, false));
create policy import_batches_insert on import_batches for insert to app_user
  with check (app_can_write_report(party, false));
create policy import_batches_update on import_batches for update to app_user
  using (app_can_write_report(party, false)) with check (app_can_write_report(party, false));

create policy import_rows_read on import_rows for select to app_user
  using (app_can_write_report(party, false));
create policy import_rows_insert on import_rows for insert to app_user
  with check (app_can_write_report(party, false));
create policy import_rows_update on import_rows for update to app_user
  using (app_can_write_report(party, false)) with check (app_can_write_report(party, false));
-- Staged rows of a discarded or submitted batch may be cleared; batches themselves stay for the record.
create policy import_rows_delete on import_rows for delete to app_user
  using (app_can_write_report(party, false));

grant select, insert, update on import_batches to app_user;
grant select, insert, update, delete on import_rows to app_user;
