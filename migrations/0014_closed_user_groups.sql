-- Why: closed user groups (DESIGN §2 "The CUG rules"): groups with owners and categorised members, join
-- requests decided by owners, e-mail-like messages (possibly anonymous), a library of documents and alerts with an
-- audience, files sealed with AES-256-GCM, and in-app notifications. The rules of groups.policy.ts are restated
-- here as row-level security: a query that forgets a filter still returns nothing the actor may not see.
-- Membership is read through security-definer helpers so that policies on one table never recurse into another
-- table's policies; the helpers read only the acting user's own membership.

create table groups (
  id uuid primary key default gen_random_uuid(),
  name_en text not null,
  name_fr text not null,
  name_es text not null,
  description_en text not null default '',
  description_fr text not null default '',
  description_es text not null default '',
  is_confidential boolean not null default false,
  status text not null default 'active' check (status in ('active', 'archived')),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index groups_name_en_idx on groups (lower(name_en));

-- One row per current member; removing a member deletes the row (the audit log keeps the history), so access
-- ends at the member's next request. Names are copied from the join request: members never read users.
create table group_members (
  group_id uuid not null references groups (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  category text not null
    check (category in ('customs', 'police', 'wildlife_enforcement', 'management_authority', 'igo', 'secretariat')),
  is_owner boolean not null default false,
  display_name text not null,
  organisation_name text not null default '',
  country char(2) references countries (code) on delete set null,
  joined_at timestamptz not null default now(),
  primary key (group_id, user_id)
);
create index group_members_user_idx on group_members (user_id);

create table group_join_requests (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  registration_id uuid references registrations (id) on delete set null,
  country char(2) not null references countries (code) on delete restrict,
  last_name text not null,
  first_name text not null,
  organisation text not null,
  function_title text not null,
  telephone text not null,
  official_email text not null,
  reason text not null,
  -- The person's language, for the decision e-mail.
  language text not null default 'en' check (language in ('en', 'fr', 'es')),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  category text
    check (category in ('customs', 'police', 'wildlife_enforcement', 'management_authority', 'igo', 'secretariat')),
  decision_reason text,
  decided_by uuid references users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
create index group_join_requests_group_idx on group_join_requests (group_id, status, created_at);
create unique index group_join_requests_one_pending_idx on group_join_requests (group_id, user_id)
  where status = 'pending';

create table group_messages (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups (id) on delete cascade,
  thread_id uuid not null,
  reply_to_id uuid references group_messages (id) on delete set null,
  -- Null for an anonymous message: the real sender is only in group_message_senders (readable by the sender and
  -- Secretariat admins) and in the audit log.
  author_id uuid references users (id) on delete set null,
  author_name text,
  author_organisation text,
  is_anonymous boolean not null,
  address_kind text not null check (address_kind in ('group', 'owners', 'members')),
  subject text not null,
  body text not null,
  sent_at timestamptz not null default now(),
  check (is_anonymous = (author_id is null and author_name is null))
);
create index group_messages_group_idx on group_messages (group_id, sent_at desc);
create index group_messages_thread_idx on group_messages (thread_id, sent_at);

create table group_message_senders (
  message_id uuid primary key references group_messages (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade
);
create index group_message_senders_user_idx on group_message_senders (user_id);

-- One row per recipient, made when the message is sent; seq orders deliveries for the live stream.
create table group_message_recipients (
  seq bigint generated always as identity,
  message_id uuid not null references group_messages (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  recipient_name text not null,
  read_at timestamptz,
  primary key (message_id, user_id)
);
create index group_message_recipients_user_idx on group_message_recipients (user_id, seq);

create table library_items (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups (id) on delete cascade,
  kind text not null check (kind in ('document', 'alert')),
  audience text not null check (audience in ('all_members', 'law_enforcement')),
  current_version integer not null default 1,
  title text not null,
  summary text not null default '',
  language text not null check (language in ('en', 'fr', 'es')),
  tags text[] not null default '{}',
  published_by uuid references users (id) on delete set null,
  published_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index library_items_group_idx on library_items (group_id, updated_at desc);

-- Every version kept; the audience is copied so the policy needs no join.
create table library_versions (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references library_items (id) on delete cascade,
  group_id uuid not null references groups (id) on delete cascade,
  audience text not null check (audience in ('all_members', 'law_enforcement')),
  version integer not null,
  title text not null,
  summary text not null default '',
  language text not null check (language in ('en', 'fr', 'es')),
  tags text[] not null default '{}',
  note text not null default '',
  created_by uuid references users (id) on delete set null,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  unique (item_id, version)
);

-- Files are sealed (AES-256-GCM, key derived from the platform key, the file id as associated data) and kept in
-- the database. A file belongs to the uploader until attached to a message or a library version.
create table group_files (
  id uuid primary key,
  group_id uuid not null references groups (id) on delete cascade,
  uploaded_by uuid references users (id) on delete set null,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null,
  sealed bytea not null,
  message_id uuid references group_messages (id) on delete cascade,
  library_version_id uuid references library_versions (id) on delete cascade,
  -- Copied from the library item (null for message files), so the policy needs no join.
  audience text check (audience in ('all_members', 'law_enforcement')),
  created_at timestamptz not null default now(),
  check (message_id is null or library_version_id is null)
);
create index group_files_message_idx on group_files (message_id);
create index group_files_version_idx on group_files (library_version_id);

create table group_notifications (
  seq bigint generated always as identity,
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  group_id uuid not null references groups (id) on delete cascade,
  kind text not null check (kind in ('alert_published', 'document_published', 'join_decided', 'join_requested')),
  target_id uuid,
  -- What the notification is about: a law-enforcement notification is hidden from a member who may not see it.
  audience text not null default 'all_members' check (audience in ('all_members', 'law_enforcement')),
  title text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index group_notifications_user_idx on group_notifications (user_id, seq);

-- ── The acting user's membership (security definer: reads group_members without its policies) ──────────────

create function app_group_category(g uuid) returns text
  language sql stable security definer set search_path = public
  as $$
    select m.category from group_members m
     where m.group_id = g and m.user_id = app_actor_id() and app_actor_kind() = 'user'
  $$;

create function app_group_is_owner(g uuid) returns boolean
  language sql stable security definer set search_path = public
  as $$
    select coalesce((select m.is_owner from group_members m
                      where m.group_id = g and m.user_id = app_actor_id() and app_actor_kind() = 'user'), false)
  $$;

-- Owners and Secretariat admins decide join requests and manage members.
create function app_group_may_moderate(g uuid) returns boolean
  language sql stable
  as $$ select app_actor_is_system() or app_actor_is_secretariat_admin() or app_group_is_owner(g) $$;

-- The audience rule of groups.policy.ts (LAW_ENFORCEMENT_CATEGORIES in src/shared/groups.contract.ts).
create function app_group_sees(g uuid, audience text) returns boolean
  language sql stable
  as $$
    select app_actor_is_system()
        or (audience = 'all_members' and app_group_category(g) is not null)
        or (audience = 'law_enforcement'
            and app_group_category(g) in ('customs', 'police', 'wildlife_enforcement', 'secretariat'))
  $$;

-- A member row another actor may see: oneself, moderators, and fellow members of an open group; in a confidential
-- group a member sees only the owners.
create function app_group_member_visible(g uuid, row_user uuid, row_is_owner boolean) returns boolean
  language sql stable security definer set search_path = public
  as $$
    select row_user = app_actor_id()
        or app_group_may_moderate(g)
        or (app_group_category(g) is not null
            and (row_is_owner or not (select gr.is_confidential from groups gr where gr.id = g)))
  $$;

-- Whom to deliver to and e-mail: the members of g in an audience (or only its owners), with their address and
-- language. A plain member of a confidential group may not list the others, yet a message to the whole group must
-- reach them: this reads past that rule for the server only (nothing of it is returned to the caller), and only
-- for a current member of g, or for someone with a join request in g asking for the owners.
create function app_group_contacts(g uuid, audience text, owners_only boolean)
  returns table (user_id uuid, display_name text, email text, language text)
  language sql stable security definer set search_path = public
  as $$
    select m.user_id, m.display_name, u.email, u.language
      from group_members m join users u on u.id = m.user_id
     where m.group_id = g and u.status = 'active'
       and (not owners_only or m.is_owner)
       and (audience = 'all_members'
            or m.category in ('customs', 'police', 'wildlife_enforcement', 'secretariat'))
       and (app_actor_is_system() or app_actor_is_secretariat_admin() or app_group_category(g) is not null
            or (owners_only and exists (select 1 from group_join_requests r
                                         where r.group_id = g and r.user_id = app_actor_id())))
  $$;

-- ── Row-level security ─────────────────────────────────────────────────────────────────────────────────────

alter table groups enable row level security;
alter table group_members enable row level security;
alter table group_join_requests enable row level security;
alter table group_messages enable row level security;
alter table group_message_senders enable row level security;
alter table group_message_recipients enable row level security;
alter table library_items enable row level security;
alter table library_versions enable row level security;
alter table group_files enable row level security;
alter table group_notifications enable row level security;

-- Groups: signed-in users see active groups (to ask to join) and their own; the public directory sees active,
-- non-confidential groups; Secretariat admins create and change them.
create policy groups_read on groups for select to app_user
  using (app_actor_is_system() or app_actor_is_secretariat_admin()
         or (app_actor_kind() = 'user' and (status = 'active' or app_group_category(id) is not null))
         or (app_actor_kind() = 'anonymous' and status = 'active' and not is_confidential));
create policy groups_write on groups for all to app_user
  using (app_actor_is_system() or app_actor_is_secretariat_admin())
  with check (app_actor_is_system() or app_actor_is_secretariat_admin());

create policy group_members_read on group_members for select to app_user
  using (app_actor_is_system() or app_group_member_visible(group_id, user_id, is_owner));
create policy group_members_insert on group_members for insert to app_user
  with check (app_group_may_moderate(group_id));
create policy group_members_update on group_members for update to app_user
  using (app_group_may_moderate(group_id)) with check (app_group_may_moderate(group_id));
create policy group_members_delete on group_members for delete to app_user
  using (app_group_may_moderate(group_id));

-- Join requests: the person's own, and the group's moderators. A person asks only for themselves; a Secretariat
-- admin files them when approving a registration.
create policy group_join_requests_read on group_join_requests for select to app_user
  using (user_id = app_actor_id() or app_group_may_moderate(group_id));
create policy group_join_requests_insert on group_join_requests for insert to app_user
  with check ((user_id = app_actor_id() and status = 'pending') or app_group_may_moderate(group_id));
create policy group_join_requests_update on group_join_requests for update to app_user
  using (app_group_may_moderate(group_id)) with check (app_group_may_moderate(group_id));

-- Messages: a current member reads what was sent to them or by them. No one else, not even Secretariat admins.
create policy group_messages_read on group_messages for select to app_user
  using (app_group_category(group_id) is not null
         and (exists (select 1 from group_message_recipients r
                       where r.message_id = id and r.user_id = app_actor_id())
              or exists (select 1 from group_message_senders s
                          where s.message_id = id and s.user_id = app_actor_id())));
create policy group_messages_insert on group_messages for insert to app_user
  with check (app_group_category(group_id) is not null
              and (author_id is null or author_id = app_actor_id())
              and (select g.status from groups g where g.id = group_id) = 'active'
              and (address_kind <> 'members' or not (select g.is_confidential from groups g where g.id = group_id)));

-- The real sender: the sender themselves and Secretariat admins (anonymous posts, DESIGN §2).
create policy group_message_senders_read on group_message_senders for select to app_user
  using (user_id = app_actor_id() or app_actor_is_secretariat_admin());
create policy group_message_senders_insert on group_message_senders for insert to app_user
  with check (user_id = app_actor_id());

-- Recipients: one's own row (to read and mark read); the sender's view for read receipts; and, for a message to
-- chosen members, the other recipients (the "To" line). A message to the whole group or the owners never lists its
-- recipients to a recipient, so a confidential group's members stay unlisted.
create function app_message_shows_recipients(msg uuid) returns boolean
  language sql stable security definer set search_path = public
  as $$
    select exists (select 1 from group_message_senders s where s.message_id = msg and s.user_id = app_actor_id())
        or exists (select 1 from group_messages m join group_message_recipients r on r.message_id = m.id
                    where m.id = msg and m.address_kind = 'members' and r.user_id = app_actor_id()
                      and app_group_category(m.group_id) is not null)
  $$;
create policy group_message_recipients_read on group_message_recipients for select to app_user
  using (user_id = app_actor_id() or app_message_shows_recipients(message_id));
create policy group_message_recipients_insert on group_message_recipients for insert to app_user
  with check (exists (select 1 from group_message_senders s
                       where s.message_id = group_message_recipients.message_id and s.user_id = app_actor_id()));
create policy group_message_recipients_update on group_message_recipients for update to app_user
  using (user_id = app_actor_id()) with check (user_id = app_actor_id());

create policy library_items_read on library_items for select to app_user
  using (app_group_sees(group_id, audience));
create policy library_items_write on library_items for all to app_user
  using (app_group_is_owner(group_id) and app_group_sees(group_id, audience))
  with check (app_group_is_owner(group_id) and app_group_sees(group_id, audience));
create policy library_versions_read on library_versions for select to app_user
  using (app_group_sees(group_id, audience));
create policy library_versions_insert on library_versions for insert to app_user
  with check (app_group_is_owner(group_id) and app_group_sees(group_id, audience));

-- Files: the uploader's own unattached file; otherwise through the message or library version it belongs to.
create policy group_files_read on group_files for select to app_user
  using (app_group_category(group_id) is not null and (
           (message_id is null and library_version_id is null and uploaded_by = app_actor_id())
        or (message_id is not null and exists (select 1 from group_messages m where m.id = message_id))
        or (library_version_id is not null and audience is not null and app_group_sees(group_id, audience))));
create policy group_files_insert on group_files for insert to app_user
  with check (uploaded_by = app_actor_id() and app_group_category(group_id) is not null
              and message_id is null and library_version_id is null);
create policy group_files_attach on group_files for update to app_user
  using (uploaded_by = app_actor_id() and message_id is null and library_version_id is null)
  with check (uploaded_by = app_actor_id());
create policy group_files_forget on group_files for delete to app_user
  using (app_actor_is_system() or (uploaded_by = app_actor_id() and message_id is null and library_version_id is null));

create policy group_notifications_read on group_notifications for select to app_user
  using (user_id = app_actor_id() and app_group_sees(group_id, audience));
create policy group_notifications_mark on group_notifications for update to app_user
  using (user_id = app_actor_id()) with check (user_id = app_actor_id());
-- Owners notify the audience when they publish and the person when they decide a join request; moderators are
-- told of new join requests by whoever files them. The audience is re-checked on reading.
create policy group_notifications_insert on group_notifications for insert to app_user
  with check (app_group_may_moderate(group_id) or (kind = 'join_requested' and app_actor_kind() = 'user'));

grant select, insert, update on groups, group_join_requests, library_items, group_notifications to app_user;
grant select, insert, update, delete on group_members, group_files to app_user;
grant select, insert on group_messages, group_message_senders, library_versions to app_user;
grant select, insert, update on group_message_recipients to app_user;
grant execute on function app_group_category(uuid), app_group_is_owner(uuid), app_group_member_visible(uuid, uuid, boolean),
  app_group_contacts(uuid, text, boolean), app_message_shows_recipients(uuid) to app_user;
