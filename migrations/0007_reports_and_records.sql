-- Why: the annual illegal trade reports and their seizure records (DESIGN §3), the tables the whole ITD half
-- reads. A report carries the Party's three sharing answers, copied to each record so the sharing rule (DESIGN §2)
-- can be checked on the record alone, by the queries and by the row-level security below. What the Party wrote is
-- kept next to the normalised values and never overwritten; a correction keeps the earlier version.

-- Whether the acting user holds the ITD access grant (withActor sets it with the rest of the actor).
create function app_actor_has_itd() returns boolean
  language sql stable
  as $$ select coalesce(nullif(current_setting('app.actor_itd', true), ''), 'false') = 'true' $$;

create table reports (
  id uuid primary key default gen_random_uuid(),
  party char(2) not null references countries (code) on delete restrict,
  year integer not null check (year between 1975 and 2100),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'published')),
  preparing_agency text not null default '',
  contributing_agencies text not null default '',
  contact_name text not null default '',
  contact_email text not null default '',
  submitted_on date,
  -- Part II: structured text per heading (administrative, criminal, civil, disposal, trends, other).
  part_two jsonb not null default '{}',
  share_parties boolean not null,
  share_iccwc boolean not null,
  share_etis boolean not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  published_by uuid references users (id) on delete set null,
  check ((status = 'published') = (published_at is not null))
);
create index reports_party_year_idx on reports (party, year);

-- The file a report was imported from, byte for byte.
create table report_files (
  id uuid primary key default gen_random_uuid(),
  report_id uuid references reports (id) on delete cascade,
  party char(2) not null references countries (code) on delete restrict,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null,
  content bytea not null,
  uploaded_by uuid references users (id) on delete set null,
  uploaded_at timestamptz not null default now()
);
create index report_files_report_idx on report_files (report_id);

-- What happened to a report: created, imported, sharing changed (old and new answers), submitted, published.
create table report_events (
  id bigint generated always as identity primary key,
  report_id uuid not null references reports (id) on delete cascade,
  kind text not null check (kind in ('created', 'imported', 'sharing_changed', 'submitted', 'published',
                                     'header_changed', 'record_corrected', 'returned_to_draft')),
  actor_id uuid references users (id) on delete set null,
  actor_label text,
  occurred_at timestamptz not null default now(),
  reason text,
  details jsonb not null default '{}'
);
create index report_events_report_idx on report_events (report_id, occurred_at);

create table seizure_records (
  id bigint generated always as identity primary key,
  report_id uuid not null references reports (id) on delete restrict,
  -- Copied from the report so the sharing rule reads the record alone; kept in step by the report service.
  reporting_party char(2) not null references countries (code) on delete restrict,
  report_year integer not null,
  is_published boolean not null default false,
  share_parties boolean not null,
  share_iccwc boolean not null,
  share_etis boolean not null,
  version integer not null default 1 check (version >= 1),
  -- The row's position in the file it came from (null for records typed in by hand).
  source_row integer,
  -- What the Party wrote: every column of its row as text, keyed by the canonical column name.
  original jsonb not null,
  -- Normalised values (DESIGN §3).
  seizure_date date,
  date_precision text check (date_precision in ('day', 'month', 'year')),
  seizing_agency text,
  taxon_id bigint references taxa (id) on delete restrict,
  taxon_name text,
  appendix text,
  term_code text,
  quantity numeric check (quantity > 0),
  unit_code text,
  -- The quantity in the unit's base (kg, m, m2, m3) or as a number of specimens, where the unit allows.
  quantity_kg numeric,
  quantity_count numeric,
  reason text,
  location_type text,
  location_name text,
  detection_method text,
  transport_mode text,
  seizure_country char(2) references countries (code) on delete restrict,
  origin_country char(2) references countries (code) on delete restrict,
  export_country char(2) references countries (code) on delete restrict,
  transit_countries char(2)[] not null default '{}',
  destination_country char(2) references countries (code) on delete restrict,
  offender_nationalities char(2)[] not null default '{}',
  additional_info text,
  -- An elephant record the Party may agree to send to ETIS.
  is_elephant boolean not null default false,
  -- Rule 4 of the sharing rule: the Parties "concerned" by a record, derived from its countries and never
  -- typed by hand, so a correction of a country corrects who may see the record.
  concerned_parties char(2)[] generated always as (
    array_remove(array[seizure_country, origin_country, export_country, destination_country], null)
    || transit_countries || offender_nationalities
  ) stored,
  -- sha256 of the normalised content: finds the same seizure in a file and among stored records.
  fingerprint text not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now()
);
create index seizure_records_report_idx on seizure_records (report_id);
create index seizure_records_party_year_idx on seizure_records (reporting_party, report_year);
create index seizure_records_fingerprint_idx on seizure_records (reporting_party, fingerprint);
create index seizure_records_concerned_idx on seizure_records using gin (concerned_parties);
create index seizure_records_taxon_idx on seizure_records (taxon_id);
create index seizure_records_date_idx on seizure_records (seizure_date);

-- Earlier versions of corrected records: the whole row as it was, and who changed it, when and why.
create table seizure_record_versions (
  record_id bigint not null references seizure_records (id) on delete cascade,
  version integer not null,
  data jsonb not null,
  -- The correction that replaced this version.
  replaced_by uuid references users (id) on delete set null,
  replaced_by_label text,
  replaced_at timestamptz not null default now(),
  reason text not null,
  primary key (record_id, version)
);

-- The sharing rule of DESIGN §2 as SQL: the second wall behind the queries (ADR 0001). Parameters are the record's
-- own columns so the policy needs no join.
create function app_can_see_seizure(
  reporting_party char(2), is_published boolean, share_parties boolean, share_iccwc boolean,
  concerned_parties char(2)[]
) returns boolean
  language sql stable
  as $$
    select app_actor_kind() = 'system'
        or (app_actor_kind() = 'user' and app_actor_has_itd() and app_actor_org_kind() <> 'igo' and (
              app_actor_org_kind() = 'secretariat'
           or (app_actor_org_kind() = 'party' and app_actor_party() = reporting_party
               and (is_published or app_actor_role() in ('focal_point', 'reporter')))
           or (is_published and app_actor_org_kind() = 'iccwc' and share_iccwc)
           or (is_published and app_actor_org_kind() = 'party' and share_parties
               and concerned_parties @> array[app_actor_party()::char(2)])
        ))
  $$;

-- Who may write a Party's report data: the platform's jobs, Secretariat data officers and admins for any Party,
-- a Party's focal points and reporters for their own Party while the report is not published.
create function app_can_write_report(party char(2), is_published boolean) returns boolean
  language sql stable
  as $$
    select app_actor_kind() = 'system'
        or (app_actor_kind() = 'user' and app_actor_has_itd() and (
              (app_actor_org_kind() = 'secretariat' and app_actor_role() in ('admin', 'data_officer'))
           or (app_actor_org_kind() = 'party' and app_actor_party() = party and not is_published
               and app_actor_role() in ('focal_point', 'reporter'))
        ))
  $$;

-- Who may see a report itself (its header, events and file): as its records, without rule 4 (a concerned Party
-- sees the records it may use, not the other Party's report).
create function app_can_see_report(party char(2), is_published boolean) returns boolean
  language sql stable
  as $$
    select app_actor_kind() = 'system'
        or (app_actor_kind() = 'user' and app_actor_has_itd() and (
              app_actor_org_kind() = 'secretariat'
           or (app_actor_org_kind() = 'party' and app_actor_party() = party
               and (is_published or app_actor_role() in ('focal_point', 'reporter')))
        ))
  $$;

alter table reports enable row level security;
alter table report_files enable row level security;
alter table report_events enable row level security;
alter table seizure_records enable row level security;
alter table seizure_record_versions enable row level security;

create policy reports_read on reports for select to app_user
  using (app_can_see_report(party, status = 'published'));
create policy reports_insert on reports for insert to app_user
  with check (app_can_write_report(party, false));
-- A Party may edit its report until it is published and may not publish it; the Secretariat may do both.
create policy reports_update on reports for update to app_user
  using (app_can_write_report(party, status = 'published'))
  with check (app_can_write_report(party, status = 'published'));

create policy report_files_read on report_files for select to app_user
  using (exists (select 1 from reports r where r.id = report_id
                  and app_can_see_report(r.party, r.status = 'published'))
         or (report_id is null and app_can_write_report(party, false)));
create policy report_files_insert on report_files for insert to app_user
  with check (app_can_write_report(party, false));
create policy report_files_update on report_files for update to app_user
  using (app_can_write_report(party, false)) with check (app_can_write_report(party, false));

create policy report_events_read on report_events for select to app_user
  using (exists (select 1 from reports r where r.id = report_id
                  and app_can_see_report(r.party, r.status = 'published')));
create policy report_events_insert on report_events for insert to app_user
  with check (exists (select 1 from reports r where r.id = report_id
                       and app_can_write_report(r.party, r.status = 'published')));

create policy seizure_records_read on seizure_records for select to app_user
  using (app_can_see_seizure(reporting_party, is_published, share_parties, share_iccwc, concerned_parties));
create policy seizure_records_insert on seizure_records for insert to app_user
  with check (app_can_write_report(reporting_party, is_published));
create policy seizure_records_update on seizure_records for update to app_user
  using (app_can_write_report(reporting_party, is_published))
  with check (app_can_write_report(reporting_party, is_published));

create policy seizure_record_versions_read on seizure_record_versions for select to app_user
  using (exists (select 1 from seizure_records s where s.id = record_id));
create policy seizure_record_versions_insert on seizure_record_versions for insert to app_user
  with check (exists (select 1 from seizure_records s where s.id = record_id
                       and app_can_write_report(s.reporting_party, s.is_published)));

-- No deletes: records are corrected, never removed (lost data is the second-worst failure).
grant select, insert, update on reports, report_files, seizure_records to app_user;
grant select, insert on report_events, seizure_record_versions to app_user;
