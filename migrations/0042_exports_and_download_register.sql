-- Why: the terms of use let users take data out only under duties the platform must make visible: every export is
-- recorded in a download register (what was asked, how many records, whose data, the file's checksum and size)
-- and the user later attests that it was deleted. A record-level export needs a second factor entered recently,
-- so a session remembers when its user last stepped up; a script's token may export only when it was made with the
-- `export` scope.

alter table sessions add column stepped_up_at timestamptz;
alter table api_tokens add column scopes text[] not null default '{}'
  check (scopes <@ array['export']::text[]);

create table downloads (
  -- Given by the server before the file is written, so the file and the X-Export-Id header can name it.
  id uuid primary key,
  user_id uuid not null references users (id) on delete restrict,
  organisation_id uuid not null references organisations (id) on delete restrict,
  -- Who and which organisation, as written when the file was made (the register reads alone, like the audit log).
  user_label text not null,
  organisation_name text not null,
  kind text not null check (kind in ('records', 'figures', 'party_records')),
  format text not null check (format in ('csv', 'xlsx')),
  language text not null check (language in ('en', 'fr', 'es')),
  -- The filters as asked (the API's own names), the columns picked and the figures' grouping.
  filters jsonb not null,
  columns text[] not null default '{}',
  group_by text,
  publication boolean not null default false,
  -- Known once the file is written: an export cut short keeps completed_at null.
  row_count integer,
  parties text[] not null default '{}',
  checksum text,
  size_bytes bigint,
  created_at timestamptz not null,
  completed_at timestamptz,
  -- The user's dated attestation that every copy was deleted.
  deleted_on date,
  deletion_statement text,
  deleted_attested_at timestamptz,
  reminders_sent integer not null default 0,
  last_reminded_at timestamptz
);
create index downloads_user_idx on downloads (user_id, created_at desc);
-- The reminder job and the Secretariat's "outstanding" view read the downloads not yet attested.
create index downloads_outstanding_idx on downloads (created_at) where deleted_attested_at is null;

alter table downloads enable row level security;
alter table downloads force row level security;
-- A user sees and attests their own downloads; the Secretariat's admins and data officers read the register;
-- the platform's jobs (reminders) read and mark reminders.
create policy downloads_own on downloads for all to app_user
  using (app_actor_is_system() or user_id = app_actor_id())
  with check (app_actor_is_system() or user_id = app_actor_id());
create policy downloads_secretariat_read on downloads for select to app_user
  using (app_actor_kind() = 'user' and app_actor_org_kind() = 'secretariat'
         and app_actor_role() in ('admin', 'data_officer'));

grant select, insert on downloads to app_user;
grant update (row_count, parties, checksum, size_bytes, completed_at, deleted_on, deletion_statement,
              deleted_attested_at, reminders_sent, last_reminded_at) on downloads to app_user;
