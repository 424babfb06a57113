-- Security keys and passkeys (WebAuthn) as a second factor that phishing cannot capture (issue 20, item 10; ADR
-- 0013). A key's public half, its counter and the name its owner gave it are kept per user; a user reads, adds and
-- removes only their own (the front door reads them to check a sign-in). Challenges are single-use and
-- short-lived: one per session and purpose, deleted when used, refused after they expire.
create table security_keys (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null check (length(name) between 1 and 60),
  credential_id text not null unique,
  public_key bytea not null,
  sign_count bigint not null default 0,
  transports text[] not null default '{}',
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);
create index security_keys_user_idx on security_keys (user_id);

create table webauthn_challenges (
  session_id uuid not null references sessions (id) on delete cascade,
  purpose text not null check (purpose in ('enrol', 'sign_in')),
  challenge text not null,
  expires_at timestamptz not null,
  primary key (session_id, purpose)
);

alter table security_keys enable row level security;
alter table security_keys force row level security;
create policy security_keys_own on security_keys for all to app_user
  using (app_actor_is_system() or user_id = app_actor_id())
  with check (app_actor_is_system() or user_id = app_actor_id());
grant select, insert, update, delete on security_keys to app_user;

alter table webauthn_challenges enable row level security;
alter table webauthn_challenges force row level security;
-- A challenge belongs to a session: the front door's, or the signed-in user's own session.
create policy webauthn_challenges_own on webauthn_challenges for all to app_user
  using (app_actor_is_system()
         or exists (select 1 from sessions s where s.id = session_id and s.user_id = app_actor_id()))
  with check (app_actor_is_system()
              or exists (select 1 from sessions s where s.id = session_id and s.user_id = app_actor_id()));
grant select, insert, update, delete on webauthn_challenges to app_user;
