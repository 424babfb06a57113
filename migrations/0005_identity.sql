-- Why: the identity system both halves share (DESIGN §2 "Getting in"): organisations and users,
-- registrations and their vetting, sessions with a second factor, versioned terms of use accepted at
-- every sign-in, personal API tokens, single-use e-mail tokens and the e-mail outbox.
-- Secrets are stored only as hashes (sessions, tokens, recovery codes, e-mail links) or sealed with
-- the platform key (TOTP secrets). The front door (sign-in, session checks, the public forms) acts as
-- the system actor; people see their own rows; Secretariat admins see what vetting needs.

create function app_actor_is_system() returns boolean
  language sql stable
  as $$ select app_actor_kind() = 'system' $$;

create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  kind text not null check (kind in ('secretariat', 'party', 'iccwc', 'igo')),
  party char(2) references countries (code) on delete restrict,
  authority_type text,
  created_at timestamptz not null default now(),
  check ((kind = 'party') = (party is not null))
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(email)),
  first_name text not null,
  last_name text not null,
  function_title text not null default '',
  telephone text not null default '',
  country char(2) references countries (code) on delete restrict,
  language text not null default 'en' check (language in ('en', 'fr', 'es')),
  organisation_id uuid not null references organisations (id) on delete restrict,
  role text not null check (role in ('admin', 'data_officer', 'focal_point', 'reporter', 'member')),
  has_itd_access boolean not null default false,
  status text not null default 'active' check (status in ('active', 'suspended', 'withdrawn')),
  status_reason text,
  password_hash text,
  must_change_password boolean not null default false,
  totp_secret_sealed text,
  totp_enrolled_at timestamptz,
  -- The last TOTP time step used, so a code cannot be replayed.
  totp_last_step bigint,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  last_active_at timestamptz,
  inactivity_warned_at timestamptz,
  created_at timestamptz not null default now()
);
create index users_organisation_idx on users (organisation_id);

create table recovery_codes (
  id bigint generated always as identity primary key,
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz
);
create index recovery_codes_user_idx on recovery_codes (user_id);

create table sessions (
  -- id names a session in "my sessions"; the cookie carries a secret whose hash is token_hash.
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  user_id uuid not null references users (id) on delete cascade,
  stage text not null check (stage in ('second_factor', 'full')),
  terms_version integer,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip_address text,
  user_agent text,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  terms_version integer,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

create table terms_versions (
  version integer primary key,
  text_en text not null,
  text_fr text not null,
  text_es text not null,
  change_en text,
  change_fr text,
  change_es text,
  published_at timestamptz not null default now(),
  published_by uuid references users (id) on delete set null
);

create table terms_acceptances (
  id bigint generated always as identity primary key,
  user_id uuid not null references users (id) on delete cascade,
  version integer not null references terms_versions (version) on delete restrict,
  accepted_at timestamptz not null default now(),
  ip_address text,
  via text not null check (via in ('session', 'token'))
);
create index terms_acceptances_user_idx on terms_acceptances (user_id, version);

create table registrations (
  id uuid primary key default gen_random_uuid(),
  status text not null default 'pending_verification'
    check (status in ('pending_verification', 'pending_review', 'more_info_requested', 'approved', 'rejected')),
  country char(2) not null references countries (code) on delete restrict,
  last_name text not null,
  first_name text not null,
  organisation text not null,
  function_title text not null,
  telephone text not null,
  email text not null check (email = lower(email)),
  requests_itd_access boolean not null,
  requested_groups text[] not null default '{}',
  justification text not null,
  language text not null check (language in ('en', 'fr', 'es')),
  is_webmail boolean not null default false,
  email_verified_at timestamptz,
  endorsement text check (endorsement in ('endorsed', 'objected')),
  endorsement_note text,
  endorsed_by uuid references users (id) on delete set null,
  endorsed_at timestamptz,
  decision_reason text,
  decided_by uuid references users (id) on delete set null,
  decided_at timestamptz,
  user_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index registrations_status_idx on registrations (status, created_at);
create index registrations_email_idx on registrations (email);

create table one_time_tokens (
  token_hash text primary key,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  registration_id uuid references registrations (id) on delete cascade,
  user_id uuid references users (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

create table outbox (
  id bigint generated always as identity primary key,
  recipient text not null,
  subject text not null,
  body text not null,
  language text not null check (language in ('en', 'fr', 'es')),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
create index outbox_unsent_idx on outbox (id) where sent_at is null;

alter table organisations enable row level security;
alter table users enable row level security;
alter table recovery_codes enable row level security;
alter table sessions enable row level security;
alter table api_tokens enable row level security;
alter table terms_versions enable row level security;
alter table terms_acceptances enable row level security;
alter table registrations enable row level security;
alter table one_time_tokens enable row level security;
alter table outbox enable row level security;

-- Organisations: every signed-in user may read them (names appear across the platform).
create policy organisations_read on organisations for select to app_user
  using (app_actor_is_system() or app_actor_kind() = 'user');
create policy organisations_manage on organisations for all to app_user
  using (app_actor_is_system() or app_actor_is_secretariat_admin())
  with check (app_actor_is_system() or app_actor_is_secretariat_admin());

-- Users: the front door, oneself, and Secretariat admins.
create policy users_read on users for select to app_user
  using (app_actor_is_system() or id = app_actor_id() or app_actor_is_secretariat_admin());
create policy users_write on users for update to app_user
  using (app_actor_is_system() or id = app_actor_id() or app_actor_is_secretariat_admin())
  with check (app_actor_is_system() or id = app_actor_id() or app_actor_is_secretariat_admin());
create policy users_create on users for insert to app_user
  with check (app_actor_is_system() or app_actor_is_secretariat_admin());

-- Secrets and sessions of a user: the front door and the user.
create policy recovery_codes_own on recovery_codes for all to app_user
  using (app_actor_is_system() or user_id = app_actor_id())
  with check (app_actor_is_system() or user_id = app_actor_id());
create policy sessions_own on sessions for all to app_user
  using (app_actor_is_system() or user_id = app_actor_id())
  with check (app_actor_is_system() or user_id = app_actor_id());
-- Secretariat admins end the sessions of a user they suspend or withdraw.
create policy sessions_admin_revoke on sessions for update to app_user
  using (app_actor_is_secretariat_admin()) with check (app_actor_is_secretariat_admin());
create policy sessions_admin_read on sessions for select to app_user using (app_actor_is_secretariat_admin());
create policy api_tokens_own on api_tokens for all to app_user
  using (app_actor_is_system() or user_id = app_actor_id())
  with check (app_actor_is_system() or user_id = app_actor_id());
create policy terms_acceptances_own on terms_acceptances for all to app_user
  using (app_actor_is_system() or user_id = app_actor_id() or app_actor_is_secretariat_admin())
  with check (app_actor_is_system() or user_id = app_actor_id());
create policy one_time_tokens_front_door on one_time_tokens for all to app_user
  using (app_actor_is_system()) with check (app_actor_is_system());
-- Approving a registration sends the set-password link: the approving admin creates that token.
create policy one_time_tokens_approval on one_time_tokens for insert to app_user
  with check (app_actor_is_secretariat_admin() and purpose = 'reset_password');

-- Terms: everyone reads them (the sign-in page shows them); Secretariat admins publish.
create policy terms_versions_read on terms_versions for select to app_user using (true);
create policy terms_versions_publish on terms_versions for insert to app_user
  with check (app_actor_is_system() or app_actor_is_secretariat_admin());

-- Registrations: created by the public form (front door); reviewed by Secretariat admins; a Party's
-- focal point sees its own Party's requests.
create policy registrations_front_door on registrations for all to app_user
  using (app_actor_is_system()) with check (app_actor_is_system());
create policy registrations_review on registrations for all to app_user
  using (app_actor_is_secretariat_admin()) with check (app_actor_is_secretariat_admin());
create policy registrations_endorse on registrations for all to app_user
  using (app_actor_kind() = 'user' and app_actor_role() = 'focal_point' and app_actor_org_kind() = 'party'
         and country = app_actor_party())
  with check (app_actor_kind() = 'user' and app_actor_role() = 'focal_point' and app_actor_org_kind() = 'party'
              and country = app_actor_party());

-- The outbox: any action may queue a message; only the sender job reads it.
create policy outbox_queue on outbox for insert to app_user with check (true);
create policy outbox_send on outbox for select to app_user using (app_actor_is_system());
create policy outbox_mark on outbox for update to app_user using (app_actor_is_system()) with check (app_actor_is_system());

grant select, insert, update on organisations, users, registrations to app_user;
grant select, insert, update, delete on recovery_codes, sessions, api_tokens, one_time_tokens to app_user;
grant select, insert on terms_versions, terms_acceptances to app_user;
grant select, insert, update on outbox to app_user;
