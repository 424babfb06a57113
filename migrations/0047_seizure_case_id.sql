-- Why: a source row naming several kinds of specimens ("939 whole pangolins + 1,005 kg of scales") kept only one
-- of them. It now becomes one record per kind of specimen, and the records of one seizure share a case id, so
-- counts of seizures stay right (count distinct coalesce(case_id, id)) and nothing is dropped. Null for a record
-- that is a seizure alone.
alter table seizure_records add column case_id uuid;
create index seizure_records_case_idx on seizure_records (case_id) where case_id is not null;
