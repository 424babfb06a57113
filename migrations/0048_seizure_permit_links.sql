-- Why: seizure records name the permits the goods travelled under (a "Permit number" column of the report, and
-- numbers written in the additional information), and a forged or re-used permit shows up when those numbers are
-- matched to the registry (issue 16, item 6). One row per permit number found in a record: the number as written,
-- its key (permitNumberKey, the registry's normaliser), the issuing Party taken as the record's country of export,
-- the permit it matched and the verdict on it at the seizure date (permit-verdict.ts, the lookup's own rules):
-- valid, invalid (found, with a red flag) or unknown (no issuing Party known, or no such permit registered).
-- The platform writes the links (src/server/features/permits/link-seizure-permits.ts) after a record or a permit
-- changes. Reading a link tells something about a record and something about a permit, so both walls hold:
--   * read a link: whoever sees the record (seizure_records' own policies, through the subquery) and may also see
--     the permit's Party's permits (an enforcement user, or that Party's Management Authority);
--   * write or remove a link: the platform only.

create table seizure_permit_links (
  record_id bigint not null references seizure_records (id) on delete cascade,
  -- 'field': the record's "Permit number" column; 'text': recognised in the additional information.
  source text not null check (source in ('field', 'text')),
  number text not null check (length(number) between 1 and 200),
  number_key text not null check (number_key <> ''),
  issuing_country char(2) references countries (code) on delete restrict,
  permit_id uuid references permits (id) on delete set null,
  verdict text not null check (verdict in ('valid', 'invalid', 'unknown')),
  flags text[] not null default '{}',
  judged_at timestamptz not null default now(),
  primary key (record_id, number_key)
);
-- The explorer's filter reads links by verdict and joins them to the records it finds; relinking after a permit
-- changes reads them by (Party, key).
create index seizure_permit_links_verdict_idx on seizure_permit_links (verdict, record_id);
create index seizure_permit_links_permit_idx on seizure_permit_links (issuing_country, number_key);

alter table seizure_permit_links enable row level security;
alter table seizure_permit_links force row level security;

create policy seizure_permit_links_read on seizure_permit_links for select to app_user
  using ((app_actor_verifies_permits()
          or (issuing_country is not null and app_actor_writes_permits_of(issuing_country)))
         and exists (select 1 from seizure_records s where s.id = record_id));
create policy seizure_permit_links_insert on seizure_permit_links for insert to app_user
  with check (app_actor_is_system());
create policy seizure_permit_links_delete on seizure_permit_links for delete to app_user
  using (app_actor_is_system());

grant select, insert, delete on seizure_permit_links to app_user;
