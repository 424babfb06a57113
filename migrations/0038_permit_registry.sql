-- Why: the permit registry behind the border lookup (issue 16, DESIGN §3 "Permits and certificates", DOMAIN §4).
-- An officer with a shipment in front of them must learn in seconds whether a CITES permit is real, valid and
-- matches what they see. Permits are loaded by the issuing Party's Management Authority (or a Secretariat data
-- officer) and read by enforcement users; endorsements (box 14) are written by the officers who verify them.
-- The rules of permits.policy.ts are restated here, so a query that forgets a filter still shows and changes
-- nothing it should not:
--   * write a permit, its lines and its status: the system, Secretariat admins and data officers, and users of a
--     Management Authority of the issuing Party (an organisation of that Party whose authority type says so);
--   * read permits, lines and endorsements, record an endorsement, look a permit up: enforcement users — every
--     Secretariat and Party user, and closed-user-group members of the customs, police or wildlife enforcement
--     category (a member of the igo category is not one);
--   * read the lookups of a Party's permits: the lookup's own author, the Secretariat, that Party's Management
--     Authority.

-- The acting user's organisation is a Management Authority of its Party. Security definer: it reads users and
-- organisations past their policies, for the acting user only. The same normalisation as managementAuthorityKey
-- in src/server/features/permits/permit-actor.ts.
create function app_actor_is_management_authority() returns boolean
  language sql stable security definer set search_path = public
  as $$
    select coalesce((
      select o.kind = 'party'
         and trim(regexp_replace(lower(coalesce(o.authority_type, '')), '[^a-z]+', ' ', 'g'))
             in ('management authority', 'cites management authority', 'ma')
        from users u join organisations o on o.id = u.organisation_id
       where u.id = app_actor_id() and app_actor_kind() = 'user'), false)
  $$;

-- The acting user may verify permits: the Secretariat, a Party body, or a closed-user-group member of an
-- enforcement category in an active group. Security definer: it reads the actor's own memberships only.
create function app_actor_verifies_permits() returns boolean
  language sql stable security definer set search_path = public
  as $$
    select app_actor_kind() = 'system'
        or (app_actor_kind() = 'user' and app_actor_org_kind() in ('secretariat', 'party'))
        or (app_actor_kind() = 'user' and exists (
              select 1 from group_members m join groups g on g.id = m.group_id
               where m.user_id = app_actor_id() and g.status = 'active'
                 and m.category in ('customs', 'police', 'wildlife_enforcement')))
  $$;

-- May write the permits of this issuing Party.
create function app_actor_writes_permits_of(issuing char(2)) returns boolean
  language sql stable
  as $$
    select app_actor_maintains_reference()
        or (app_actor_kind() = 'user' and app_actor_org_kind() = 'party' and app_actor_party() = issuing
            and app_actor_is_management_authority())
  $$;

create table permits (
  id uuid primary key default gen_random_uuid(),
  issuing_country char(2) not null references countries (code) on delete restrict,
  -- Box 1 as issued (numbers of 70 characters and more exist), and the key it is matched by: upper case,
  -- without spaces, dashes, slashes, dots or underscores (permitNumberKey in src/shared/permits.contract.ts).
  number text not null check (length(number) between 1 and 200),
  number_key text not null check (number_key <> ''),
  permit_type char(1) not null check (permit_type in ('E', 'R', 'I', 'O')),
  is_copy boolean not null default false,
  issued_on date,
  valid_from date,
  valid_until date,
  importer_name text not null default '',
  importer_address text not null default '',
  importer_country char(2) references countries (code) on delete restrict,
  exporter_name text not null default '',
  exporter_address text not null default '',
  exporter_country char(2) references countries (code) on delete restrict,
  special_conditions text not null default '',
  purpose_code text,
  -- Box 5b, as issued and as matched.
  security_stamp text,
  security_stamp_key text,
  issuing_authority text not null default '',
  issued_place text not null default '',
  transport_document text,
  -- Set by the Management Authority; "partly used", "used" and "expired" are read from endorsements and dates.
  status text not null default 'issued'
    check (status in ('issued', 'cancelled', 'replaced', 'lost', 'stolen')),
  status_on date,
  status_note text not null default '',
  replaced_by text,
  source_format text not null check (source_format in ('xml', 'csv', 'xlsx')),
  -- The permit as last imported, and its digest: a re-import of the same permit changes nothing, a different one
  -- is an update whose changed boxes the history names.
  content jsonb not null,
  content_hash text not null,
  version integer not null default 1,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  check (valid_from is null or valid_until is null or valid_from <= valid_until)
);
-- The lookup's one index: (country, key) names a permit; re-import finds it there instead of adding a second.
create unique index permits_country_key_idx on permits (issuing_country, number_key);

create table permit_lines (
  permit_id uuid not null references permits (id) on delete cascade,
  line_no integer not null check (line_no between 1 and 999),
  taxon_name text not null,
  taxon_id bigint references taxa (id) on delete set null,
  common_name text not null default '',
  description text not null default '',
  term_code text,
  appendix text,
  source_code text,
  quantity numeric not null check (quantity > 0),
  unit_code text,
  origin_country char(2) references countries (code) on delete restrict,
  origin_permit text,
  reexport_country char(2) references countries (code) on delete restrict,
  reexport_permit text,
  primary key (permit_id, line_no)
);

-- Box 14: the quantity actually exported, line by line, by the officer who endorsed it.
create table permit_endorsements (
  id bigint generated always as identity primary key,
  permit_id uuid not null references permits (id) on delete cascade,
  line_no integer not null,
  quantity numeric not null check (quantity > 0),
  port text not null default '',
  endorsed_on date not null,
  user_id uuid references users (id) on delete set null,
  organisation_id uuid references organisations (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (permit_id, line_no) references permit_lines (permit_id, line_no) on delete cascade
);
create index permit_endorsements_permit_idx on permit_endorsements (permit_id);

-- The permit's history: issued (first import), updated (re-import, with what changed), endorsed, cancelled,
-- replaced, lost, stolen.
create table permit_events (
  id bigint generated always as identity primary key,
  permit_id uuid not null references permits (id) on delete cascade,
  kind text not null
    check (kind in ('issued', 'updated', 'endorsed', 'cancelled', 'replaced', 'lost', 'stolen')),
  occurred_on date,
  note text not null default '',
  details jsonb not null default '{}',
  user_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index permit_events_permit_idx on permit_events (permit_id, id);

-- Every lookup, for the issuing Party's receipts ("who verified my permits"): who, which organisation, when,
-- what was asked and what was answered. Found or not, so a run of misses on one Party's numbers shows.
create table permit_lookups (
  id bigint generated always as identity primary key,
  issuing_country char(2) not null references countries (code) on delete restrict,
  number_key text not null,
  permit_id uuid references permits (id) on delete set null,
  is_found boolean not null,
  is_valid boolean not null,
  flags text[] not null default '{}',
  user_id uuid references users (id) on delete set null,
  organisation_id uuid references organisations (id) on delete set null,
  organisation_name text not null default '',
  looked_up_at timestamptz not null default now()
);
create index permit_lookups_country_idx on permit_lookups (issuing_country, looked_up_at desc);

alter table permits enable row level security;
alter table permits force row level security;
alter table permit_lines enable row level security;
alter table permit_lines force row level security;
alter table permit_endorsements enable row level security;
alter table permit_endorsements force row level security;
alter table permit_events enable row level security;
alter table permit_events force row level security;
alter table permit_lookups enable row level security;
alter table permit_lookups force row level security;

create policy permits_read on permits for select to app_user
  using (app_actor_verifies_permits() or app_actor_writes_permits_of(issuing_country));
create policy permits_insert on permits for insert to app_user
  with check (app_actor_writes_permits_of(issuing_country));
create policy permits_update on permits for update to app_user
  using (app_actor_writes_permits_of(issuing_country))
  with check (app_actor_writes_permits_of(issuing_country));

create policy permit_lines_read on permit_lines for select to app_user
  using (exists (select 1 from permits p where p.id = permit_id));
create policy permit_lines_insert on permit_lines for insert to app_user
  with check (exists (select 1 from permits p where p.id = permit_id
                       and app_actor_writes_permits_of(p.issuing_country)));
create policy permit_lines_update on permit_lines for update to app_user
  using (exists (select 1 from permits p where p.id = permit_id and app_actor_writes_permits_of(p.issuing_country)))
  with check (exists (select 1 from permits p where p.id = permit_id
                       and app_actor_writes_permits_of(p.issuing_country)));
create policy permit_lines_delete on permit_lines for delete to app_user
  using (exists (select 1 from permits p where p.id = permit_id and app_actor_writes_permits_of(p.issuing_country)));

create policy permit_endorsements_read on permit_endorsements for select to app_user
  using (exists (select 1 from permits p where p.id = permit_id));
create policy permit_endorsements_insert on permit_endorsements for insert to app_user
  with check (app_actor_verifies_permits()
              and (app_actor_is_system() or user_id = app_actor_id())
              and exists (select 1 from permits p where p.id = permit_id));

create policy permit_events_read on permit_events for select to app_user
  using (exists (select 1 from permits p where p.id = permit_id));
create policy permit_events_insert on permit_events for insert to app_user
  with check (
    (app_actor_is_system() or user_id = app_actor_id())
    and exists (select 1 from permits p where p.id = permit_id
                 and (app_actor_writes_permits_of(p.issuing_country)
                      or (kind = 'endorsed' and app_actor_verifies_permits()))));

create policy permit_lookups_read on permit_lookups for select to app_user
  using (app_actor_is_system() or user_id = app_actor_id()
         or (app_actor_kind() = 'user' and app_actor_org_kind() = 'secretariat')
         or app_actor_writes_permits_of(issuing_country));
create policy permit_lookups_insert on permit_lookups for insert to app_user
  with check (app_actor_verifies_permits() and (app_actor_is_system() or user_id = app_actor_id()));

grant select, insert, update on permits to app_user;
grant select, insert, update, delete on permit_lines to app_user;
grant select, insert on permit_endorsements, permit_events, permit_lookups to app_user;
grant execute on function app_actor_is_management_authority() to app_user;
grant execute on function app_actor_verifies_permits() to app_user;
