-- Why: a Party's focal points are to see which organisations searched, viewed or downloaded their Party's records,
-- when and how many (issue 14, item 4), by organisation and never by person. The audit log already says, for every
-- search page, record view and export, how many records of each reporting Party went out; only Secretariat admins
-- may read it, and it grows without end. So a job folds the linked entries, in chain order, into daily sums per
-- (Party, organisation, kind) that the focal points may read, and remembers how far it has read. The sums hold no
-- user, only the organisation (its name as it was when folded, like the download register).
-- A monthly e-mail summary goes to the focal points; each may turn it off (user_preferences), and each Party's
-- month is summarised once (access_receipt_summaries).

create table access_receipts (
  party character(2) not null,
  day date not null,
  organisation_id uuid not null references organisations (id) on delete restrict,
  organisation_name text not null,
  organisation_kind text not null check (organisation_kind in ('secretariat', 'party', 'iccwc', 'igo')),
  kind text not null check (kind in ('search', 'view', 'download')),
  -- How many searches, views or downloads, and how many of the Party's records they returned in all.
  events integer not null,
  records bigint not null,
  primary key (party, day, organisation_id, kind)
);
create index access_receipts_party_day_idx on access_receipts (party, day desc);

-- The audit chain position up to which entries are folded (one row).
create table access_receipts_progress (
  singleton boolean primary key default true check (singleton),
  folded_seq bigint not null
);
insert into access_receipts_progress (singleton, folded_seq) values (true, 0);

create table user_preferences (
  user_id uuid primary key references users (id) on delete cascade,
  access_receipt_summary boolean not null default true,
  updated_at timestamptz not null
);

create table access_receipt_summaries (
  party character(2) not null,
  month date not null check (extract(day from month) = 1),
  sent_at timestamptz not null,
  recipients integer not null,
  primary key (party, month)
);

alter table access_receipts enable row level security;
alter table access_receipts force row level security;
alter table access_receipts_progress enable row level security;
alter table access_receipts_progress force row level security;
alter table user_preferences enable row level security;
alter table user_preferences force row level security;
alter table access_receipt_summaries enable row level security;
alter table access_receipt_summaries force row level security;

-- A Party's focal points read their own Party's receipts; the Secretariat's admins and data officers every Party's;
-- the summary job reads them. Only the owner connection's fold writes them.
create policy access_receipts_read on access_receipts for select to app_user
  using (app_actor_is_system()
         or (app_actor_kind() = 'user' and app_actor_org_kind() = 'party' and app_actor_role() = 'focal_point'
             and party = app_actor_party())
         or (app_actor_kind() = 'user' and app_actor_org_kind() = 'secretariat'
             and app_actor_role() in ('admin', 'data_officer')));
-- The fold's bookmark is the owner connection's alone.
create policy access_receipts_progress_closed on access_receipts_progress for all to app_user
  using (false) with check (false);
-- A user's own preferences; the platform's jobs read them.
create policy user_preferences_own on user_preferences for all to app_user
  using (app_actor_is_system() or user_id = app_actor_id())
  with check (user_id = app_actor_id());
create policy access_receipt_summaries_job on access_receipt_summaries for all to app_user
  using (app_actor_is_system()) with check (app_actor_is_system());

grant select on access_receipts to app_user;
grant select, insert on user_preferences to app_user;
grant update (access_receipt_summary, updated_at) on user_preferences to app_user;
grant select, insert on access_receipt_summaries to app_user;
