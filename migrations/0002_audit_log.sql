-- Why: the audit log must be tamper-evident (DESIGN §4). Each entry holds the hash of the previous
-- one; a one-row head table serialises writers so the chain stays linear, and remembers the last
-- hash so that removing the newest entries is noticed too. Entries are never updated or deleted.

create table audit_events (
  seq bigint primary key,
  occurred_at timestamptz not null,
  actor_kind text not null check (actor_kind in ('user', 'system', 'anonymous')),
  actor_id uuid,
  actor_label text,
  action text not null,
  target_type text,
  target_id text,
  details jsonb not null default '{}'::jsonb,
  ip_address text,
  request_id text,
  prev_hash text not null,
  hash text not null unique
);
create index audit_events_actor_idx on audit_events (actor_id, occurred_at);
create index audit_events_action_idx on audit_events (action, occurred_at);

create table audit_chain_head (
  singleton boolean primary key default true check (singleton),
  seq bigint not null,
  hash text not null
);
insert into audit_chain_head (singleton, seq, hash) values (true, 0, repeat('0', 64));

create function audit_events_refuse_change() returns trigger
  language plpgsql
  as $$
  begin
    raise exception 'audit_events is append-only: % is not allowed', tg_op
      using errcode = 'insufficient_privilege';
  end
  $$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_refuse_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_refuse_change();

alter table audit_events enable row level security;
alter table audit_chain_head enable row level security;

-- Anyone acting may append entries in their own name only; only Secretariat admins read the log.
create policy audit_events_append on audit_events for insert to app_user
  with check (actor_kind = app_actor_kind() and actor_id is not distinct from app_actor_id());
create policy audit_events_read on audit_events for select to app_user
  using (app_actor_is_secretariat_admin());
create policy audit_chain_head_advance on audit_chain_head for all to app_user
  using (true) with check (true);

grant select, insert on audit_events to app_user;
grant select, update on audit_chain_head to app_user;
