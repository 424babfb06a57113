-- Why: every request runs as the unprivileged role app_user with the actor set in transaction-local
-- settings, so that row-level security is a second wall behind the queries (ADR 0001). This migration
-- creates that role, the functions policies read the actor from, and the trigram extension the
-- species-name resolver needs.

create extension if not exists pg_trgm;

-- Roles are shared by every database of a PostgreSQL cluster: create app_user once, tolerate a race.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'app_user') then
    create role app_user nologin nosuperuser nobypassrls noinherit;
  end if;
exception when duplicate_object then null;
end
$$;

-- The connecting role must be allowed to become app_user (a superuser already may).
do $$
begin
  execute format('grant app_user to %I', current_user);
exception when others then
  raise notice 'could not grant app_user to %: %', current_user, sqlerrm;
end
$$;

grant usage on schema public to app_user;

-- The actor of the current transaction, as withActor() sets it. Empty or unset means anonymous.
create function app_actor_kind() returns text
  language sql stable
  as $$ select coalesce(nullif(current_setting('app.actor_kind', true), ''), 'anonymous') $$;

create function app_actor_id() returns uuid
  language sql stable
  as $$ select nullif(current_setting('app.actor_id', true), '')::uuid $$;

create function app_actor_org_kind() returns text
  language sql stable
  as $$ select nullif(current_setting('app.actor_org_kind', true), '') $$;

create function app_actor_party() returns text
  language sql stable
  as $$ select nullif(current_setting('app.actor_party', true), '') $$;

create function app_actor_role() returns text
  language sql stable
  as $$ select nullif(current_setting('app.actor_role', true), '') $$;

-- True for the platform's own jobs (imports run from the `itd` command) and Secretariat staff who
-- maintain reference data.
create function app_actor_maintains_reference() returns boolean
  language sql stable
  as $$
    select app_actor_kind() = 'system'
        or (app_actor_kind() = 'user' and app_actor_org_kind() = 'secretariat'
            and app_actor_role() in ('admin', 'data_officer'))
  $$;

create function app_actor_is_secretariat_admin() returns boolean
  language sql stable
  as $$
    select app_actor_kind() = 'user' and app_actor_org_kind() = 'secretariat' and app_actor_role() = 'admin'
  $$;
