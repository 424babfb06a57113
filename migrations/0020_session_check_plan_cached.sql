-- Why: app_front_door_session (0019) runs before every signed-in request. As a SQL function that cannot be inlined
-- (it is security definer), PostgreSQL plans its three-table join afresh at every call: measured on the 1M-record
-- benchmark database, the call cost four times what the same query costs as a prepared statement. A PL/pgSQL body
-- keeps its plan for the life of the connection. Same arguments, same result, same privileges.

create or replace function app_front_door_session(secret_hash text)
  returns table (
    session_id uuid, stage text, terms_version integer, csrf_token text, last_seen_at timestamptz,
    expires_at timestamptz, current_terms_version integer,
    id uuid, email text, first_name text, last_name text, language text, role text, has_itd_access boolean,
    status text, password_hash text, must_change_password boolean, totp_secret_sealed text,
    totp_enrolled_at timestamptz, totp_last_step bigint, failed_sign_ins integer, locked_until timestamptz,
    organisation_id uuid, organisation_name text, organisation_kind text, party char(2)
  )
  language plpgsql stable security definer set search_path = public, pg_temp
  as $$
  begin
    return query
      select s.id, s.stage, s.terms_version, s.csrf_token, s.last_seen_at, s.expires_at,
             (select max(t.version) from terms_versions t),
             u.id, u.email, u.first_name, u.last_name, u.language, u.role, u.has_itd_access, u.status,
             u.password_hash, u.must_change_password, u.totp_secret_sealed, u.totp_enrolled_at, u.totp_last_step,
             u.failed_sign_ins, u.locked_until, o.id, o.name, o.kind, o.party
        from sessions s
        join users u on u.id = s.user_id
        join organisations o on o.id = u.organisation_id
       where s.token_hash = secret_hash and s.revoked_at is null;
  end
  $$;
