-- Why: the terms of use forbid publishing ITD data without the prior informed consent of every reporting Party whose
-- data it holds, and ask for the proof to be sent to the Secretariat (issue 14, item 5). A publication request names
-- an export (its register entry and checksum) or a filter, the intended use and the statement of what was modified;
-- each Party concerned gets its own consent row, which its focal points approve or refuse with a comment. When every
-- Party has approved, the request is filed with the Secretariat (filed_at) and its certificate may be downloaded.
-- A refusal closes the request; the requester may withdraw it; it expires when not answered in time.
--
-- A focal point sees only its own Party's consent row: counting what is still undecided is done on the request row
-- itself (consents_undecided, decremented under the row's lock), so no one needs to read another Party's answer.

create table publication_requests (
  id uuid primary key default gen_random_uuid(),
  requester_id uuid not null references users (id) on delete restrict,
  organisation_id uuid not null references organisations (id) on delete restrict,
  -- Who asked and for which organisation, as written when asked (the certificate reads alone).
  requester_name text not null,
  organisation_name text not null,
  language text not null check (language in ('en', 'fr', 'es')),
  -- From an export (its register entry and checksum), or from a filter of the explorer.
  download_id uuid references downloads (id) on delete restrict,
  export_checksum text,
  filters jsonb not null,
  title text not null check (length(title) between 1 and 300),
  intended_use text not null check (length(intended_use) between 1 and 4000),
  modification_statement text not null check (length(modification_statement) between 1 and 4000),
  parties text[] not null check (cardinality(parties) > 0),
  status text not null default 'pending'
    check (status in ('pending', 'approved', 'refused', 'withdrawn', 'expired')),
  consents_undecided integer not null check (consents_undecided >= 0),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  closed_at timestamptz,
  -- When the proof of consent was filed with the Secretariat (set with the last approval).
  filed_at timestamptz,
  reminders_sent integer not null default 0,
  last_reminded_at timestamptz
);
create index publication_requests_requester_idx on publication_requests (requester_id, created_at desc);
create index publication_requests_parties_idx on publication_requests using gin (parties);
create index publication_requests_pending_idx on publication_requests (expires_at) where status = 'pending';

create table publication_consents (
  request_id uuid not null references publication_requests (id) on delete restrict,
  party character(2) not null,
  -- How many of the Party's records the export or filter held when asked (null when not known).
  record_count integer,
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused')),
  decided_by uuid references users (id) on delete restrict,
  decider_name text,
  decider_organisation text,
  decided_at timestamptz,
  comment text check (length(comment) <= 4000),
  comment_language text check (comment_language in ('en', 'fr', 'es')),
  primary key (request_id, party)
);

alter table publication_requests enable row level security;
alter table publication_requests force row level security;
alter table publication_consents enable row level security;
alter table publication_consents force row level security;

-- The requester, the focal points of a Party asked, the Secretariat's admins and data officers, and the jobs.
create policy publication_requests_read on publication_requests for select to app_user
  using (app_actor_is_system()
         or requester_id = app_actor_id()
         or (app_actor_kind() = 'user' and app_actor_org_kind() = 'party' and app_actor_role() = 'focal_point'
             and app_actor_party() = any (parties))
         or (app_actor_kind() = 'user' and app_actor_org_kind() = 'secretariat'
             and app_actor_role() in ('admin', 'data_officer')));
create policy publication_requests_insert on publication_requests for insert to app_user
  with check (app_actor_kind() = 'user' and requester_id = app_actor_id());
-- The requester withdraws; a focal point's decision closes or files it; the jobs expire it and remind.
create policy publication_requests_update on publication_requests for update to app_user
  using (app_actor_is_system()
         or requester_id = app_actor_id()
         or (app_actor_kind() = 'user' and app_actor_org_kind() = 'party' and app_actor_role() = 'focal_point'
             and app_actor_party() = any (parties)))
  with check (app_actor_is_system()
              or (requester_id = app_actor_id() and status in ('pending', 'withdrawn') and filed_at is null)
              or (app_actor_kind() = 'user' and app_actor_org_kind() = 'party' and app_actor_role() = 'focal_point'
                  and app_actor_party() = any (parties)));

-- A consent row: its own Party's focal points, the requester, the Secretariat's admins and data officers, the jobs.
create policy publication_consents_read on publication_consents for select to app_user
  using (app_actor_is_system()
         or (app_actor_kind() = 'user' and app_actor_org_kind() = 'party' and app_actor_role() = 'focal_point'
             and party = app_actor_party()::character(2))
         or (app_actor_kind() = 'user' and app_actor_org_kind() = 'secretariat'
             and app_actor_role() in ('admin', 'data_officer'))
         or exists (select 1 from publication_requests r
                     where r.id = request_id and r.requester_id = app_actor_id()));
create policy publication_consents_insert on publication_consents for insert to app_user
  with check (exists (select 1 from publication_requests r
                       where r.id = request_id and r.requester_id = app_actor_id()));
create policy publication_consents_decide on publication_consents for update to app_user
  using (app_actor_kind() = 'user' and app_actor_org_kind() = 'party' and app_actor_role() = 'focal_point'
         and party = app_actor_party()::character(2))
  with check (party = app_actor_party()::character(2));

grant select, insert on publication_requests, publication_consents to app_user;
grant update (status, consents_undecided, closed_at, filed_at, reminders_sent, last_reminded_at)
  on publication_requests to app_user;
grant update (status, decided_by, decider_name, decider_organisation, decided_at, comment, comment_language)
  on publication_consents to app_user;

-- A request made from an export tells each Party how many of its records the file held: the register now keeps
-- the count per Party that the export's audit entry already states.
alter table downloads add column party_counts jsonb not null default '{}';
grant update (party_counts) on downloads to app_user;
