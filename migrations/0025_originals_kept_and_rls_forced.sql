-- Why: two rules that the code kept by habit become rules the database keeps.
-- 1. "What the Party wrote is never overwritten" (DESIGN §3). app_user could update every column of a record, so
--    one careless UPDATE could replace a record's `original`, or the bytes of the file a report came from, and no
--    version would keep what was there. app_user now updates only the columns the platform changes (found by
--    reading every UPDATE it runs: corrections, stampReportOnRecords after sharing changes and publication, the
--    submit that attaches the file to its report, the staging review); what the Party wrote, where a row came
--    from and who made it are not among them. A staged row's `file_cells` must be written once (at the first
--    review fix), so a column grant cannot keep it: a trigger refuses any later change.
-- 2. Every table has row-level security, forced, with at least one policy (STYLE, Graphile's rulebook), so that a
--    table owner that is not a superuser is held by the policies too, and rls-coverage.db.test.ts can fail the
--    build on any table that lacks them. The two tables only the owner's connection uses (migration bookkeeping,
--    rate-limit counters) get a policy that lets app_user do nothing, which says so in the schema.
-- Superusers skip row-level security and column grants alike: the owner's connection behaves as before.

revoke update on seizure_records from app_user;
grant update (
  -- stampReportOnRecords: the report's answers and publication copied onto its records.
  is_published, share_parties, share_iccwc, share_etis,
  -- correctSeizureRecord: the normalised values, the next version, who and when.
  seizure_date, date_precision, seizing_agency, taxon_id, taxon_name, appendix, term_code, quantity, unit_code,
  quantity_kg, quantity_count, reason, location_type, location_name, detection_method, transport_mode,
  seizure_country, origin_country, export_country, transit_countries, destination_country,
  offender_nationalities, additional_info, is_elephant, fingerprint, version, updated_by, updated_at
) on seizure_records to app_user;
-- Not granted: id, report_id, reporting_party, report_year, source_row, original, review_fixes, created_by,
-- created_at (and the generated columns, which nobody writes).

revoke update on report_files from app_user;
-- submit-batch: an uploaded file belongs to no report until its batch is submitted. The bytes, their checksum,
-- size, name and type, the Party and the uploader stay as uploaded.
grant update (report_id) on report_files to app_user;

revoke update on import_rows from app_user;
-- The staging review and the re-check at submit change the row's current cells and what was found in them;
-- the row's place (batch, Party, number) and the file's columns the template does not know (`extra`) do not.
grant update (cells, normalised, problems, accepted, fingerprint, outcome, file_cells, edits)
  on import_rows to app_user;

-- The file's cells, once kept, stay as the file had them (keepReviewFix writes coalesce(file_cells, cells)).
create function app_keep_file_cells() returns trigger
  language plpgsql
  as $$
begin
  if old.file_cells is not null and new.file_cells is distinct from old.file_cells then
    raise exception 'a staged row keeps the cells its file had: file_cells is never overwritten'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger import_rows_file_cells_kept before update of file_cells on import_rows
  for each row execute function app_keep_file_cells();

-- Used only by the owner's connection: the migration runner, and the rate limiter outside withActor (0004).
alter table schema_migrations enable row level security;
create policy schema_migrations_closed on schema_migrations for all to app_user using (false) with check (false);
create policy rate_limit_hits_closed on rate_limit_hits for all to app_user using (false) with check (false);

alter table api_tokens force row level security;
alter table audit_chain_head force row level security;
alter table audit_events force row level security;
alter table cites_codes force row level security;
alter table countries force row level security;
alter table group_files force row level security;
alter table group_join_requests force row level security;
alter table group_members force row level security;
alter table group_message_recipients force row level security;
alter table group_message_senders force row level security;
alter table group_messages force row level security;
alter table group_notifications force row level security;
alter table groups force row level security;
alter table import_batches force row level security;
alter table import_rows force row level security;
alter table library_items force row level security;
alter table library_versions force row level security;
alter table one_time_tokens force row level security;
alter table organisations force row level security;
alter table outbox force row level security;
alter table rate_limit_hits force row level security;
alter table recovery_codes force row level security;
alter table reference_seeds force row level security;
alter table registrations force row level security;
alter table report_events force row level security;
alter table report_files force row level security;
alter table reports force row level security;
alter table schema_migrations force row level security;
alter table seizure_figures force row level security;
alter table seizure_record_versions force row level security;
alter table seizure_records force row level security;
alter table sessions force row level security;
alter table taxa force row level security;
alter table taxon_names force row level security;
alter table terms_acceptances force row level security;
alter table terms_versions force row level security;
alter table users force row level security;
