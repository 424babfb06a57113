-- Why: every signed-in request first turns its session cookie into an actor. As the front door's own transaction
-- (begin, the actor settings, the query, commit) that took four round trips to the database before the request's
-- real work began, a third of a record read's cost (issue 5: authenticated record reads per second). This function
-- is the same check as one statement: the live session with that secret's hash, its user and organisation, and the
-- current terms version. It runs as the owner (security definer) because credentials are otherwise reachable only
-- by the front door actor; it answers only for the secret's hash, which only the holder of the cookie can compute.
-- The server still checks expiry, idleness and the user's status (sessions.service.ts authenticateSession).

create function app_front_door_session(secret_hash text)
  returns table (
    session_id uuid, stage text, terms_version integer, csrf_token text, last_seen_at timestamptz,
    expires_at timestamptz, current_terms_version integer,
    id uuid, email text, first_name text, last_name text, language text, role text, has_itd_access boolean,
    status text, password_hash text, must_change_password boolean, totp_secret_sealed text,
    totp_enrolled_at timestamptz, totp_last_step bigint, failed_sign_ins integer, locked_until timestamptz,
    organisation_id uuid, organisation_name text, organisation_kind text, party char(2)
  )
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select s.id, s.stage, s.terms_version, s.csrf_token, s.last_seen_at, s.expires_at,
           (select max(t.version) from terms_versions t),
           u.id, u.email, u.first_name, u.last_name, u.language, u.role, u.has_itd_access, u.status,
           u.password_hash, u.must_change_password, u.totp_secret_sealed, u.totp_enrolled_at, u.totp_last_step,
           u.failed_sign_ins, u.locked_until, o.id, o.name, o.kind, o.party
      from sessions s
      join users u on u.id = s.user_id
      join organisations o on o.id = u.organisation_id
     where s.token_hash = secret_hash and s.revoked_at is null
  $$;
revoke all on function app_front_door_session(text) from public;
grant execute on function app_front_door_session(text) to app_user;
