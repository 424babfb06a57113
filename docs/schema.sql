--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: app_actor_audience(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_audience() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ select nullif(current_setting('app.actor_audience', true), '') $$;


--
-- Name: app_actor_has_itd(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_has_itd() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ select coalesce(nullif(current_setting('app.actor_itd', true), ''), 'false') = 'true' $$;


--
-- Name: app_actor_id(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ select nullif(current_setting('app.actor_id', true), '')::uuid $$;


--
-- Name: app_actor_is_management_authority(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_is_management_authority() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select coalesce((
      select o.kind = 'party'
         and trim(regexp_replace(lower(coalesce(o.authority_type, '')), '[^a-z]+', ' ', 'g'))
             in ('management authority', 'cites management authority', 'ma')
        from users u join organisations o on o.id = u.organisation_id
       where u.id = app_actor_id() and app_actor_kind() = 'user'), false)
  $$;


--
-- Name: app_actor_is_secretariat_admin(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_is_secretariat_admin() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    select app_actor_kind() = 'user' and app_actor_org_kind() = 'secretariat' and app_actor_role() = 'admin'
  $$;


--
-- Name: app_actor_is_system(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_is_system() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ select app_actor_kind() = 'system' $$;


--
-- Name: app_actor_kind(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_kind() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ select coalesce(nullif(current_setting('app.actor_kind', true), ''), 'anonymous') $$;


--
-- Name: app_actor_maintains_reference(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_maintains_reference() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    select app_actor_kind() = 'system'
        or (app_actor_kind() = 'user' and app_actor_org_kind() = 'secretariat'
            and app_actor_role() in ('admin', 'data_officer'))
  $$;


--
-- Name: app_actor_org_kind(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_org_kind() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ select nullif(current_setting('app.actor_org_kind', true), '') $$;


--
-- Name: app_actor_party(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_party() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ select nullif(current_setting('app.actor_party', true), '') $$;


--
-- Name: app_actor_role(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_role() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ select nullif(current_setting('app.actor_role', true), '') $$;


--
-- Name: app_actor_verifies_permits(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_verifies_permits() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select app_actor_kind() = 'system'
        or (app_actor_kind() = 'user' and app_actor_org_kind() in ('secretariat', 'party'))
        or (app_actor_kind() = 'user' and exists (
              select 1 from group_members m join groups g on g.id = m.group_id
               where m.user_id = app_actor_id() and g.status = 'active'
                 and m.category in ('customs', 'police', 'wildlife_enforcement')))
  $$;


--
-- Name: app_actor_writes_permits_of(character); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_writes_permits_of(issuing character) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    select app_actor_maintains_reference()
        or (app_actor_kind() = 'user' and app_actor_org_kind() = 'party' and app_actor_party() = issuing
            and app_actor_is_management_authority())
  $$;


--
-- Name: app_audience_of(text, text, text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_audience_of(kind text, org_kind text, party text, role text, has_itd text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    select case
      when kind = 'system' then 'all'
      when kind <> 'user' or coalesce(has_itd, '') <> 'true' then null
      when org_kind = 'secretariat' then 'all'
      when org_kind = 'iccwc' then 'iccwc'
      when org_kind = 'party' and nullif(party, '') is not null then
        case when role in ('focal_point', 'reporter') then 'preparer:' else 'reader:' end || party
    end
  $$;


--
-- Name: app_can_see_report(character, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_can_see_report(party character, is_published boolean) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    select app_actor_kind() = 'system'
        or (app_actor_kind() = 'user' and app_actor_has_itd() and (
              app_actor_org_kind() = 'secretariat'
           or (app_actor_org_kind() = 'party' and app_actor_party() = party
               and (is_published or app_actor_role() in ('focal_point', 'reporter')))
        ))
  $$;


--
-- Name: app_can_see_seizure(character, boolean, boolean, boolean, character[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_can_see_seizure(reporting_party character, is_published boolean, share_parties boolean, share_iccwc boolean, concerned_parties character[]) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
    select app_actor_kind() = 'system'
        or (app_actor_kind() = 'user' and app_actor_has_itd() and app_actor_org_kind() <> 'igo' and (
              app_actor_org_kind() = 'secretariat'
           or (app_actor_org_kind() = 'party' and app_actor_party() = reporting_party
               and (is_published or app_actor_role() in ('focal_point', 'reporter')))
           or (is_published and app_actor_org_kind() = 'iccwc' and share_iccwc)
           or (is_published and app_actor_org_kind() = 'party' and share_parties
               and concerned_parties @> array[app_actor_party()::char(2)])
        ))
  $$;


--
-- Name: app_can_write_report(character, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_can_write_report(party character, is_published boolean) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    select app_actor_kind() = 'system'
        or (app_actor_kind() = 'user' and app_actor_has_itd() and (
              (app_actor_org_kind() = 'secretariat' and app_actor_role() in ('admin', 'data_officer'))
           or (app_actor_org_kind() = 'party' and app_actor_party() = party and not is_published
               and app_actor_role() in ('focal_point', 'reporter'))
        ))
  $$;


--
-- Name: app_compact_seizure_figures(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_compact_seizure_figures() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
  begin
    perform pg_advisory_xact_lock(hashtext('seizure_figures'));
    with folded as (delete from seizure_figures returning *)
    insert into seizure_figures (audience, dimension, key, records, specimens, kg)
    select audience, dimension, key, sum(records), sum(specimens), sum(kg)
      from folded group by 1, 2, 3
     having sum(records) <> 0 or sum(specimens) <> 0 or sum(kg) <> 0;
  end
  $$;


--
-- Name: app_country_codes_overlap(character[], character[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_country_codes_overlap(character[], character[]) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE
    AS $$arrayoverlap$$;


--
-- Name: app_front_door_session(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_front_door_session(secret_hash text) RETURNS TABLE(session_id uuid, stage text, terms_version integer, csrf_token text, last_seen_at timestamp with time zone, expires_at timestamp with time zone, current_terms_version integer, id uuid, email text, first_name text, last_name text, language text, role text, has_itd_access boolean, status text, password_hash text, must_change_password boolean, totp_secret_sealed text, totp_enrolled_at timestamp with time zone, totp_last_step bigint, failed_sign_ins integer, locked_until timestamp with time zone, organisation_id uuid, organisation_name text, organisation_kind text, party character)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


--
-- Name: app_group_category(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_group_category(g uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select m.category from group_members m
     where m.group_id = g and m.user_id = app_actor_id() and app_actor_kind() = 'user'
  $$;


--
-- Name: app_group_contacts(uuid, text, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_group_contacts(g uuid, audience text, owners_only boolean) RETURNS TABLE(user_id uuid, display_name text, email text, language text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select m.user_id, m.display_name, u.email, u.language
      from group_members m join users u on u.id = m.user_id
     where m.group_id = g and u.status = 'active'
       and (not owners_only or m.is_owner)
       and (audience = 'all_members'
            or m.category in ('customs', 'police', 'wildlife_enforcement', 'secretariat'))
       and (app_actor_is_system() or app_actor_is_secretariat_admin() or app_group_category(g) is not null
            or (owners_only
                and not (select gr.is_confidential from groups gr where gr.id = g)
                and exists (select 1 from group_join_requests r
                             where r.group_id = g and r.user_id = app_actor_id())))
  $$;


--
-- Name: app_group_is_owner(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_group_is_owner(g uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select coalesce((select m.is_owner from group_members m
                      where m.group_id = g and m.user_id = app_actor_id() and app_actor_kind() = 'user'), false)
  $$;


--
-- Name: app_group_may_moderate(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_group_may_moderate(g uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ select app_actor_is_system() or app_actor_is_secretariat_admin() or app_group_is_owner(g) $$;


--
-- Name: app_group_member_visible(uuid, uuid, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_group_member_visible(g uuid, row_user uuid, row_is_owner boolean) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select row_user = app_actor_id()
        or app_group_may_moderate(g)
        or (app_group_category(g) is not null
            and (row_is_owner or not (select gr.is_confidential from groups gr where gr.id = g)))
  $$;


--
-- Name: app_group_sees(uuid, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_group_sees(g uuid, audience text) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    select app_actor_is_system()
        or (audience = 'all_members' and app_group_category(g) is not null)
        or (audience = 'law_enforcement'
            and app_group_category(g) in ('customs', 'police', 'wildlife_enforcement', 'secretariat'))
  $$;


--
-- Name: app_keep_file_cells(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_keep_file_cells() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  if old.file_cells is not null and new.file_cells is distinct from old.file_cells then
    raise exception 'a staged row keeps the cells its file had: file_cells is never overwritten'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;


--
-- Name: app_link_audit_entries(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_link_audit_entries(max_entries integer DEFAULT 10000) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
  declare
    head_seq bigint;
    head_hash text;
    entry record;
    linked text;
    n integer := 0;
  begin
    select seq, hash into head_seq, head_hash from audit_chain_head where singleton for update;
    for entry in
      select e.id, e.digest from audit_events e where e.seq is null order by e.id limit max_entries
    loop
      linked := encode(sha256(convert_to(head_hash || (head_seq + 1)::text || ':' || entry.digest, 'UTF8')), 'hex');
      update audit_events set seq = head_seq + 1, prev_hash = head_hash, hash = linked where id = entry.id;
      head_seq := head_seq + 1;
      head_hash := linked;
      n := n + 1;
    end loop;
    if n > 0 then
      update audit_chain_head set seq = head_seq, hash = head_hash where singleton;
    end if;
    return n;
  end
  $$;


--
-- Name: app_message_shows_recipients(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_message_shows_recipients(msg uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select exists (select 1 from group_message_senders s where s.message_id = msg and s.user_id = app_actor_id())
        or exists (select 1 from group_messages m join group_message_recipients r on r.message_id = m.id
                    where m.id = msg and m.address_kind = 'members' and r.user_id = app_actor_id()
                      and app_group_category(m.group_id) is not null)
  $$;


--
-- Name: app_near_taxon_names(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_near_taxon_names(q text) RETURNS TABLE(taxon_id bigint, name text, kind text, normalized text)
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 20
    SET search_path TO 'public'
    AS $$
    select tn.taxon_id, tn.name, tn.kind, tn.normalized from taxon_names tn where tn.normalized % q
  $$;


--
-- Name: app_prefixed_codes(text, character[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_prefixed_codes(prefix text, codes character[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ select coalesce(array_agg(prefix || code), '{}') from unnest(codes) as code where code is not null $$;


--
-- Name: app_seizure_audiences(character, boolean, boolean, boolean, character[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_seizure_audiences(reporting_party character, is_published boolean, share_parties boolean, share_iccwc boolean, concerned character[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    select array(
      select distinct audience from (
        select 'all' as audience
        union all select 'preparer:' || reporting_party
        union all select 'reader:' || reporting_party where is_published
        union all select 'iccwc' where is_published and share_iccwc
        union all select role || code
          from unnest(concerned) as code, unnest(array['reader:', 'preparer:']) as role
         where is_published and share_parties and code is not null
      ) audiences
      order by audience
    )
  $$;


--
-- Name: app_seizure_figures_apply(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_seizure_figures_apply() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
  declare
    -- Only the columns the figures read: the transition tables hold whole rows (with `original`), and copying
    -- them costs more than the sums.
    columns constant text := 'visibility_keys, seizure_year, date_precision, seizure_date, term_code, unit_code,
      appendix, reporting_party, detection_method, transport_mode, location_type, taxon_id, seizure_country,
      origin_country, export_country, destination_country, transit_countries, offender_nationalities,
      quantity_count, quantity_kg';
  begin
    execute app_seizure_figures_statement(case tg_op
      when 'INSERT' then format('select 1 as sign, %s from new_rows', columns)
      when 'UPDATE' then
        format('select 1 as sign, %s from new_rows union all select -1, %s from old_rows', columns, columns)
      else format('select -1 as sign, %s from old_rows', columns)
    end);
    return null;
  end
  $$;


--
-- Name: app_seizure_figures_statement(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_seizure_figures_statement(source text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $_$
    select format($sql$
      insert into seizure_figures (audience, dimension, key, records, specimens, kg)
      select a.audience, g.dimension, g.key, sum(g.records), sum(g.specimens), sum(g.kg)
        from (
          select r.visibility_keys, d.dimension, d.key, sum(r.sign) as records,
                 coalesce(sum(r.sign * r.quantity_count), 0) as specimens,
                 coalesce(sum(r.sign * r.quantity_kg), 0) as kg
            from (%s) r
           cross join lateral (
             values ('total', null::text),
                    ('year', r.seizure_year::text),
                    ('month', case when r.date_precision in ('day', 'month') then to_char(r.seizure_date, 'YYYY-MM') end),
                    ('term', r.term_code),
                    ('unit', r.unit_code),
                    ('appendix', r.appendix),
                    ('party', r.reporting_party::text),
                    ('detectionMethod', r.detection_method),
                    ('transportMode', r.transport_mode),
                    ('locationType', r.location_type),
                    ('taxon', r.taxon_id::text),
                    ('seizure', r.seizure_country::text),
                    ('origin', r.origin_country::text),
                    ('export', r.export_country::text),
                    ('destination', r.destination_country::text),
                    ('route', case when r.origin_country is not null and r.destination_country is not null
                                   then r.origin_country || '>' || r.destination_country end)
             union all select 'transit', code::text from unnest(r.transit_countries) as code
             union all select 'nationality', code::text from unnest(r.offender_nationalities) as code
           ) as d(dimension, key)
           group by 1, 2, 3
        ) g
       cross join lateral unnest(g.visibility_keys) as a(audience)
       group by 1, 2, 3
      having sum(g.records) <> 0 or sum(g.specimens) <> 0 or sum(g.kg) <> 0
    $sql$, source)
  $_$;


--
-- Name: audit_events_refuse_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_events_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
  begin
    if tg_op = 'UPDATE' and old.seq is null and old.hash is null and new.seq is not null and new.hash is not null
       and (new.id, new.occurred_at, new.actor_kind, new.actor_id, new.actor_label, new.action, new.target_type,
            new.target_id, new.details, new.ip_address, new.request_id, new.scheme, new.digest)
           is not distinct from
           (old.id, old.occurred_at, old.actor_kind, old.actor_id, old.actor_label, old.action, old.target_type,
            old.target_id, old.details, old.ip_address, old.request_id, old.scheme, old.digest) then
      return new;
    end if;
    raise exception 'audit_events is append-only: % is not allowed', tg_op
      using errcode = 'insufficient_privilege';
  end
  $$;


--
-- Name: &&&; Type: OPERATOR; Schema: public; Owner: -
--

CREATE OPERATOR public.&&& (
    FUNCTION = public.app_country_codes_overlap,
    LEFTARG = character[],
    RIGHTARG = character[],
    COMMUTATOR = OPERATOR(public.&&&),
    RESTRICT = matchingsel,
    JOIN = matchingjoinsel
);


--
-- Name: app_country_codes_ops; Type: OPERATOR FAMILY; Schema: public; Owner: -
--

CREATE OPERATOR FAMILY public.app_country_codes_ops USING gin;
ALTER OPERATOR FAMILY public.app_country_codes_ops USING gin ADD
    OPERATOR 1 public.&&&(character[],character[]) ,
    FUNCTION 1 (character[], character[]) bpcharcmp(character,character) ,
    FUNCTION 4 (character[], character[]) ginarrayconsistent(internal,smallint,anyarray,integer,internal,internal,internal,internal) ,
    FUNCTION 6 (character[], character[]) ginarraytriconsistent(internal,smallint,anyarray,integer,internal,internal,internal);


--
-- Name: app_country_codes_ops; Type: OPERATOR CLASS; Schema: public; Owner: -
--

CREATE OPERATOR CLASS public.app_country_codes_ops
    FOR TYPE character[] USING gin FAMILY public.app_country_codes_ops AS
    STORAGE character ,
    FUNCTION 2 (character[], character[]) ginarrayextract(anyarray,internal,internal) ,
    FUNCTION 3 (character[], character[]) ginqueryarrayextract(anyarray,internal,smallint,internal,internal,internal,internal);


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: access_receipt_summaries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.access_receipt_summaries (
    party character(2) NOT NULL,
    month date NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    recipients integer NOT NULL,
    CONSTRAINT access_receipt_summaries_month_check CHECK ((EXTRACT(day FROM month) = (1)::numeric))
);

ALTER TABLE ONLY public.access_receipt_summaries FORCE ROW LEVEL SECURITY;


--
-- Name: access_receipts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.access_receipts (
    party character(2) NOT NULL,
    day date NOT NULL,
    organisation_id uuid NOT NULL,
    organisation_name text NOT NULL,
    organisation_kind text NOT NULL,
    kind text NOT NULL,
    events integer NOT NULL,
    records bigint NOT NULL,
    CONSTRAINT access_receipts_kind_check CHECK ((kind = ANY (ARRAY['search'::text, 'view'::text, 'download'::text]))),
    CONSTRAINT access_receipts_organisation_kind_check CHECK ((organisation_kind = ANY (ARRAY['secretariat'::text, 'party'::text, 'iccwc'::text, 'igo'::text])))
);

ALTER TABLE ONLY public.access_receipts FORCE ROW LEVEL SECURITY;


--
-- Name: access_receipts_progress; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.access_receipts_progress (
    singleton boolean DEFAULT true NOT NULL,
    folded_seq bigint NOT NULL,
    CONSTRAINT access_receipts_progress_singleton_check CHECK (singleton)
);

ALTER TABLE ONLY public.access_receipts_progress FORCE ROW LEVEL SECURITY;


--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL,
    terms_version integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    scope text,
    scopes text[] DEFAULT '{}'::text[] NOT NULL,
    CONSTRAINT api_tokens_scope_check CHECK ((scope = 'permits.lookup'::text)),
    CONSTRAINT api_tokens_scopes_check CHECK ((scopes <@ ARRAY['export'::text]))
);

ALTER TABLE ONLY public.api_tokens FORCE ROW LEVEL SECURITY;


--
-- Name: audit_chain_head; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_chain_head (
    singleton boolean DEFAULT true NOT NULL,
    seq bigint NOT NULL,
    hash text NOT NULL,
    CONSTRAINT audit_chain_head_singleton_check CHECK (singleton)
);

ALTER TABLE ONLY public.audit_chain_head FORCE ROW LEVEL SECURITY;


--
-- Name: audit_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_events (
    seq bigint,
    occurred_at timestamp with time zone NOT NULL,
    actor_kind text NOT NULL,
    actor_id uuid,
    actor_label text,
    action text NOT NULL,
    target_type text,
    target_id text,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    ip_address text,
    request_id text,
    prev_hash text,
    hash text,
    id bigint NOT NULL,
    scheme smallint DEFAULT 2 NOT NULL,
    digest text,
    CONSTRAINT audit_events_actor_kind_check CHECK ((actor_kind = ANY (ARRAY['user'::text, 'system'::text, 'anonymous'::text]))),
    CONSTRAINT audit_events_digest_check CHECK (((scheme = 1) OR (digest IS NOT NULL))),
    CONSTRAINT audit_events_scheme_check CHECK ((scheme = ANY (ARRAY[1, 2])))
);

ALTER TABLE ONLY public.audit_events FORCE ROW LEVEL SECURITY;


--
-- Name: audit_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.audit_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: cites_codes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cites_codes (
    kind text NOT NULL,
    code text NOT NULL,
    label_en text NOT NULL,
    label_fr text NOT NULL,
    label_es text NOT NULL,
    base_unit text,
    factor numeric,
    CONSTRAINT cites_codes_base_unit_check CHECK ((base_unit = ANY (ARRAY['kg'::text, 'm'::text, 'm2'::text, 'm3'::text, 'count'::text]))),
    CONSTRAINT cites_codes_check CHECK (((base_unit IS NULL) = (factor IS NULL))),
    CONSTRAINT cites_codes_code_check CHECK ((code ~ '^[A-Z]{1,3}$'::text)),
    CONSTRAINT cites_codes_factor_check CHECK ((factor > (0)::numeric)),
    CONSTRAINT cites_codes_kind_check CHECK ((kind = ANY (ARRAY['term'::text, 'unit'::text, 'purpose'::text, 'source'::text])))
);

ALTER TABLE ONLY public.cites_codes FORCE ROW LEVEL SECURITY;


--
-- Name: countries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.countries (
    code character(2) NOT NULL,
    kind text NOT NULL,
    is_cites_party boolean NOT NULL,
    name_en text NOT NULL,
    name_fr text NOT NULL,
    name_es text NOT NULL,
    CONSTRAINT countries_code_check CHECK ((code ~ '^[A-Z]{2}$'::text)),
    CONSTRAINT countries_kind_check CHECK ((kind = ANY (ARRAY['country'::text, 'territory'::text, 'special'::text])))
);

ALTER TABLE ONLY public.countries FORCE ROW LEVEL SECURITY;


--
-- Name: downloads; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.downloads (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    user_label text NOT NULL,
    organisation_name text NOT NULL,
    kind text NOT NULL,
    format text NOT NULL,
    language text NOT NULL,
    filters jsonb NOT NULL,
    columns text[] DEFAULT '{}'::text[] NOT NULL,
    group_by text,
    publication boolean DEFAULT false NOT NULL,
    row_count integer,
    parties text[] DEFAULT '{}'::text[] NOT NULL,
    checksum text,
    size_bytes bigint,
    created_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    deleted_on date,
    deletion_statement text,
    deleted_attested_at timestamp with time zone,
    reminders_sent integer DEFAULT 0 NOT NULL,
    last_reminded_at timestamp with time zone,
    party_counts jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT downloads_format_check CHECK ((format = ANY (ARRAY['csv'::text, 'xlsx'::text]))),
    CONSTRAINT downloads_kind_check CHECK ((kind = ANY (ARRAY['records'::text, 'figures'::text, 'party_records'::text]))),
    CONSTRAINT downloads_language_check CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'es'::text])))
);

ALTER TABLE ONLY public.downloads FORCE ROW LEVEL SECURITY;


--
-- Name: group_files; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_files (
    id uuid NOT NULL,
    group_id uuid NOT NULL,
    uploaded_by uuid,
    file_name text NOT NULL,
    media_type text NOT NULL,
    size_bytes integer NOT NULL,
    sha256 text NOT NULL,
    sealed bytea NOT NULL,
    message_id uuid,
    library_version_id uuid,
    audience text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT group_files_audience_check CHECK ((audience = ANY (ARRAY['all_members'::text, 'law_enforcement'::text]))),
    CONSTRAINT group_files_check CHECK (((message_id IS NULL) OR (library_version_id IS NULL))),
    CONSTRAINT group_files_size_bytes_check CHECK ((size_bytes >= 0))
);

ALTER TABLE ONLY public.group_files FORCE ROW LEVEL SECURITY;


--
-- Name: group_join_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_join_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    group_id uuid NOT NULL,
    user_id uuid NOT NULL,
    registration_id uuid,
    country character(2) NOT NULL,
    last_name text NOT NULL,
    first_name text NOT NULL,
    organisation text NOT NULL,
    function_title text NOT NULL,
    telephone text NOT NULL,
    official_email text NOT NULL,
    reason text NOT NULL,
    language text DEFAULT 'en'::text NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    category text,
    decision_reason text,
    decided_by uuid,
    decided_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT group_join_requests_category_check CHECK ((category = ANY (ARRAY['customs'::text, 'police'::text, 'wildlife_enforcement'::text, 'management_authority'::text, 'igo'::text, 'secretariat'::text]))),
    CONSTRAINT group_join_requests_language_check CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'es'::text]))),
    CONSTRAINT group_join_requests_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'approved'::text, 'rejected'::text])))
);

ALTER TABLE ONLY public.group_join_requests FORCE ROW LEVEL SECURITY;


--
-- Name: group_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_members (
    group_id uuid NOT NULL,
    user_id uuid NOT NULL,
    category text NOT NULL,
    is_owner boolean DEFAULT false NOT NULL,
    display_name text NOT NULL,
    organisation_name text DEFAULT ''::text NOT NULL,
    country character(2),
    joined_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT group_members_category_check CHECK ((category = ANY (ARRAY['customs'::text, 'police'::text, 'wildlife_enforcement'::text, 'management_authority'::text, 'igo'::text, 'secretariat'::text])))
);

ALTER TABLE ONLY public.group_members FORCE ROW LEVEL SECURITY;


--
-- Name: group_message_recipients; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_message_recipients (
    seq bigint NOT NULL,
    message_id uuid NOT NULL,
    user_id uuid NOT NULL,
    recipient_name text NOT NULL,
    read_at timestamp with time zone
);

ALTER TABLE ONLY public.group_message_recipients FORCE ROW LEVEL SECURITY;


--
-- Name: group_message_recipients_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.group_message_recipients ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.group_message_recipients_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: group_message_senders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_message_senders (
    message_id uuid NOT NULL,
    user_id uuid NOT NULL
);

ALTER TABLE ONLY public.group_message_senders FORCE ROW LEVEL SECURITY;


--
-- Name: group_messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_messages (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    group_id uuid NOT NULL,
    thread_id uuid NOT NULL,
    reply_to_id uuid,
    author_id uuid,
    author_name text,
    author_organisation text,
    is_anonymous boolean NOT NULL,
    address_kind text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    sent_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT group_messages_address_kind_check CHECK ((address_kind = ANY (ARRAY['group'::text, 'owners'::text, 'members'::text]))),
    CONSTRAINT group_messages_check CHECK ((is_anonymous = ((author_id IS NULL) AND (author_name IS NULL))))
);

ALTER TABLE ONLY public.group_messages FORCE ROW LEVEL SECURITY;


--
-- Name: group_notifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_notifications (
    seq bigint NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    group_id uuid NOT NULL,
    kind text NOT NULL,
    target_id uuid,
    audience text DEFAULT 'all_members'::text NOT NULL,
    title text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    read_at timestamp with time zone,
    CONSTRAINT group_notifications_audience_check CHECK ((audience = ANY (ARRAY['all_members'::text, 'law_enforcement'::text]))),
    CONSTRAINT group_notifications_kind_check CHECK ((kind = ANY (ARRAY['alert_published'::text, 'document_published'::text, 'join_decided'::text, 'join_requested'::text])))
);

ALTER TABLE ONLY public.group_notifications FORCE ROW LEVEL SECURITY;


--
-- Name: group_notifications_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.group_notifications ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.group_notifications_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: groups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.groups (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name_en text NOT NULL,
    name_fr text NOT NULL,
    name_es text NOT NULL,
    description_en text DEFAULT ''::text NOT NULL,
    description_fr text DEFAULT ''::text NOT NULL,
    description_es text DEFAULT ''::text NOT NULL,
    is_confidential boolean DEFAULT false NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT groups_status_check CHECK ((status = ANY (ARRAY['active'::text, 'archived'::text])))
);

ALTER TABLE ONLY public.groups FORCE ROW LEVEL SECURITY;


--
-- Name: import_batches; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_batches (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    party character(2) NOT NULL,
    year integer NOT NULL,
    share_parties boolean NOT NULL,
    share_iccwc boolean NOT NULL,
    share_etis boolean NOT NULL,
    preparing_agency text DEFAULT ''::text NOT NULL,
    contributing_agencies text DEFAULT ''::text NOT NULL,
    contact_name text DEFAULT ''::text NOT NULL,
    contact_email text DEFAULT ''::text NOT NULL,
    file_name text NOT NULL,
    media_type text NOT NULL,
    file_id uuid,
    status text DEFAULT 'staged'::text NOT NULL,
    sheet_name text,
    header_row integer NOT NULL,
    unknown_columns text[] DEFAULT '{}'::text[] NOT NULL,
    missing_columns text[] DEFAULT '{}'::text[] NOT NULL,
    uploaded_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    report_id uuid,
    submitted_at timestamp with time zone,
    summary jsonb,
    date_order text,
    date_order_decided_by text,
    date_order_decided_at timestamp with time zone,
    decimal_mark text,
    decimal_mark_decided_by text,
    decimal_mark_decided_at timestamp with time zone,
    source_headers text[] DEFAULT '{}'::text[] NOT NULL,
    profile_name text,
    column_decisions jsonb DEFAULT '[]'::jsonb NOT NULL,
    mapping_decided_by text,
    mapping_decided_at timestamp with time zone,
    CONSTRAINT import_batches_date_order_check CHECK ((date_order = ANY (ARRAY['dmy'::text, 'mdy'::text]))),
    CONSTRAINT import_batches_decimal_mark_check CHECK ((decimal_mark = ANY (ARRAY['point'::text, 'comma'::text]))),
    CONSTRAINT import_batches_status_check CHECK ((status = ANY (ARRAY['staged'::text, 'submitted'::text, 'discarded'::text]))),
    CONSTRAINT import_batches_year_check CHECK (((year >= 1975) AND (year <= 2100)))
);

ALTER TABLE ONLY public.import_batches FORCE ROW LEVEL SECURITY;


--
-- Name: import_mapping_profiles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_mapping_profiles (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    party character(2),
    description text DEFAULT ''::text NOT NULL,
    signature text[] NOT NULL,
    is_exact boolean DEFAULT false NOT NULL,
    definition jsonb NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT import_mapping_profiles_name_check CHECK (((length(name) >= 1) AND (length(name) <= 100)))
);

ALTER TABLE ONLY public.import_mapping_profiles FORCE ROW LEVEL SECURITY;


--
-- Name: import_rows; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_rows (
    batch_id uuid NOT NULL,
    party character(2) NOT NULL,
    row_number integer NOT NULL,
    cells jsonb NOT NULL,
    extra jsonb DEFAULT '{}'::jsonb NOT NULL,
    normalised jsonb NOT NULL,
    problems jsonb DEFAULT '[]'::jsonb NOT NULL,
    accepted text[] DEFAULT '{}'::text[] NOT NULL,
    fingerprint text NOT NULL,
    outcome text NOT NULL,
    file_cells jsonb,
    edits jsonb DEFAULT '[]'::jsonb NOT NULL,
    source_cells jsonb,
    CONSTRAINT import_rows_outcome_check CHECK ((outcome = ANY (ARRAY['import'::text, 'reject'::text, 'duplicate'::text])))
);

ALTER TABLE ONLY public.import_rows FORCE ROW LEVEL SECURITY;


--
-- Name: COLUMN import_rows.file_cells; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.import_rows.file_cells IS 'The canonical cells as the file had them; null while no cell was corrected in review.';


--
-- Name: library_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.library_items (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    group_id uuid NOT NULL,
    kind text NOT NULL,
    audience text NOT NULL,
    current_version integer DEFAULT 1 NOT NULL,
    title text NOT NULL,
    summary text DEFAULT ''::text NOT NULL,
    language text NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    published_by uuid,
    published_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT library_items_audience_check CHECK ((audience = ANY (ARRAY['all_members'::text, 'law_enforcement'::text]))),
    CONSTRAINT library_items_kind_check CHECK ((kind = ANY (ARRAY['document'::text, 'alert'::text]))),
    CONSTRAINT library_items_language_check CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'es'::text])))
);

ALTER TABLE ONLY public.library_items FORCE ROW LEVEL SECURITY;


--
-- Name: library_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.library_versions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    item_id uuid NOT NULL,
    group_id uuid NOT NULL,
    audience text NOT NULL,
    version integer NOT NULL,
    title text NOT NULL,
    summary text DEFAULT ''::text NOT NULL,
    language text NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    note text DEFAULT ''::text NOT NULL,
    created_by uuid,
    created_by_name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT library_versions_audience_check CHECK ((audience = ANY (ARRAY['all_members'::text, 'law_enforcement'::text]))),
    CONSTRAINT library_versions_language_check CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'es'::text])))
);

ALTER TABLE ONLY public.library_versions FORCE ROW LEVEL SECURITY;


--
-- Name: one_time_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.one_time_tokens (
    token_hash text NOT NULL,
    purpose text NOT NULL,
    registration_id uuid,
    user_id uuid,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT one_time_tokens_purpose_check CHECK ((purpose = ANY (ARRAY['verify_email'::text, 'reset_password'::text])))
);

ALTER TABLE ONLY public.one_time_tokens FORCE ROW LEVEL SECURITY;


--
-- Name: organisations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    party character(2),
    authority_type text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT organisations_check CHECK (((kind = 'party'::text) = (party IS NOT NULL))),
    CONSTRAINT organisations_kind_check CHECK ((kind = ANY (ARRAY['secretariat'::text, 'party'::text, 'iccwc'::text, 'igo'::text])))
);

ALTER TABLE ONLY public.organisations FORCE ROW LEVEL SECURITY;


--
-- Name: outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox (
    id bigint NOT NULL,
    recipient text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    language text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    CONSTRAINT outbox_language_check CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'es'::text])))
);

ALTER TABLE ONLY public.outbox FORCE ROW LEVEL SECURITY;


--
-- Name: outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: permit_endorsements; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.permit_endorsements (
    id bigint NOT NULL,
    permit_id uuid NOT NULL,
    line_no integer NOT NULL,
    quantity numeric NOT NULL,
    port text DEFAULT ''::text NOT NULL,
    endorsed_on date NOT NULL,
    user_id uuid,
    organisation_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT permit_endorsements_quantity_check CHECK ((quantity > (0)::numeric))
);

ALTER TABLE ONLY public.permit_endorsements FORCE ROW LEVEL SECURITY;


--
-- Name: permit_endorsements_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.permit_endorsements ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.permit_endorsements_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: permit_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.permit_events (
    id bigint NOT NULL,
    permit_id uuid NOT NULL,
    kind text NOT NULL,
    occurred_on date,
    note text DEFAULT ''::text NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT permit_events_kind_check CHECK ((kind = ANY (ARRAY['issued'::text, 'updated'::text, 'endorsed'::text, 'cancelled'::text, 'replaced'::text, 'lost'::text, 'stolen'::text])))
);

ALTER TABLE ONLY public.permit_events FORCE ROW LEVEL SECURITY;


--
-- Name: permit_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.permit_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.permit_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: permit_lines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.permit_lines (
    permit_id uuid NOT NULL,
    line_no integer NOT NULL,
    taxon_name text NOT NULL,
    taxon_id bigint,
    common_name text DEFAULT ''::text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    term_code text,
    appendix text,
    source_code text,
    quantity numeric NOT NULL,
    unit_code text,
    origin_country character(2),
    origin_permit text,
    reexport_country character(2),
    reexport_permit text,
    CONSTRAINT permit_lines_line_no_check CHECK (((line_no >= 1) AND (line_no <= 999))),
    CONSTRAINT permit_lines_quantity_check CHECK ((quantity > (0)::numeric))
);

ALTER TABLE ONLY public.permit_lines FORCE ROW LEVEL SECURITY;


--
-- Name: permit_lookups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.permit_lookups (
    id bigint NOT NULL,
    issuing_country character(2) NOT NULL,
    number_key text NOT NULL,
    permit_id uuid,
    is_found boolean NOT NULL,
    is_valid boolean NOT NULL,
    flags text[] DEFAULT '{}'::text[] NOT NULL,
    user_id uuid,
    organisation_id uuid,
    organisation_name text DEFAULT ''::text NOT NULL,
    looked_up_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.permit_lookups FORCE ROW LEVEL SECURITY;


--
-- Name: permit_lookups_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.permit_lookups ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.permit_lookups_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: permit_stamp_marks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.permit_stamp_marks (
    id bigint NOT NULL,
    issuing_country character(2) NOT NULL,
    stamp_from text NOT NULL,
    stamp_to text NOT NULL,
    prefix text DEFAULT ''::text NOT NULL,
    first_no bigint NOT NULL,
    last_no bigint NOT NULL,
    status text NOT NULL,
    marked_on date NOT NULL,
    note text DEFAULT ''::text NOT NULL,
    user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT permit_stamp_marks_check CHECK ((last_no >= first_no)),
    CONSTRAINT permit_stamp_marks_check1 CHECK (((last_no - first_no) < 1000000)),
    CONSTRAINT permit_stamp_marks_first_no_check CHECK ((first_no >= 0)),
    CONSTRAINT permit_stamp_marks_stamp_from_check CHECK (((length(stamp_from) >= 1) AND (length(stamp_from) <= 100))),
    CONSTRAINT permit_stamp_marks_stamp_to_check CHECK (((length(stamp_to) >= 1) AND (length(stamp_to) <= 100))),
    CONSTRAINT permit_stamp_marks_status_check CHECK ((status = ANY (ARRAY['lost'::text, 'stolen'::text])))
);

ALTER TABLE ONLY public.permit_stamp_marks FORCE ROW LEVEL SECURITY;


--
-- Name: permit_stamp_marks_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.permit_stamp_marks ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.permit_stamp_marks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: permits; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.permits (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    issuing_country character(2) NOT NULL,
    number text NOT NULL,
    number_key text NOT NULL,
    permit_type character(1) NOT NULL,
    is_copy boolean DEFAULT false NOT NULL,
    issued_on date,
    valid_from date,
    valid_until date,
    importer_name text DEFAULT ''::text NOT NULL,
    importer_address text DEFAULT ''::text NOT NULL,
    importer_country character(2),
    exporter_name text DEFAULT ''::text NOT NULL,
    exporter_address text DEFAULT ''::text NOT NULL,
    exporter_country character(2),
    special_conditions text DEFAULT ''::text NOT NULL,
    purpose_code text,
    security_stamp text,
    security_stamp_key text,
    issuing_authority text DEFAULT ''::text NOT NULL,
    issued_place text DEFAULT ''::text NOT NULL,
    transport_document text,
    status text DEFAULT 'issued'::text NOT NULL,
    status_on date,
    status_note text DEFAULT ''::text NOT NULL,
    replaced_by text,
    source_format text NOT NULL,
    content jsonb NOT NULL,
    content_hash text NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT permits_check CHECK (((valid_from IS NULL) OR (valid_until IS NULL) OR (valid_from <= valid_until))),
    CONSTRAINT permits_number_check CHECK (((length(number) >= 1) AND (length(number) <= 200))),
    CONSTRAINT permits_number_key_check CHECK ((number_key <> ''::text)),
    CONSTRAINT permits_permit_type_check CHECK ((permit_type = ANY (ARRAY['E'::bpchar, 'R'::bpchar, 'I'::bpchar, 'O'::bpchar]))),
    CONSTRAINT permits_source_format_check CHECK ((source_format = ANY (ARRAY['xml'::text, 'csv'::text, 'xlsx'::text]))),
    CONSTRAINT permits_status_check CHECK ((status = ANY (ARRAY['issued'::text, 'cancelled'::text, 'replaced'::text, 'lost'::text, 'stolen'::text])))
);

ALTER TABLE ONLY public.permits FORCE ROW LEVEL SECURITY;


--
-- Name: platform_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.platform_key (
    singleton boolean DEFAULT true NOT NULL,
    key_id text NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT platform_key_key_id_check CHECK ((key_id ~ '^k1-[0-9a-f]{16}$'::text)),
    CONSTRAINT platform_key_singleton_check CHECK (singleton)
);

ALTER TABLE ONLY public.platform_key FORCE ROW LEVEL SECURITY;


--
-- Name: publication_consents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.publication_consents (
    request_id uuid NOT NULL,
    party character(2) NOT NULL,
    record_count integer,
    status text DEFAULT 'pending'::text NOT NULL,
    decided_by uuid,
    decider_name text,
    decider_organisation text,
    decided_at timestamp with time zone,
    comment text,
    comment_language text,
    CONSTRAINT publication_consents_comment_check CHECK ((length(comment) <= 4000)),
    CONSTRAINT publication_consents_comment_language_check CHECK ((comment_language = ANY (ARRAY['en'::text, 'fr'::text, 'es'::text]))),
    CONSTRAINT publication_consents_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'approved'::text, 'refused'::text])))
);

ALTER TABLE ONLY public.publication_consents FORCE ROW LEVEL SECURITY;


--
-- Name: publication_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.publication_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    requester_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    requester_name text NOT NULL,
    organisation_name text NOT NULL,
    language text NOT NULL,
    download_id uuid,
    export_checksum text,
    filters jsonb NOT NULL,
    title text NOT NULL,
    intended_use text NOT NULL,
    modification_statement text NOT NULL,
    parties text[] NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    consents_undecided integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    filed_at timestamp with time zone,
    reminders_sent integer DEFAULT 0 NOT NULL,
    last_reminded_at timestamp with time zone,
    CONSTRAINT publication_requests_consents_undecided_check CHECK ((consents_undecided >= 0)),
    CONSTRAINT publication_requests_intended_use_check CHECK (((length(intended_use) >= 1) AND (length(intended_use) <= 4000))),
    CONSTRAINT publication_requests_language_check CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'es'::text]))),
    CONSTRAINT publication_requests_modification_statement_check CHECK (((length(modification_statement) >= 1) AND (length(modification_statement) <= 4000))),
    CONSTRAINT publication_requests_parties_check CHECK ((cardinality(parties) > 0)),
    CONSTRAINT publication_requests_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'approved'::text, 'refused'::text, 'withdrawn'::text, 'expired'::text]))),
    CONSTRAINT publication_requests_title_check CHECK (((length(title) >= 1) AND (length(title) <= 300)))
);

ALTER TABLE ONLY public.publication_requests FORCE ROW LEVEL SECURITY;


--
-- Name: rate_limit_hits; Type: TABLE; Schema: public; Owner: -
--

CREATE UNLOGGED TABLE public.rate_limit_hits (
    key text NOT NULL,
    window_started_at timestamp with time zone NOT NULL,
    hits integer NOT NULL
);

ALTER TABLE ONLY public.rate_limit_hits FORCE ROW LEVEL SECURITY;


--
-- Name: recovery_codes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recovery_codes (
    id bigint NOT NULL,
    user_id uuid NOT NULL,
    code_hash text NOT NULL,
    used_at timestamp with time zone
);

ALTER TABLE ONLY public.recovery_codes FORCE ROW LEVEL SECURITY;


--
-- Name: recovery_codes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recovery_codes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.recovery_codes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reference_seeds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reference_seeds (
    name text NOT NULL,
    checksum text NOT NULL,
    loaded_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.reference_seeds FORCE ROW LEVEL SECURITY;


--
-- Name: registrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.registrations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    status text DEFAULT 'pending_verification'::text NOT NULL,
    country character(2) NOT NULL,
    last_name text NOT NULL,
    first_name text NOT NULL,
    organisation text NOT NULL,
    function_title text NOT NULL,
    telephone text NOT NULL,
    email text NOT NULL,
    requests_itd_access boolean NOT NULL,
    requested_groups text[] DEFAULT '{}'::text[] NOT NULL,
    justification text NOT NULL,
    language text NOT NULL,
    is_webmail boolean DEFAULT false NOT NULL,
    email_verified_at timestamp with time zone,
    endorsement text,
    endorsement_note text,
    endorsed_by uuid,
    endorsed_at timestamp with time zone,
    decision_reason text,
    decided_by uuid,
    decided_at timestamp with time zone,
    user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT registrations_email_check CHECK ((email = lower(email))),
    CONSTRAINT registrations_endorsement_check CHECK ((endorsement = ANY (ARRAY['endorsed'::text, 'objected'::text]))),
    CONSTRAINT registrations_language_check CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'es'::text]))),
    CONSTRAINT registrations_status_check CHECK ((status = ANY (ARRAY['pending_verification'::text, 'pending_review'::text, 'more_info_requested'::text, 'approved'::text, 'rejected'::text])))
);

ALTER TABLE ONLY public.registrations FORCE ROW LEVEL SECURITY;


--
-- Name: report_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.report_events (
    id bigint NOT NULL,
    report_id uuid NOT NULL,
    kind text NOT NULL,
    actor_id uuid,
    actor_label text,
    occurred_at timestamp with time zone DEFAULT now() NOT NULL,
    reason text,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT report_events_kind_check CHECK ((kind = ANY (ARRAY['created'::text, 'imported'::text, 'sharing_changed'::text, 'submitted'::text, 'published'::text, 'header_changed'::text, 'record_corrected'::text, 'returned_to_draft'::text])))
);

ALTER TABLE ONLY public.report_events FORCE ROW LEVEL SECURITY;


--
-- Name: report_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.report_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.report_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: report_files; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.report_files (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    report_id uuid,
    party character(2) NOT NULL,
    file_name text NOT NULL,
    media_type text NOT NULL,
    size_bytes integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    uploaded_by uuid,
    uploaded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT report_files_size_bytes_check CHECK ((size_bytes >= 0))
);

ALTER TABLE ONLY public.report_files FORCE ROW LEVEL SECURITY;


--
-- Name: reports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    party character(2) NOT NULL,
    year integer NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    preparing_agency text DEFAULT ''::text NOT NULL,
    contributing_agencies text DEFAULT ''::text NOT NULL,
    contact_name text DEFAULT ''::text NOT NULL,
    contact_email text DEFAULT ''::text NOT NULL,
    submitted_on date,
    part_two jsonb DEFAULT '{}'::jsonb NOT NULL,
    share_parties boolean NOT NULL,
    share_iccwc boolean NOT NULL,
    share_etis boolean NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    published_at timestamp with time zone,
    published_by uuid,
    CONSTRAINT reports_check CHECK (((status = 'published'::text) = (published_at IS NOT NULL))),
    CONSTRAINT reports_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'published'::text]))),
    CONSTRAINT reports_year_check CHECK (((year >= 1975) AND (year <= 2100)))
);

ALTER TABLE ONLY public.reports FORCE ROW LEVEL SECURITY;


--
-- Name: security_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.security_keys (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    name text NOT NULL,
    credential_id text NOT NULL,
    public_key bytea NOT NULL,
    sign_count bigint DEFAULT 0 NOT NULL,
    transports text[] DEFAULT '{}'::text[] NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    CONSTRAINT security_keys_name_check CHECK (((length(name) >= 1) AND (length(name) <= 60)))
);

ALTER TABLE ONLY public.security_keys FORCE ROW LEVEL SECURITY;


--
-- Name: seizure_figures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.seizure_figures (
    audience text NOT NULL,
    dimension text NOT NULL,
    key text,
    records bigint NOT NULL,
    specimens numeric NOT NULL,
    kg numeric NOT NULL
);

ALTER TABLE ONLY public.seizure_figures FORCE ROW LEVEL SECURITY;


--
-- Name: seizure_permit_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.seizure_permit_links (
    record_id bigint NOT NULL,
    source text NOT NULL,
    number text NOT NULL,
    number_key text NOT NULL,
    issuing_country character(2),
    permit_id uuid,
    verdict text NOT NULL,
    flags text[] DEFAULT '{}'::text[] NOT NULL,
    judged_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT seizure_permit_links_number_check CHECK (((length(number) >= 1) AND (length(number) <= 200))),
    CONSTRAINT seizure_permit_links_number_key_check CHECK ((number_key <> ''::text)),
    CONSTRAINT seizure_permit_links_source_check CHECK ((source = ANY (ARRAY['field'::text, 'text'::text]))),
    CONSTRAINT seizure_permit_links_verdict_check CHECK ((verdict = ANY (ARRAY['valid'::text, 'invalid'::text, 'unknown'::text])))
);

ALTER TABLE ONLY public.seizure_permit_links FORCE ROW LEVEL SECURITY;


--
-- Name: seizure_record_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.seizure_record_versions (
    record_id bigint NOT NULL,
    version integer NOT NULL,
    data jsonb NOT NULL,
    replaced_by uuid,
    replaced_by_label text,
    replaced_at timestamp with time zone DEFAULT now() NOT NULL,
    reason text NOT NULL
);

ALTER TABLE ONLY public.seizure_record_versions FORCE ROW LEVEL SECURITY;


--
-- Name: seizure_records; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.seizure_records (
    id bigint NOT NULL,
    report_id uuid NOT NULL,
    reporting_party character(2) NOT NULL,
    report_year integer NOT NULL,
    is_published boolean DEFAULT false NOT NULL,
    share_parties boolean NOT NULL,
    share_iccwc boolean NOT NULL,
    share_etis boolean NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    source_row integer,
    original jsonb NOT NULL,
    seizure_date date,
    date_precision text,
    seizing_agency text,
    taxon_id bigint,
    taxon_name text,
    appendix text,
    term_code text,
    quantity numeric,
    unit_code text,
    quantity_kg numeric,
    quantity_count numeric,
    reason text,
    location_type text,
    location_name text,
    detection_method text,
    transport_mode text,
    seizure_country character(2),
    origin_country character(2),
    export_country character(2),
    transit_countries character(2)[] DEFAULT '{}'::bpchar[] NOT NULL,
    destination_country character(2),
    offender_nationalities character(2)[] DEFAULT '{}'::bpchar[] NOT NULL,
    additional_info text,
    is_elephant boolean DEFAULT false NOT NULL,
    concerned_parties character(2)[] GENERATED ALWAYS AS (((array_remove(ARRAY[seizure_country, origin_country, export_country, destination_country], NULL::bpchar) || transit_countries) || offender_nationalities)) STORED,
    fingerprint text NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    visibility_keys text[] GENERATED ALWAYS AS (public.app_seizure_audiences(reporting_party, is_published, share_parties, share_iccwc, ((ARRAY[seizure_country, origin_country, export_country, destination_country] || transit_countries) || offender_nationalities))) STORED,
    sort_date date GENERATED ALWAYS AS (COALESCE(seizure_date, make_date(report_year, 1, 1))) STORED,
    seizure_year integer GENERATED ALWAYS AS (COALESCE((EXTRACT(year FROM seizure_date))::integer, report_year)) STORED,
    review_fixes jsonb,
    case_id uuid,
    CONSTRAINT seizure_records_date_precision_check CHECK ((date_precision = ANY (ARRAY['day'::text, 'month'::text, 'year'::text]))),
    CONSTRAINT seizure_records_quantity_check CHECK ((quantity > (0)::numeric)),
    CONSTRAINT seizure_records_version_check CHECK ((version >= 1))
);

ALTER TABLE ONLY public.seizure_records FORCE ROW LEVEL SECURITY;


--
-- Name: COLUMN seizure_records.review_fixes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.seizure_records.review_fixes IS 'Cells corrected in the staging review before submission: [{ column, from, to, by, at }]; null when none.';


--
-- Name: seizure_records_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.seizure_records ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.seizure_records_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    token_hash text NOT NULL,
    user_id uuid NOT NULL,
    stage text NOT NULL,
    terms_version integer,
    csrf_token text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    ip_address text,
    user_agent text,
    revoked_at timestamp with time zone,
    stepped_up_at timestamp with time zone,
    CONSTRAINT sessions_stage_check CHECK ((stage = ANY (ARRAY['second_factor'::text, 'full'::text])))
);

ALTER TABLE ONLY public.sessions FORCE ROW LEVEL SECURITY;


--
-- Name: sign_in_failures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sign_in_failures (
    id bigint NOT NULL,
    email text NOT NULL,
    ip_address text NOT NULL,
    failed_at timestamp with time zone NOT NULL,
    CONSTRAINT sign_in_failures_email_check CHECK ((email = lower(email)))
);

ALTER TABLE ONLY public.sign_in_failures FORCE ROW LEVEL SECURITY;


--
-- Name: sign_in_failures_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sign_in_failures ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.sign_in_failures_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: taxa; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.taxa (
    id bigint NOT NULL,
    speciesplus_id integer,
    name text NOT NULL,
    rank text NOT NULL,
    parent_id bigint,
    lineage bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    author text,
    appendix text,
    kingdom text NOT NULL,
    phylum text,
    class_name text,
    order_name text,
    family text,
    genus text,
    is_cites_accepted boolean DEFAULT true NOT NULL,
    distribution text[] DEFAULT '{}'::text[] NOT NULL,
    source text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT taxa_rank_check CHECK ((rank = ANY (ARRAY['KINGDOM'::text, 'PHYLUM'::text, 'CLASS'::text, 'ORDER'::text, 'FAMILY'::text, 'SUBFAMILY'::text, 'GENUS'::text, 'SPECIES'::text, 'SUBSPECIES'::text, 'VARIETY'::text]))),
    CONSTRAINT taxa_source_check CHECK ((source = ANY (ARRAY['starter'::text, 'speciesplus'::text, 'implied'::text])))
);

ALTER TABLE ONLY public.taxa FORCE ROW LEVEL SECURITY;


--
-- Name: taxa_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.taxa ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.taxa_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: taxon_names; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.taxon_names (
    id bigint NOT NULL,
    taxon_id bigint NOT NULL,
    kind text NOT NULL,
    language text,
    name text NOT NULL,
    normalized text NOT NULL,
    CONSTRAINT taxon_names_check CHECK (((kind = 'common'::text) = (language IS NOT NULL))),
    CONSTRAINT taxon_names_kind_check CHECK ((kind = ANY (ARRAY['accepted'::text, 'synonym'::text, 'common'::text]))),
    CONSTRAINT taxon_names_language_check CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'es'::text])))
);

ALTER TABLE ONLY public.taxon_names FORCE ROW LEVEL SECURITY;


--
-- Name: taxon_names_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.taxon_names ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.taxon_names_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: terms_acceptances; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.terms_acceptances (
    id bigint NOT NULL,
    user_id uuid NOT NULL,
    version integer NOT NULL,
    accepted_at timestamp with time zone DEFAULT now() NOT NULL,
    ip_address text,
    via text NOT NULL,
    CONSTRAINT terms_acceptances_via_check CHECK ((via = ANY (ARRAY['session'::text, 'token'::text])))
);

ALTER TABLE ONLY public.terms_acceptances FORCE ROW LEVEL SECURITY;


--
-- Name: terms_acceptances_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.terms_acceptances ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.terms_acceptances_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: terms_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.terms_versions (
    version integer NOT NULL,
    text_en text NOT NULL,
    text_fr text NOT NULL,
    text_es text NOT NULL,
    change_en text,
    change_fr text,
    change_es text,
    published_at timestamp with time zone DEFAULT now() NOT NULL,
    published_by uuid
);

ALTER TABLE ONLY public.terms_versions FORCE ROW LEVEL SECURITY;


--
-- Name: user_preferences; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_preferences (
    user_id uuid NOT NULL,
    access_receipt_summary boolean DEFAULT true NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.user_preferences FORCE ROW LEVEL SECURITY;


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email text NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    function_title text DEFAULT ''::text NOT NULL,
    telephone text DEFAULT ''::text NOT NULL,
    country character(2),
    language text DEFAULT 'en'::text NOT NULL,
    organisation_id uuid NOT NULL,
    role text NOT NULL,
    has_itd_access boolean DEFAULT false NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    status_reason text,
    password_hash text,
    must_change_password boolean DEFAULT false NOT NULL,
    totp_secret_sealed text,
    totp_enrolled_at timestamp with time zone,
    totp_last_step bigint,
    failed_sign_ins integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    last_active_at timestamp with time zone,
    inactivity_warned_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_email_check CHECK ((email = lower(email))),
    CONSTRAINT users_language_check CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'es'::text]))),
    CONSTRAINT users_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'data_officer'::text, 'focal_point'::text, 'reporter'::text, 'member'::text]))),
    CONSTRAINT users_status_check CHECK ((status = ANY (ARRAY['active'::text, 'suspended'::text, 'withdrawn'::text])))
);

ALTER TABLE ONLY public.users FORCE ROW LEVEL SECURITY;


--
-- Name: webauthn_challenges; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webauthn_challenges (
    session_id uuid NOT NULL,
    purpose text NOT NULL,
    challenge text NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT webauthn_challenges_purpose_check CHECK ((purpose = ANY (ARRAY['enrol'::text, 'sign_in'::text])))
);

ALTER TABLE ONLY public.webauthn_challenges FORCE ROW LEVEL SECURITY;


--
-- Name: access_receipt_summaries access_receipt_summaries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_receipt_summaries
    ADD CONSTRAINT access_receipt_summaries_pkey PRIMARY KEY (party, month);


--
-- Name: access_receipts access_receipts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_receipts
    ADD CONSTRAINT access_receipts_pkey PRIMARY KEY (party, day, organisation_id, kind);


--
-- Name: access_receipts_progress access_receipts_progress_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_receipts_progress
    ADD CONSTRAINT access_receipts_progress_pkey PRIMARY KEY (singleton);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: api_tokens api_tokens_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash);


--
-- Name: audit_chain_head audit_chain_head_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_chain_head
    ADD CONSTRAINT audit_chain_head_pkey PRIMARY KEY (singleton);


--
-- Name: audit_events audit_events_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT audit_events_hash_key UNIQUE (hash);


--
-- Name: audit_events audit_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id);


--
-- Name: cites_codes cites_codes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cites_codes
    ADD CONSTRAINT cites_codes_pkey PRIMARY KEY (kind, code);


--
-- Name: countries countries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.countries
    ADD CONSTRAINT countries_pkey PRIMARY KEY (code);


--
-- Name: downloads downloads_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.downloads
    ADD CONSTRAINT downloads_pkey PRIMARY KEY (id);


--
-- Name: group_files group_files_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_files
    ADD CONSTRAINT group_files_pkey PRIMARY KEY (id);


--
-- Name: group_join_requests group_join_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_join_requests
    ADD CONSTRAINT group_join_requests_pkey PRIMARY KEY (id);


--
-- Name: group_members group_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_members
    ADD CONSTRAINT group_members_pkey PRIMARY KEY (group_id, user_id);


--
-- Name: group_message_recipients group_message_recipients_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_message_recipients
    ADD CONSTRAINT group_message_recipients_pkey PRIMARY KEY (message_id, user_id);


--
-- Name: group_message_senders group_message_senders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_message_senders
    ADD CONSTRAINT group_message_senders_pkey PRIMARY KEY (message_id);


--
-- Name: group_messages group_messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_messages
    ADD CONSTRAINT group_messages_pkey PRIMARY KEY (id);


--
-- Name: group_notifications group_notifications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_notifications
    ADD CONSTRAINT group_notifications_pkey PRIMARY KEY (id);


--
-- Name: groups groups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.groups
    ADD CONSTRAINT groups_pkey PRIMARY KEY (id);


--
-- Name: import_batches import_batches_id_party_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_id_party_key UNIQUE (id, party);


--
-- Name: import_batches import_batches_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_pkey PRIMARY KEY (id);


--
-- Name: import_mapping_profiles import_mapping_profiles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_mapping_profiles
    ADD CONSTRAINT import_mapping_profiles_pkey PRIMARY KEY (id);


--
-- Name: import_rows import_rows_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT import_rows_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: library_items library_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.library_items
    ADD CONSTRAINT library_items_pkey PRIMARY KEY (id);


--
-- Name: library_versions library_versions_item_id_version_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.library_versions
    ADD CONSTRAINT library_versions_item_id_version_key UNIQUE (item_id, version);


--
-- Name: library_versions library_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.library_versions
    ADD CONSTRAINT library_versions_pkey PRIMARY KEY (id);


--
-- Name: one_time_tokens one_time_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.one_time_tokens
    ADD CONSTRAINT one_time_tokens_pkey PRIMARY KEY (token_hash);


--
-- Name: organisations organisations_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_name_key UNIQUE (name);


--
-- Name: organisations organisations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_pkey PRIMARY KEY (id);


--
-- Name: outbox outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);


--
-- Name: permit_endorsements permit_endorsements_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_endorsements
    ADD CONSTRAINT permit_endorsements_pkey PRIMARY KEY (id);


--
-- Name: permit_events permit_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_events
    ADD CONSTRAINT permit_events_pkey PRIMARY KEY (id);


--
-- Name: permit_lines permit_lines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_lines
    ADD CONSTRAINT permit_lines_pkey PRIMARY KEY (permit_id, line_no);


--
-- Name: permit_lookups permit_lookups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_lookups
    ADD CONSTRAINT permit_lookups_pkey PRIMARY KEY (id);


--
-- Name: permit_stamp_marks permit_stamp_marks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_stamp_marks
    ADD CONSTRAINT permit_stamp_marks_pkey PRIMARY KEY (id);


--
-- Name: permits permits_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permits
    ADD CONSTRAINT permits_pkey PRIMARY KEY (id);


--
-- Name: platform_key platform_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.platform_key
    ADD CONSTRAINT platform_key_pkey PRIMARY KEY (singleton);


--
-- Name: publication_consents publication_consents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publication_consents
    ADD CONSTRAINT publication_consents_pkey PRIMARY KEY (request_id, party);


--
-- Name: publication_requests publication_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publication_requests
    ADD CONSTRAINT publication_requests_pkey PRIMARY KEY (id);


--
-- Name: rate_limit_hits rate_limit_hits_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rate_limit_hits
    ADD CONSTRAINT rate_limit_hits_pkey PRIMARY KEY (key);


--
-- Name: recovery_codes recovery_codes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recovery_codes
    ADD CONSTRAINT recovery_codes_pkey PRIMARY KEY (id);


--
-- Name: reference_seeds reference_seeds_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reference_seeds
    ADD CONSTRAINT reference_seeds_pkey PRIMARY KEY (name);


--
-- Name: registrations registrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registrations
    ADD CONSTRAINT registrations_pkey PRIMARY KEY (id);


--
-- Name: report_events report_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_events
    ADD CONSTRAINT report_events_pkey PRIMARY KEY (id);


--
-- Name: report_files report_files_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_files
    ADD CONSTRAINT report_files_pkey PRIMARY KEY (id);


--
-- Name: reports reports_id_party_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_id_party_key UNIQUE (id, party);


--
-- Name: reports reports_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_pkey PRIMARY KEY (id);


--
-- Name: security_keys security_keys_credential_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.security_keys
    ADD CONSTRAINT security_keys_credential_id_key UNIQUE (credential_id);


--
-- Name: security_keys security_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.security_keys
    ADD CONSTRAINT security_keys_pkey PRIMARY KEY (id);


--
-- Name: seizure_permit_links seizure_permit_links_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_permit_links
    ADD CONSTRAINT seizure_permit_links_pkey PRIMARY KEY (record_id, number_key);


--
-- Name: seizure_record_versions seizure_record_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_record_versions
    ADD CONSTRAINT seizure_record_versions_pkey PRIMARY KEY (record_id, version);


--
-- Name: seizure_records seizure_records_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_records
    ADD CONSTRAINT seizure_records_pkey PRIMARY KEY (id);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);


--
-- Name: sessions sessions_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_token_hash_key UNIQUE (token_hash);


--
-- Name: sign_in_failures sign_in_failures_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sign_in_failures
    ADD CONSTRAINT sign_in_failures_pkey PRIMARY KEY (id);


--
-- Name: taxa taxa_kingdom_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxa
    ADD CONSTRAINT taxa_kingdom_name_key UNIQUE (kingdom, name);


--
-- Name: taxa taxa_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxa
    ADD CONSTRAINT taxa_pkey PRIMARY KEY (id);


--
-- Name: taxa taxa_speciesplus_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxa
    ADD CONSTRAINT taxa_speciesplus_id_key UNIQUE (speciesplus_id);


--
-- Name: taxon_names taxon_names_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxon_names
    ADD CONSTRAINT taxon_names_pkey PRIMARY KEY (id);


--
-- Name: terms_acceptances terms_acceptances_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_acceptances
    ADD CONSTRAINT terms_acceptances_pkey PRIMARY KEY (id);


--
-- Name: terms_versions terms_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_versions
    ADD CONSTRAINT terms_versions_pkey PRIMARY KEY (version);


--
-- Name: user_preferences user_preferences_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_preferences
    ADD CONSTRAINT user_preferences_pkey PRIMARY KEY (user_id);


--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_email_key UNIQUE (email);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: webauthn_challenges webauthn_challenges_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webauthn_challenges
    ADD CONSTRAINT webauthn_challenges_pkey PRIMARY KEY (session_id, purpose);


--
-- Name: access_receipts_party_day_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX access_receipts_party_day_idx ON public.access_receipts USING btree (party, day DESC);


--
-- Name: api_tokens_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX api_tokens_user_idx ON public.api_tokens USING btree (user_id);


--
-- Name: audit_events_action_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_events_action_idx ON public.audit_events USING btree (action, occurred_at);


--
-- Name: audit_events_actor_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_events_actor_idx ON public.audit_events USING btree (actor_id, occurred_at);


--
-- Name: audit_events_seq_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX audit_events_seq_idx ON public.audit_events USING btree (seq);


--
-- Name: audit_events_unlinked_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_events_unlinked_idx ON public.audit_events USING btree (id) WHERE (seq IS NULL);


--
-- Name: downloads_outstanding_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX downloads_outstanding_idx ON public.downloads USING btree (created_at) WHERE (deleted_attested_at IS NULL);


--
-- Name: downloads_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX downloads_user_idx ON public.downloads USING btree (user_id, created_at DESC);


--
-- Name: group_files_message_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX group_files_message_idx ON public.group_files USING btree (message_id);


--
-- Name: group_files_version_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX group_files_version_idx ON public.group_files USING btree (library_version_id);


--
-- Name: group_join_requests_group_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX group_join_requests_group_idx ON public.group_join_requests USING btree (group_id, status, created_at);


--
-- Name: group_join_requests_one_pending_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX group_join_requests_one_pending_idx ON public.group_join_requests USING btree (group_id, user_id) WHERE (status = 'pending'::text);


--
-- Name: group_members_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX group_members_user_idx ON public.group_members USING btree (user_id);


--
-- Name: group_message_recipients_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX group_message_recipients_user_idx ON public.group_message_recipients USING btree (user_id, seq);


--
-- Name: group_message_senders_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX group_message_senders_user_idx ON public.group_message_senders USING btree (user_id);


--
-- Name: group_messages_group_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX group_messages_group_idx ON public.group_messages USING btree (group_id, sent_at DESC);


--
-- Name: group_messages_thread_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX group_messages_thread_idx ON public.group_messages USING btree (thread_id, sent_at);


--
-- Name: group_notifications_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX group_notifications_user_idx ON public.group_notifications USING btree (user_id, seq);


--
-- Name: groups_name_en_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX groups_name_en_idx ON public.groups USING btree (lower(name_en));


--
-- Name: import_batches_party_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX import_batches_party_idx ON public.import_batches USING btree (party, created_at DESC);


--
-- Name: import_mapping_profiles_name_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX import_mapping_profiles_name_idx ON public.import_mapping_profiles USING btree (COALESCE(party, '--'::bpchar), lower(name));


--
-- Name: import_rows_fingerprint_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX import_rows_fingerprint_idx ON public.import_rows USING btree (batch_id, fingerprint);


--
-- Name: library_items_group_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX library_items_group_idx ON public.library_items USING btree (group_id, updated_at DESC);


--
-- Name: outbox_unsent_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_unsent_idx ON public.outbox USING btree (id) WHERE (sent_at IS NULL);


--
-- Name: permit_endorsements_permit_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX permit_endorsements_permit_idx ON public.permit_endorsements USING btree (permit_id);


--
-- Name: permit_events_permit_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX permit_events_permit_idx ON public.permit_events USING btree (permit_id, id);


--
-- Name: permit_lookups_country_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX permit_lookups_country_idx ON public.permit_lookups USING btree (issuing_country, looked_up_at DESC);


--
-- Name: permit_stamp_marks_range_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX permit_stamp_marks_range_idx ON public.permit_stamp_marks USING btree (issuing_country, prefix, first_no, last_no);


--
-- Name: permits_country_key_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX permits_country_key_idx ON public.permits USING btree (issuing_country, number_key);


--
-- Name: publication_requests_parties_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX publication_requests_parties_idx ON public.publication_requests USING gin (parties);


--
-- Name: publication_requests_pending_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX publication_requests_pending_idx ON public.publication_requests USING btree (expires_at) WHERE (status = 'pending'::text);


--
-- Name: publication_requests_requester_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX publication_requests_requester_idx ON public.publication_requests USING btree (requester_id, created_at DESC);


--
-- Name: rate_limit_hits_window_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rate_limit_hits_window_idx ON public.rate_limit_hits USING btree (window_started_at);


--
-- Name: recovery_codes_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recovery_codes_user_idx ON public.recovery_codes USING btree (user_id);


--
-- Name: registrations_email_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX registrations_email_idx ON public.registrations USING btree (email);


--
-- Name: registrations_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX registrations_status_idx ON public.registrations USING btree (status, created_at);


--
-- Name: report_events_report_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX report_events_report_idx ON public.report_events USING btree (report_id, occurred_at);


--
-- Name: report_files_report_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX report_files_report_idx ON public.report_files USING btree (report_id);


--
-- Name: reports_party_year_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_party_year_idx ON public.reports USING btree (party, year);


--
-- Name: security_keys_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX security_keys_user_idx ON public.security_keys USING btree (user_id);


--
-- Name: seizure_figures_audience_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_figures_audience_idx ON public.seizure_figures USING btree (audience, dimension);


--
-- Name: seizure_permit_links_permit_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_permit_links_permit_idx ON public.seizure_permit_links USING btree (issuing_country, number_key);


--
-- Name: seizure_permit_links_verdict_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_permit_links_verdict_idx ON public.seizure_permit_links USING btree (verdict, record_id);


--
-- Name: seizure_records_case_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_case_idx ON public.seizure_records USING btree (case_id) WHERE (case_id IS NOT NULL);


--
-- Name: seizure_records_concerned_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_concerned_idx ON public.seizure_records USING gin (concerned_parties public.app_country_codes_ops);


--
-- Name: seizure_records_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_date_idx ON public.seizure_records USING btree (seizure_date);


--
-- Name: seizure_records_destination_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_destination_idx ON public.seizure_records USING btree (destination_country);


--
-- Name: seizure_records_fingerprint_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_fingerprint_idx ON public.seizure_records USING btree (reporting_party, fingerprint);


--
-- Name: seizure_records_kg_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_kg_idx ON public.seizure_records USING btree (COALESCE(quantity_kg, ('-1'::integer)::numeric), id);


--
-- Name: seizure_records_nationality_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_nationality_idx ON public.seizure_records USING gin (offender_nationalities public.app_country_codes_ops);


--
-- Name: seizure_records_origin_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_origin_idx ON public.seizure_records USING btree (origin_country);


--
-- Name: seizure_records_party_year_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_party_year_idx ON public.seizure_records USING btree (reporting_party, report_year);


--
-- Name: seizure_records_report_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_report_idx ON public.seizure_records USING btree (report_id);


--
-- Name: seizure_records_seizure_country_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_seizure_country_idx ON public.seizure_records USING btree (seizure_country);


--
-- Name: seizure_records_sort_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_sort_date_idx ON public.seizure_records USING btree (sort_date, id);


--
-- Name: seizure_records_taxon_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_taxon_idx ON public.seizure_records USING btree (taxon_id);


--
-- Name: seizure_records_term_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_term_idx ON public.seizure_records USING btree (term_code);


--
-- Name: seizure_records_transit_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_transit_idx ON public.seizure_records USING gin (transit_countries public.app_country_codes_ops);


--
-- Name: seizure_records_visibility_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seizure_records_visibility_idx ON public.seizure_records USING gin (visibility_keys);


--
-- Name: sessions_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sessions_user_idx ON public.sessions USING btree (user_id);


--
-- Name: sign_in_failures_address_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sign_in_failures_address_idx ON public.sign_in_failures USING btree (ip_address, failed_at);


--
-- Name: sign_in_failures_age_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sign_in_failures_age_idx ON public.sign_in_failures USING btree (failed_at);


--
-- Name: sign_in_failures_email_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sign_in_failures_email_idx ON public.sign_in_failures USING btree (email, failed_at);


--
-- Name: taxa_lineage_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX taxa_lineage_idx ON public.taxa USING gin (lineage);


--
-- Name: taxa_name_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX taxa_name_idx ON public.taxa USING btree (name);


--
-- Name: taxa_parent_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX taxa_parent_idx ON public.taxa USING btree (parent_id);


--
-- Name: taxon_names_normalized_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX taxon_names_normalized_idx ON public.taxon_names USING btree (normalized);


--
-- Name: taxon_names_trgm_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX taxon_names_trgm_idx ON public.taxon_names USING gin (normalized public.gin_trgm_ops);


--
-- Name: taxon_names_unique_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX taxon_names_unique_idx ON public.taxon_names USING btree (taxon_id, kind, COALESCE(language, ''::text), normalized);


--
-- Name: terms_acceptances_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX terms_acceptances_user_idx ON public.terms_acceptances USING btree (user_id, version);


--
-- Name: users_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX users_organisation_idx ON public.users USING btree (organisation_id);


--
-- Name: audit_events audit_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON public.audit_events FOR EACH STATEMENT EXECUTE FUNCTION public.audit_events_refuse_change();


--
-- Name: audit_events audit_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_events_no_update BEFORE DELETE OR UPDATE ON public.audit_events FOR EACH ROW EXECUTE FUNCTION public.audit_events_refuse_change();


--
-- Name: import_rows import_rows_file_cells_kept; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER import_rows_file_cells_kept BEFORE UPDATE OF file_cells ON public.import_rows FOR EACH ROW EXECUTE FUNCTION public.app_keep_file_cells();


--
-- Name: seizure_records seizure_figures_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER seizure_figures_delete AFTER DELETE ON public.seizure_records REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.app_seizure_figures_apply();


--
-- Name: seizure_records seizure_figures_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER seizure_figures_insert AFTER INSERT ON public.seizure_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.app_seizure_figures_apply();


--
-- Name: seizure_records seizure_figures_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER seizure_figures_update AFTER UPDATE ON public.seizure_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.app_seizure_figures_apply();


--
-- Name: access_receipts access_receipts_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_receipts
    ADD CONSTRAINT access_receipts_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE RESTRICT;


--
-- Name: api_tokens api_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: downloads downloads_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.downloads
    ADD CONSTRAINT downloads_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE RESTRICT;


--
-- Name: downloads downloads_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.downloads
    ADD CONSTRAINT downloads_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE RESTRICT;


--
-- Name: group_files group_files_group_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_files
    ADD CONSTRAINT group_files_group_id_fkey FOREIGN KEY (group_id) REFERENCES public.groups(id) ON DELETE CASCADE;


--
-- Name: group_files group_files_library_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_files
    ADD CONSTRAINT group_files_library_version_id_fkey FOREIGN KEY (library_version_id) REFERENCES public.library_versions(id) ON DELETE CASCADE;


--
-- Name: group_files group_files_message_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_files
    ADD CONSTRAINT group_files_message_id_fkey FOREIGN KEY (message_id) REFERENCES public.group_messages(id) ON DELETE CASCADE;


--
-- Name: group_files group_files_uploaded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_files
    ADD CONSTRAINT group_files_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: group_join_requests group_join_requests_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_join_requests
    ADD CONSTRAINT group_join_requests_country_fkey FOREIGN KEY (country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: group_join_requests group_join_requests_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_join_requests
    ADD CONSTRAINT group_join_requests_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: group_join_requests group_join_requests_group_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_join_requests
    ADD CONSTRAINT group_join_requests_group_id_fkey FOREIGN KEY (group_id) REFERENCES public.groups(id) ON DELETE CASCADE;


--
-- Name: group_join_requests group_join_requests_registration_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_join_requests
    ADD CONSTRAINT group_join_requests_registration_id_fkey FOREIGN KEY (registration_id) REFERENCES public.registrations(id) ON DELETE SET NULL;


--
-- Name: group_join_requests group_join_requests_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_join_requests
    ADD CONSTRAINT group_join_requests_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: group_members group_members_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_members
    ADD CONSTRAINT group_members_country_fkey FOREIGN KEY (country) REFERENCES public.countries(code) ON DELETE SET NULL;


--
-- Name: group_members group_members_group_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_members
    ADD CONSTRAINT group_members_group_id_fkey FOREIGN KEY (group_id) REFERENCES public.groups(id) ON DELETE CASCADE;


--
-- Name: group_members group_members_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_members
    ADD CONSTRAINT group_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: group_message_recipients group_message_recipients_message_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_message_recipients
    ADD CONSTRAINT group_message_recipients_message_id_fkey FOREIGN KEY (message_id) REFERENCES public.group_messages(id) ON DELETE CASCADE;


--
-- Name: group_message_recipients group_message_recipients_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_message_recipients
    ADD CONSTRAINT group_message_recipients_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: group_message_senders group_message_senders_message_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_message_senders
    ADD CONSTRAINT group_message_senders_message_id_fkey FOREIGN KEY (message_id) REFERENCES public.group_messages(id) ON DELETE CASCADE;


--
-- Name: group_message_senders group_message_senders_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_message_senders
    ADD CONSTRAINT group_message_senders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: group_messages group_messages_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_messages
    ADD CONSTRAINT group_messages_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: group_messages group_messages_group_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_messages
    ADD CONSTRAINT group_messages_group_id_fkey FOREIGN KEY (group_id) REFERENCES public.groups(id) ON DELETE CASCADE;


--
-- Name: group_messages group_messages_reply_to_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_messages
    ADD CONSTRAINT group_messages_reply_to_id_fkey FOREIGN KEY (reply_to_id) REFERENCES public.group_messages(id) ON DELETE SET NULL;


--
-- Name: group_notifications group_notifications_group_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_notifications
    ADD CONSTRAINT group_notifications_group_id_fkey FOREIGN KEY (group_id) REFERENCES public.groups(id) ON DELETE CASCADE;


--
-- Name: group_notifications group_notifications_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_notifications
    ADD CONSTRAINT group_notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: groups groups_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.groups
    ADD CONSTRAINT groups_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: import_batches import_batches_file_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_file_id_fkey FOREIGN KEY (file_id) REFERENCES public.report_files(id) ON DELETE SET NULL;


--
-- Name: import_batches import_batches_party_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_party_fkey FOREIGN KEY (party) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: import_batches import_batches_report_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE SET NULL;


--
-- Name: import_batches import_batches_uploaded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: import_mapping_profiles import_mapping_profiles_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_mapping_profiles
    ADD CONSTRAINT import_mapping_profiles_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: import_mapping_profiles import_mapping_profiles_party_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_mapping_profiles
    ADD CONSTRAINT import_mapping_profiles_party_fkey FOREIGN KEY (party) REFERENCES public.countries(code) ON DELETE CASCADE;


--
-- Name: import_rows import_rows_batch_id_party_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT import_rows_batch_id_party_fkey FOREIGN KEY (batch_id, party) REFERENCES public.import_batches(id, party) ON DELETE CASCADE;


--
-- Name: library_items library_items_group_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.library_items
    ADD CONSTRAINT library_items_group_id_fkey FOREIGN KEY (group_id) REFERENCES public.groups(id) ON DELETE CASCADE;


--
-- Name: library_items library_items_published_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.library_items
    ADD CONSTRAINT library_items_published_by_fkey FOREIGN KEY (published_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: library_versions library_versions_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.library_versions
    ADD CONSTRAINT library_versions_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: library_versions library_versions_group_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.library_versions
    ADD CONSTRAINT library_versions_group_id_fkey FOREIGN KEY (group_id) REFERENCES public.groups(id) ON DELETE CASCADE;


--
-- Name: library_versions library_versions_item_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.library_versions
    ADD CONSTRAINT library_versions_item_id_fkey FOREIGN KEY (item_id) REFERENCES public.library_items(id) ON DELETE CASCADE;


--
-- Name: one_time_tokens one_time_tokens_registration_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.one_time_tokens
    ADD CONSTRAINT one_time_tokens_registration_id_fkey FOREIGN KEY (registration_id) REFERENCES public.registrations(id) ON DELETE CASCADE;


--
-- Name: one_time_tokens one_time_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.one_time_tokens
    ADD CONSTRAINT one_time_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: organisations organisations_party_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_party_fkey FOREIGN KEY (party) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: permit_endorsements permit_endorsements_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_endorsements
    ADD CONSTRAINT permit_endorsements_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE SET NULL;


--
-- Name: permit_endorsements permit_endorsements_permit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_endorsements
    ADD CONSTRAINT permit_endorsements_permit_id_fkey FOREIGN KEY (permit_id) REFERENCES public.permits(id) ON DELETE CASCADE;


--
-- Name: permit_endorsements permit_endorsements_permit_id_line_no_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_endorsements
    ADD CONSTRAINT permit_endorsements_permit_id_line_no_fkey FOREIGN KEY (permit_id, line_no) REFERENCES public.permit_lines(permit_id, line_no) ON DELETE CASCADE;


--
-- Name: permit_endorsements permit_endorsements_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_endorsements
    ADD CONSTRAINT permit_endorsements_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: permit_events permit_events_permit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_events
    ADD CONSTRAINT permit_events_permit_id_fkey FOREIGN KEY (permit_id) REFERENCES public.permits(id) ON DELETE CASCADE;


--
-- Name: permit_events permit_events_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_events
    ADD CONSTRAINT permit_events_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: permit_lines permit_lines_origin_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_lines
    ADD CONSTRAINT permit_lines_origin_country_fkey FOREIGN KEY (origin_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: permit_lines permit_lines_permit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_lines
    ADD CONSTRAINT permit_lines_permit_id_fkey FOREIGN KEY (permit_id) REFERENCES public.permits(id) ON DELETE CASCADE;


--
-- Name: permit_lines permit_lines_reexport_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_lines
    ADD CONSTRAINT permit_lines_reexport_country_fkey FOREIGN KEY (reexport_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: permit_lines permit_lines_taxon_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_lines
    ADD CONSTRAINT permit_lines_taxon_id_fkey FOREIGN KEY (taxon_id) REFERENCES public.taxa(id) ON DELETE SET NULL;


--
-- Name: permit_lookups permit_lookups_issuing_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_lookups
    ADD CONSTRAINT permit_lookups_issuing_country_fkey FOREIGN KEY (issuing_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: permit_lookups permit_lookups_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_lookups
    ADD CONSTRAINT permit_lookups_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE SET NULL;


--
-- Name: permit_lookups permit_lookups_permit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_lookups
    ADD CONSTRAINT permit_lookups_permit_id_fkey FOREIGN KEY (permit_id) REFERENCES public.permits(id) ON DELETE SET NULL;


--
-- Name: permit_lookups permit_lookups_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_lookups
    ADD CONSTRAINT permit_lookups_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: permit_stamp_marks permit_stamp_marks_issuing_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_stamp_marks
    ADD CONSTRAINT permit_stamp_marks_issuing_country_fkey FOREIGN KEY (issuing_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: permit_stamp_marks permit_stamp_marks_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permit_stamp_marks
    ADD CONSTRAINT permit_stamp_marks_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: permits permits_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permits
    ADD CONSTRAINT permits_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: permits permits_exporter_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permits
    ADD CONSTRAINT permits_exporter_country_fkey FOREIGN KEY (exporter_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: permits permits_importer_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permits
    ADD CONSTRAINT permits_importer_country_fkey FOREIGN KEY (importer_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: permits permits_issuing_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permits
    ADD CONSTRAINT permits_issuing_country_fkey FOREIGN KEY (issuing_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: permits permits_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permits
    ADD CONSTRAINT permits_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: publication_consents publication_consents_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publication_consents
    ADD CONSTRAINT publication_consents_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id) ON DELETE RESTRICT;


--
-- Name: publication_consents publication_consents_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publication_consents
    ADD CONSTRAINT publication_consents_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.publication_requests(id) ON DELETE RESTRICT;


--
-- Name: publication_requests publication_requests_download_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publication_requests
    ADD CONSTRAINT publication_requests_download_id_fkey FOREIGN KEY (download_id) REFERENCES public.downloads(id) ON DELETE RESTRICT;


--
-- Name: publication_requests publication_requests_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publication_requests
    ADD CONSTRAINT publication_requests_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE RESTRICT;


--
-- Name: publication_requests publication_requests_requester_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publication_requests
    ADD CONSTRAINT publication_requests_requester_id_fkey FOREIGN KEY (requester_id) REFERENCES public.users(id) ON DELETE RESTRICT;


--
-- Name: recovery_codes recovery_codes_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recovery_codes
    ADD CONSTRAINT recovery_codes_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: registrations registrations_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registrations
    ADD CONSTRAINT registrations_country_fkey FOREIGN KEY (country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: registrations registrations_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registrations
    ADD CONSTRAINT registrations_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: registrations registrations_endorsed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registrations
    ADD CONSTRAINT registrations_endorsed_by_fkey FOREIGN KEY (endorsed_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: registrations registrations_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registrations
    ADD CONSTRAINT registrations_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: report_events report_events_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_events
    ADD CONSTRAINT report_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: report_events report_events_report_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_events
    ADD CONSTRAINT report_events_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE CASCADE;


--
-- Name: report_files report_files_party_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_files
    ADD CONSTRAINT report_files_party_fkey FOREIGN KEY (party) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: report_files report_files_report_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_files
    ADD CONSTRAINT report_files_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE CASCADE;


--
-- Name: report_files report_files_uploaded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_files
    ADD CONSTRAINT report_files_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: reports reports_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: reports reports_party_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_party_fkey FOREIGN KEY (party) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: reports reports_published_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_published_by_fkey FOREIGN KEY (published_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: security_keys security_keys_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.security_keys
    ADD CONSTRAINT security_keys_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: seizure_permit_links seizure_permit_links_issuing_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_permit_links
    ADD CONSTRAINT seizure_permit_links_issuing_country_fkey FOREIGN KEY (issuing_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: seizure_permit_links seizure_permit_links_permit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_permit_links
    ADD CONSTRAINT seizure_permit_links_permit_id_fkey FOREIGN KEY (permit_id) REFERENCES public.permits(id) ON DELETE SET NULL;


--
-- Name: seizure_permit_links seizure_permit_links_record_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_permit_links
    ADD CONSTRAINT seizure_permit_links_record_id_fkey FOREIGN KEY (record_id) REFERENCES public.seizure_records(id) ON DELETE CASCADE;


--
-- Name: seizure_record_versions seizure_record_versions_record_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_record_versions
    ADD CONSTRAINT seizure_record_versions_record_id_fkey FOREIGN KEY (record_id) REFERENCES public.seizure_records(id) ON DELETE CASCADE;


--
-- Name: seizure_record_versions seizure_record_versions_replaced_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_record_versions
    ADD CONSTRAINT seizure_record_versions_replaced_by_fkey FOREIGN KEY (replaced_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: seizure_records seizure_records_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_records
    ADD CONSTRAINT seizure_records_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: seizure_records seizure_records_destination_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_records
    ADD CONSTRAINT seizure_records_destination_country_fkey FOREIGN KEY (destination_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: seizure_records seizure_records_export_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_records
    ADD CONSTRAINT seizure_records_export_country_fkey FOREIGN KEY (export_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: seizure_records seizure_records_origin_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_records
    ADD CONSTRAINT seizure_records_origin_country_fkey FOREIGN KEY (origin_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: seizure_records seizure_records_report_party_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_records
    ADD CONSTRAINT seizure_records_report_party_fkey FOREIGN KEY (report_id, reporting_party) REFERENCES public.reports(id, party) ON DELETE RESTRICT;


--
-- Name: seizure_records seizure_records_seizure_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_records
    ADD CONSTRAINT seizure_records_seizure_country_fkey FOREIGN KEY (seizure_country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: seizure_records seizure_records_taxon_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_records
    ADD CONSTRAINT seizure_records_taxon_id_fkey FOREIGN KEY (taxon_id) REFERENCES public.taxa(id) ON DELETE RESTRICT;


--
-- Name: seizure_records seizure_records_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seizure_records
    ADD CONSTRAINT seizure_records_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: taxa taxa_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxa
    ADD CONSTRAINT taxa_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.taxa(id) ON DELETE RESTRICT;


--
-- Name: taxon_names taxon_names_taxon_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.taxon_names
    ADD CONSTRAINT taxon_names_taxon_id_fkey FOREIGN KEY (taxon_id) REFERENCES public.taxa(id) ON DELETE CASCADE;


--
-- Name: terms_acceptances terms_acceptances_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_acceptances
    ADD CONSTRAINT terms_acceptances_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: terms_acceptances terms_acceptances_version_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_acceptances
    ADD CONSTRAINT terms_acceptances_version_fkey FOREIGN KEY (version) REFERENCES public.terms_versions(version) ON DELETE RESTRICT;


--
-- Name: terms_versions terms_versions_published_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_versions
    ADD CONSTRAINT terms_versions_published_by_fkey FOREIGN KEY (published_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: user_preferences user_preferences_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_preferences
    ADD CONSTRAINT user_preferences_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: users users_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_country_fkey FOREIGN KEY (country) REFERENCES public.countries(code) ON DELETE RESTRICT;


--
-- Name: users users_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE RESTRICT;


--
-- Name: webauthn_challenges webauthn_challenges_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webauthn_challenges
    ADD CONSTRAINT webauthn_challenges_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.sessions(id) ON DELETE CASCADE;


--
-- Name: access_receipt_summaries; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.access_receipt_summaries ENABLE ROW LEVEL SECURITY;

--
-- Name: access_receipt_summaries access_receipt_summaries_job; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY access_receipt_summaries_job ON public.access_receipt_summaries TO app_user USING (public.app_actor_is_system()) WITH CHECK (public.app_actor_is_system());


--
-- Name: access_receipts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.access_receipts ENABLE ROW LEVEL SECURITY;

--
-- Name: access_receipts_progress; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.access_receipts_progress ENABLE ROW LEVEL SECURITY;

--
-- Name: access_receipts_progress access_receipts_progress_closed; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY access_receipts_progress_closed ON public.access_receipts_progress TO app_user USING (false) WITH CHECK (false);


--
-- Name: access_receipts access_receipts_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY access_receipts_read ON public.access_receipts FOR SELECT TO app_user USING ((public.app_actor_is_system() OR ((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'party'::text) AND (public.app_actor_role() = 'focal_point'::text) AND ((party)::text = public.app_actor_party())) OR ((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'secretariat'::text) AND (public.app_actor_role() = ANY (ARRAY['admin'::text, 'data_officer'::text])))));


--
-- Name: api_tokens; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.api_tokens ENABLE ROW LEVEL SECURITY;

--
-- Name: api_tokens api_tokens_admin_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY api_tokens_admin_read ON public.api_tokens FOR SELECT TO app_user USING (public.app_actor_is_secretariat_admin());


--
-- Name: api_tokens api_tokens_admin_revoke; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY api_tokens_admin_revoke ON public.api_tokens FOR UPDATE TO app_user USING (public.app_actor_is_secretariat_admin()) WITH CHECK (public.app_actor_is_secretariat_admin());


--
-- Name: api_tokens api_tokens_own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY api_tokens_own ON public.api_tokens TO app_user USING ((public.app_actor_is_system() OR (user_id = public.app_actor_id()))) WITH CHECK ((public.app_actor_is_system() OR (user_id = public.app_actor_id())));


--
-- Name: audit_chain_head; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.audit_chain_head ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_chain_head audit_chain_head_advance; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_chain_head_advance ON public.audit_chain_head TO app_user USING (true) WITH CHECK (true);


--
-- Name: audit_events; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.audit_events ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_events audit_events_append; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_events_append ON public.audit_events FOR INSERT TO app_user WITH CHECK (((actor_kind = public.app_actor_kind()) AND (NOT (actor_id IS DISTINCT FROM public.app_actor_id()))));


--
-- Name: audit_events audit_events_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_events_read ON public.audit_events FOR SELECT TO app_user USING (public.app_actor_is_secretariat_admin());


--
-- Name: cites_codes; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.cites_codes ENABLE ROW LEVEL SECURITY;

--
-- Name: cites_codes cites_codes_maintain; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY cites_codes_maintain ON public.cites_codes TO app_user USING (public.app_actor_maintains_reference()) WITH CHECK (public.app_actor_maintains_reference());


--
-- Name: cites_codes cites_codes_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY cites_codes_read ON public.cites_codes FOR SELECT TO app_user USING (true);


--
-- Name: countries; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.countries ENABLE ROW LEVEL SECURITY;

--
-- Name: countries countries_maintain; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY countries_maintain ON public.countries TO app_user USING (public.app_actor_maintains_reference()) WITH CHECK (public.app_actor_maintains_reference());


--
-- Name: countries countries_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY countries_read ON public.countries FOR SELECT TO app_user USING (true);


--
-- Name: downloads; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.downloads ENABLE ROW LEVEL SECURITY;

--
-- Name: downloads downloads_own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY downloads_own ON public.downloads TO app_user USING ((public.app_actor_is_system() OR (user_id = public.app_actor_id()))) WITH CHECK ((public.app_actor_is_system() OR (user_id = public.app_actor_id())));


--
-- Name: downloads downloads_secretariat_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY downloads_secretariat_read ON public.downloads FOR SELECT TO app_user USING (((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'secretariat'::text) AND (public.app_actor_role() = ANY (ARRAY['admin'::text, 'data_officer'::text]))));


--
-- Name: group_files; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.group_files ENABLE ROW LEVEL SECURITY;

--
-- Name: group_files group_files_attach; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_files_attach ON public.group_files FOR UPDATE TO app_user USING (((uploaded_by = public.app_actor_id()) AND (message_id IS NULL) AND (library_version_id IS NULL))) WITH CHECK ((uploaded_by = public.app_actor_id()));


--
-- Name: group_files group_files_forget; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_files_forget ON public.group_files FOR DELETE TO app_user USING ((public.app_actor_is_system() OR ((uploaded_by = public.app_actor_id()) AND (message_id IS NULL) AND (library_version_id IS NULL))));


--
-- Name: group_files group_files_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_files_insert ON public.group_files FOR INSERT TO app_user WITH CHECK (((uploaded_by = public.app_actor_id()) AND (public.app_group_category(group_id) IS NOT NULL) AND (message_id IS NULL) AND (library_version_id IS NULL)));


--
-- Name: group_files group_files_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_files_read ON public.group_files FOR SELECT TO app_user USING (((public.app_group_category(group_id) IS NOT NULL) AND (((message_id IS NULL) AND (library_version_id IS NULL) AND (uploaded_by = public.app_actor_id())) OR ((message_id IS NOT NULL) AND (EXISTS ( SELECT 1
   FROM public.group_messages m
  WHERE (m.id = group_files.message_id)))) OR ((library_version_id IS NOT NULL) AND (audience IS NOT NULL) AND public.app_group_sees(group_id, audience)))));


--
-- Name: group_join_requests; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.group_join_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: group_join_requests group_join_requests_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_join_requests_insert ON public.group_join_requests FOR INSERT TO app_user WITH CHECK ((((user_id = public.app_actor_id()) AND (status = 'pending'::text) AND (EXISTS ( SELECT 1
   FROM public.groups g
  WHERE (g.id = group_join_requests.group_id)))) OR public.app_group_may_moderate(group_id)));


--
-- Name: group_join_requests group_join_requests_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_join_requests_read ON public.group_join_requests FOR SELECT TO app_user USING (((user_id = public.app_actor_id()) OR public.app_group_may_moderate(group_id)));


--
-- Name: group_join_requests group_join_requests_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_join_requests_update ON public.group_join_requests FOR UPDATE TO app_user USING (public.app_group_may_moderate(group_id)) WITH CHECK (public.app_group_may_moderate(group_id));


--
-- Name: group_members; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.group_members ENABLE ROW LEVEL SECURITY;

--
-- Name: group_members group_members_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_members_delete ON public.group_members FOR DELETE TO app_user USING (public.app_group_may_moderate(group_id));


--
-- Name: group_members group_members_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_members_insert ON public.group_members FOR INSERT TO app_user WITH CHECK (public.app_group_may_moderate(group_id));


--
-- Name: group_members group_members_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_members_read ON public.group_members FOR SELECT TO app_user USING ((public.app_actor_is_system() OR public.app_group_member_visible(group_id, user_id, is_owner)));


--
-- Name: group_members group_members_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_members_update ON public.group_members FOR UPDATE TO app_user USING (public.app_group_may_moderate(group_id)) WITH CHECK (public.app_group_may_moderate(group_id));


--
-- Name: group_message_recipients; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.group_message_recipients ENABLE ROW LEVEL SECURITY;

--
-- Name: group_message_recipients group_message_recipients_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_message_recipients_insert ON public.group_message_recipients FOR INSERT TO app_user WITH CHECK ((EXISTS ( SELECT 1
   FROM public.group_message_senders s
  WHERE ((s.message_id = group_message_recipients.message_id) AND (s.user_id = public.app_actor_id())))));


--
-- Name: group_message_recipients group_message_recipients_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_message_recipients_read ON public.group_message_recipients FOR SELECT TO app_user USING (((user_id = public.app_actor_id()) OR public.app_message_shows_recipients(message_id)));


--
-- Name: group_message_recipients group_message_recipients_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_message_recipients_update ON public.group_message_recipients FOR UPDATE TO app_user USING ((user_id = public.app_actor_id())) WITH CHECK ((user_id = public.app_actor_id()));


--
-- Name: group_message_senders; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.group_message_senders ENABLE ROW LEVEL SECURITY;

--
-- Name: group_message_senders group_message_senders_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_message_senders_insert ON public.group_message_senders FOR INSERT TO app_user WITH CHECK ((user_id = public.app_actor_id()));


--
-- Name: group_message_senders group_message_senders_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_message_senders_read ON public.group_message_senders FOR SELECT TO app_user USING (((user_id = public.app_actor_id()) OR public.app_actor_is_secretariat_admin()));


--
-- Name: group_messages; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.group_messages ENABLE ROW LEVEL SECURITY;

--
-- Name: group_messages group_messages_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_messages_insert ON public.group_messages FOR INSERT TO app_user WITH CHECK (((public.app_group_category(group_id) IS NOT NULL) AND ((author_id IS NULL) OR (author_id = public.app_actor_id())) AND (( SELECT g.status
   FROM public.groups g
  WHERE (g.id = group_messages.group_id)) = 'active'::text) AND ((address_kind <> 'members'::text) OR (NOT ( SELECT g.is_confidential
   FROM public.groups g
  WHERE (g.id = group_messages.group_id))))));


--
-- Name: group_messages group_messages_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_messages_read ON public.group_messages FOR SELECT TO app_user USING (((public.app_group_category(group_id) IS NOT NULL) AND ((EXISTS ( SELECT 1
   FROM public.group_message_recipients r
  WHERE ((r.message_id = group_messages.id) AND (r.user_id = public.app_actor_id())))) OR (EXISTS ( SELECT 1
   FROM public.group_message_senders s
  WHERE ((s.message_id = group_messages.id) AND (s.user_id = public.app_actor_id())))))));


--
-- Name: group_notifications; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.group_notifications ENABLE ROW LEVEL SECURITY;

--
-- Name: group_notifications group_notifications_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_notifications_insert ON public.group_notifications FOR INSERT TO app_user WITH CHECK ((public.app_group_may_moderate(group_id) OR ((kind = 'join_requested'::text) AND (public.app_actor_kind() = 'user'::text) AND (EXISTS ( SELECT 1
   FROM public.groups g
  WHERE (g.id = group_notifications.group_id))))));


--
-- Name: group_notifications group_notifications_mark; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_notifications_mark ON public.group_notifications FOR UPDATE TO app_user USING ((user_id = public.app_actor_id())) WITH CHECK ((user_id = public.app_actor_id()));


--
-- Name: group_notifications group_notifications_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY group_notifications_read ON public.group_notifications FOR SELECT TO app_user USING (((user_id = public.app_actor_id()) AND public.app_group_sees(group_id, audience)));


--
-- Name: groups; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.groups ENABLE ROW LEVEL SECURITY;

--
-- Name: groups groups_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY groups_read ON public.groups FOR SELECT TO app_user USING ((public.app_actor_is_system() OR public.app_actor_is_secretariat_admin() OR (public.app_group_category(id) IS NOT NULL) OR ((public.app_actor_kind() = ANY (ARRAY['user'::text, 'anonymous'::text])) AND (status = 'active'::text) AND (NOT is_confidential))));


--
-- Name: groups groups_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY groups_write ON public.groups TO app_user USING ((public.app_actor_is_system() OR public.app_actor_is_secretariat_admin())) WITH CHECK ((public.app_actor_is_system() OR public.app_actor_is_secretariat_admin()));


--
-- Name: import_batches; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.import_batches ENABLE ROW LEVEL SECURITY;

--
-- Name: import_batches import_batches_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_batches_insert ON public.import_batches FOR INSERT TO app_user WITH CHECK (public.app_can_write_report(party, false));


--
-- Name: import_batches import_batches_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_batches_read ON public.import_batches FOR SELECT TO app_user USING (public.app_can_write_report(party, false));


--
-- Name: import_batches import_batches_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_batches_update ON public.import_batches FOR UPDATE TO app_user USING (public.app_can_write_report(party, false)) WITH CHECK (public.app_can_write_report(party, false));


--
-- Name: import_mapping_profiles; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.import_mapping_profiles ENABLE ROW LEVEL SECURITY;

--
-- Name: import_mapping_profiles import_mapping_profiles_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_mapping_profiles_insert ON public.import_mapping_profiles FOR INSERT TO app_user WITH CHECK (public.app_can_write_report(party, false));


--
-- Name: import_mapping_profiles import_mapping_profiles_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_mapping_profiles_read ON public.import_mapping_profiles FOR SELECT TO app_user USING (public.app_can_write_report(COALESCE(party, (public.app_actor_party())::bpchar), false));


--
-- Name: import_mapping_profiles import_mapping_profiles_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_mapping_profiles_update ON public.import_mapping_profiles FOR UPDATE TO app_user USING (public.app_can_write_report(party, false)) WITH CHECK (public.app_can_write_report(party, false));


--
-- Name: import_rows; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.import_rows ENABLE ROW LEVEL SECURITY;

--
-- Name: import_rows import_rows_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_rows_delete ON public.import_rows FOR DELETE TO app_user USING (public.app_can_write_report(party, false));


--
-- Name: import_rows import_rows_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_rows_insert ON public.import_rows FOR INSERT TO app_user WITH CHECK (public.app_can_write_report(party, false));


--
-- Name: import_rows import_rows_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_rows_read ON public.import_rows FOR SELECT TO app_user USING (public.app_can_write_report(party, false));


--
-- Name: import_rows import_rows_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_rows_update ON public.import_rows FOR UPDATE TO app_user USING (public.app_can_write_report(party, false)) WITH CHECK (public.app_can_write_report(party, false));


--
-- Name: library_items; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.library_items ENABLE ROW LEVEL SECURITY;

--
-- Name: library_items library_items_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY library_items_read ON public.library_items FOR SELECT TO app_user USING (public.app_group_sees(group_id, audience));


--
-- Name: library_items library_items_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY library_items_write ON public.library_items TO app_user USING ((public.app_group_is_owner(group_id) AND public.app_group_sees(group_id, audience))) WITH CHECK ((public.app_group_is_owner(group_id) AND public.app_group_sees(group_id, audience)));


--
-- Name: library_versions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.library_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: library_versions library_versions_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY library_versions_insert ON public.library_versions FOR INSERT TO app_user WITH CHECK ((public.app_group_is_owner(group_id) AND public.app_group_sees(group_id, audience)));


--
-- Name: library_versions library_versions_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY library_versions_read ON public.library_versions FOR SELECT TO app_user USING (public.app_group_sees(group_id, audience));


--
-- Name: one_time_tokens; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.one_time_tokens ENABLE ROW LEVEL SECURITY;

--
-- Name: one_time_tokens one_time_tokens_approval; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY one_time_tokens_approval ON public.one_time_tokens FOR INSERT TO app_user WITH CHECK ((public.app_actor_is_secretariat_admin() AND (purpose = 'reset_password'::text)));


--
-- Name: one_time_tokens one_time_tokens_front_door; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY one_time_tokens_front_door ON public.one_time_tokens TO app_user USING (public.app_actor_is_system()) WITH CHECK (public.app_actor_is_system());


--
-- Name: organisations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.organisations ENABLE ROW LEVEL SECURITY;

--
-- Name: organisations organisations_manage; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY organisations_manage ON public.organisations TO app_user USING ((public.app_actor_is_system() OR public.app_actor_is_secretariat_admin())) WITH CHECK ((public.app_actor_is_system() OR public.app_actor_is_secretariat_admin()));


--
-- Name: organisations organisations_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY organisations_read ON public.organisations FOR SELECT TO app_user USING ((public.app_actor_is_system() OR (public.app_actor_kind() = 'user'::text)));


--
-- Name: outbox; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.outbox ENABLE ROW LEVEL SECURITY;

--
-- Name: outbox outbox_admin_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY outbox_admin_read ON public.outbox FOR SELECT TO app_user USING (public.app_actor_is_secretariat_admin());


--
-- Name: outbox outbox_mark; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY outbox_mark ON public.outbox FOR UPDATE TO app_user USING (public.app_actor_is_system()) WITH CHECK (public.app_actor_is_system());


--
-- Name: outbox outbox_queue; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY outbox_queue ON public.outbox FOR INSERT TO app_user WITH CHECK (true);


--
-- Name: outbox outbox_send; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY outbox_send ON public.outbox FOR SELECT TO app_user USING (public.app_actor_is_system());


--
-- Name: permit_endorsements; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.permit_endorsements ENABLE ROW LEVEL SECURITY;

--
-- Name: permit_endorsements permit_endorsements_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_endorsements_insert ON public.permit_endorsements FOR INSERT TO app_user WITH CHECK ((public.app_actor_verifies_permits() AND (public.app_actor_is_system() OR (user_id = public.app_actor_id())) AND (EXISTS ( SELECT 1
   FROM public.permits p
  WHERE (p.id = permit_endorsements.permit_id)))));


--
-- Name: permit_endorsements permit_endorsements_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_endorsements_read ON public.permit_endorsements FOR SELECT TO app_user USING ((EXISTS ( SELECT 1
   FROM public.permits p
  WHERE (p.id = permit_endorsements.permit_id))));


--
-- Name: permit_events; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.permit_events ENABLE ROW LEVEL SECURITY;

--
-- Name: permit_events permit_events_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_events_insert ON public.permit_events FOR INSERT TO app_user WITH CHECK (((public.app_actor_is_system() OR (user_id = public.app_actor_id())) AND (EXISTS ( SELECT 1
   FROM public.permits p
  WHERE ((p.id = permit_events.permit_id) AND (public.app_actor_writes_permits_of(p.issuing_country) OR ((permit_events.kind = 'endorsed'::text) AND public.app_actor_verifies_permits())))))));


--
-- Name: permit_events permit_events_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_events_read ON public.permit_events FOR SELECT TO app_user USING ((EXISTS ( SELECT 1
   FROM public.permits p
  WHERE (p.id = permit_events.permit_id))));


--
-- Name: permit_lines; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.permit_lines ENABLE ROW LEVEL SECURITY;

--
-- Name: permit_lines permit_lines_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_lines_delete ON public.permit_lines FOR DELETE TO app_user USING ((EXISTS ( SELECT 1
   FROM public.permits p
  WHERE ((p.id = permit_lines.permit_id) AND public.app_actor_writes_permits_of(p.issuing_country)))));


--
-- Name: permit_lines permit_lines_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_lines_insert ON public.permit_lines FOR INSERT TO app_user WITH CHECK ((EXISTS ( SELECT 1
   FROM public.permits p
  WHERE ((p.id = permit_lines.permit_id) AND public.app_actor_writes_permits_of(p.issuing_country)))));


--
-- Name: permit_lines permit_lines_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_lines_read ON public.permit_lines FOR SELECT TO app_user USING ((EXISTS ( SELECT 1
   FROM public.permits p
  WHERE (p.id = permit_lines.permit_id))));


--
-- Name: permit_lines permit_lines_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_lines_update ON public.permit_lines FOR UPDATE TO app_user USING ((EXISTS ( SELECT 1
   FROM public.permits p
  WHERE ((p.id = permit_lines.permit_id) AND public.app_actor_writes_permits_of(p.issuing_country))))) WITH CHECK ((EXISTS ( SELECT 1
   FROM public.permits p
  WHERE ((p.id = permit_lines.permit_id) AND public.app_actor_writes_permits_of(p.issuing_country)))));


--
-- Name: permit_lookups; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.permit_lookups ENABLE ROW LEVEL SECURITY;

--
-- Name: permit_lookups permit_lookups_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_lookups_insert ON public.permit_lookups FOR INSERT TO app_user WITH CHECK ((public.app_actor_verifies_permits() AND (public.app_actor_is_system() OR (user_id = public.app_actor_id()))));


--
-- Name: permit_lookups permit_lookups_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_lookups_read ON public.permit_lookups FOR SELECT TO app_user USING ((public.app_actor_is_system() OR (user_id = public.app_actor_id()) OR ((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'secretariat'::text)) OR public.app_actor_writes_permits_of(issuing_country)));


--
-- Name: permit_stamp_marks; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.permit_stamp_marks ENABLE ROW LEVEL SECURITY;

--
-- Name: permit_stamp_marks permit_stamp_marks_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_stamp_marks_insert ON public.permit_stamp_marks FOR INSERT TO app_user WITH CHECK ((public.app_actor_writes_permits_of(issuing_country) AND (public.app_actor_is_system() OR (user_id = public.app_actor_id()))));


--
-- Name: permit_stamp_marks permit_stamp_marks_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permit_stamp_marks_read ON public.permit_stamp_marks FOR SELECT TO app_user USING ((public.app_actor_verifies_permits() OR public.app_actor_writes_permits_of(issuing_country)));


--
-- Name: permits; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.permits ENABLE ROW LEVEL SECURITY;

--
-- Name: permits permits_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permits_insert ON public.permits FOR INSERT TO app_user WITH CHECK (public.app_actor_writes_permits_of(issuing_country));


--
-- Name: permits permits_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permits_read ON public.permits FOR SELECT TO app_user USING ((public.app_actor_verifies_permits() OR public.app_actor_writes_permits_of(issuing_country)));


--
-- Name: permits permits_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY permits_update ON public.permits FOR UPDATE TO app_user USING (public.app_actor_writes_permits_of(issuing_country)) WITH CHECK (public.app_actor_writes_permits_of(issuing_country));


--
-- Name: platform_key; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.platform_key ENABLE ROW LEVEL SECURITY;

--
-- Name: platform_key platform_key_closed; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_key_closed ON public.platform_key TO app_user USING (false) WITH CHECK (false);


--
-- Name: publication_consents; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.publication_consents ENABLE ROW LEVEL SECURITY;

--
-- Name: publication_consents publication_consents_decide; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY publication_consents_decide ON public.publication_consents FOR UPDATE TO app_user USING (((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'party'::text) AND (public.app_actor_role() = 'focal_point'::text) AND (party = (public.app_actor_party())::character(2)))) WITH CHECK ((party = (public.app_actor_party())::character(2)));


--
-- Name: publication_consents publication_consents_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY publication_consents_insert ON public.publication_consents FOR INSERT TO app_user WITH CHECK ((EXISTS ( SELECT 1
   FROM public.publication_requests r
  WHERE ((r.id = publication_consents.request_id) AND (r.requester_id = public.app_actor_id())))));


--
-- Name: publication_consents publication_consents_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY publication_consents_read ON public.publication_consents FOR SELECT TO app_user USING ((public.app_actor_is_system() OR ((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'party'::text) AND (public.app_actor_role() = 'focal_point'::text) AND (party = (public.app_actor_party())::character(2))) OR ((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'secretariat'::text) AND (public.app_actor_role() = ANY (ARRAY['admin'::text, 'data_officer'::text]))) OR (EXISTS ( SELECT 1
   FROM public.publication_requests r
  WHERE ((r.id = publication_consents.request_id) AND (r.requester_id = public.app_actor_id()))))));


--
-- Name: publication_requests; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.publication_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: publication_requests publication_requests_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY publication_requests_insert ON public.publication_requests FOR INSERT TO app_user WITH CHECK (((public.app_actor_kind() = 'user'::text) AND (requester_id = public.app_actor_id())));


--
-- Name: publication_requests publication_requests_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY publication_requests_read ON public.publication_requests FOR SELECT TO app_user USING ((public.app_actor_is_system() OR (requester_id = public.app_actor_id()) OR ((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'party'::text) AND (public.app_actor_role() = 'focal_point'::text) AND (public.app_actor_party() = ANY (parties))) OR ((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'secretariat'::text) AND (public.app_actor_role() = ANY (ARRAY['admin'::text, 'data_officer'::text])))));


--
-- Name: publication_requests publication_requests_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY publication_requests_update ON public.publication_requests FOR UPDATE TO app_user USING ((public.app_actor_is_system() OR (requester_id = public.app_actor_id()) OR ((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'party'::text) AND (public.app_actor_role() = 'focal_point'::text) AND (public.app_actor_party() = ANY (parties))))) WITH CHECK ((public.app_actor_is_system() OR ((requester_id = public.app_actor_id()) AND (status = ANY (ARRAY['pending'::text, 'withdrawn'::text])) AND (filed_at IS NULL)) OR ((public.app_actor_kind() = 'user'::text) AND (public.app_actor_org_kind() = 'party'::text) AND (public.app_actor_role() = 'focal_point'::text) AND (public.app_actor_party() = ANY (parties)))));


--
-- Name: rate_limit_hits; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.rate_limit_hits ENABLE ROW LEVEL SECURITY;

--
-- Name: rate_limit_hits rate_limit_hits_closed; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY rate_limit_hits_closed ON public.rate_limit_hits TO app_user USING (false) WITH CHECK (false);


--
-- Name: recovery_codes; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.recovery_codes ENABLE ROW LEVEL SECURITY;

--
-- Name: recovery_codes recovery_codes_own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY recovery_codes_own ON public.recovery_codes TO app_user USING ((public.app_actor_is_system() OR (user_id = public.app_actor_id()))) WITH CHECK ((public.app_actor_is_system() OR (user_id = public.app_actor_id())));


--
-- Name: reference_seeds; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.reference_seeds ENABLE ROW LEVEL SECURITY;

--
-- Name: reference_seeds reference_seeds_maintain; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reference_seeds_maintain ON public.reference_seeds TO app_user USING (public.app_actor_maintains_reference()) WITH CHECK (public.app_actor_maintains_reference());


--
-- Name: registrations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.registrations ENABLE ROW LEVEL SECURITY;

--
-- Name: registrations registrations_endorse; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY registrations_endorse ON public.registrations TO app_user USING (((public.app_actor_kind() = 'user'::text) AND (public.app_actor_role() = 'focal_point'::text) AND (public.app_actor_org_kind() = 'party'::text) AND ((country)::text = public.app_actor_party()))) WITH CHECK (((public.app_actor_kind() = 'user'::text) AND (public.app_actor_role() = 'focal_point'::text) AND (public.app_actor_org_kind() = 'party'::text) AND ((country)::text = public.app_actor_party())));


--
-- Name: registrations registrations_front_door; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY registrations_front_door ON public.registrations TO app_user USING (public.app_actor_is_system()) WITH CHECK (public.app_actor_is_system());


--
-- Name: registrations registrations_review; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY registrations_review ON public.registrations TO app_user USING (public.app_actor_is_secretariat_admin()) WITH CHECK (public.app_actor_is_secretariat_admin());


--
-- Name: report_events; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.report_events ENABLE ROW LEVEL SECURITY;

--
-- Name: report_events report_events_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_events_insert ON public.report_events FOR INSERT TO app_user WITH CHECK ((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = report_events.report_id) AND public.app_can_write_report(r.party, (r.status = 'published'::text))))));


--
-- Name: report_events report_events_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_events_read ON public.report_events FOR SELECT TO app_user USING ((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = report_events.report_id) AND public.app_can_see_report(r.party, (r.status = 'published'::text))))));


--
-- Name: report_files; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.report_files ENABLE ROW LEVEL SECURITY;

--
-- Name: report_files report_files_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_files_insert ON public.report_files FOR INSERT TO app_user WITH CHECK (public.app_can_write_report(party, false));


--
-- Name: report_files report_files_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_files_read ON public.report_files FOR SELECT TO app_user USING (((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = report_files.report_id) AND public.app_can_see_report(r.party, (r.status = 'published'::text))))) OR ((report_id IS NULL) AND public.app_can_write_report(party, false))));


--
-- Name: report_files report_files_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_files_update ON public.report_files FOR UPDATE TO app_user USING (public.app_can_write_report(party, false)) WITH CHECK (public.app_can_write_report(party, false));


--
-- Name: reports; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.reports ENABLE ROW LEVEL SECURITY;

--
-- Name: reports reports_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reports_insert ON public.reports FOR INSERT TO app_user WITH CHECK (public.app_can_write_report(party, false));


--
-- Name: reports reports_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reports_read ON public.reports FOR SELECT TO app_user USING (public.app_can_see_report(party, (status = 'published'::text)));


--
-- Name: reports reports_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reports_update ON public.reports FOR UPDATE TO app_user USING (public.app_can_write_report(party, (status = 'published'::text))) WITH CHECK (public.app_can_write_report(party, (status = 'published'::text)));


--
-- Name: security_keys; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.security_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: security_keys security_keys_own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY security_keys_own ON public.security_keys TO app_user USING ((public.app_actor_is_system() OR (user_id = public.app_actor_id()))) WITH CHECK ((public.app_actor_is_system() OR (user_id = public.app_actor_id())));


--
-- Name: seizure_figures; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.seizure_figures ENABLE ROW LEVEL SECURITY;

--
-- Name: seizure_figures seizure_figures_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY seizure_figures_read ON public.seizure_figures FOR SELECT TO app_user USING ((audience = current_setting('app.actor_audience'::text, true)));


--
-- Name: seizure_permit_links; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.seizure_permit_links ENABLE ROW LEVEL SECURITY;

--
-- Name: seizure_permit_links seizure_permit_links_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY seizure_permit_links_delete ON public.seizure_permit_links FOR DELETE TO app_user USING (public.app_actor_is_system());


--
-- Name: seizure_permit_links seizure_permit_links_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY seizure_permit_links_insert ON public.seizure_permit_links FOR INSERT TO app_user WITH CHECK (public.app_actor_is_system());


--
-- Name: seizure_permit_links seizure_permit_links_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY seizure_permit_links_read ON public.seizure_permit_links FOR SELECT TO app_user USING (((public.app_actor_verifies_permits() OR ((issuing_country IS NOT NULL) AND public.app_actor_writes_permits_of(issuing_country))) AND (EXISTS ( SELECT 1
   FROM public.seizure_records s
  WHERE (s.id = seizure_permit_links.record_id)))));


--
-- Name: seizure_record_versions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.seizure_record_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: seizure_record_versions seizure_record_versions_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY seizure_record_versions_insert ON public.seizure_record_versions FOR INSERT TO app_user WITH CHECK ((EXISTS ( SELECT 1
   FROM public.seizure_records s
  WHERE ((s.id = seizure_record_versions.record_id) AND public.app_can_write_report(s.reporting_party, s.is_published)))));


--
-- Name: seizure_record_versions seizure_record_versions_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY seizure_record_versions_read ON public.seizure_record_versions FOR SELECT TO app_user USING ((EXISTS ( SELECT 1
   FROM public.seizure_records s
  WHERE (s.id = seizure_record_versions.record_id))));


--
-- Name: seizure_records; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.seizure_records ENABLE ROW LEVEL SECURITY;

--
-- Name: seizure_records seizure_records_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY seizure_records_insert ON public.seizure_records FOR INSERT TO app_user WITH CHECK (public.app_can_write_report(reporting_party, is_published));


--
-- Name: seizure_records seizure_records_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY seizure_records_read ON public.seizure_records FOR SELECT TO app_user USING ((visibility_keys && ARRAY[current_setting('app.actor_audience'::text, true)]));


--
-- Name: seizure_records seizure_records_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY seizure_records_update ON public.seizure_records FOR UPDATE TO app_user USING (public.app_can_write_report(reporting_party, is_published)) WITH CHECK (public.app_can_write_report(reporting_party, is_published));


--
-- Name: sessions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: sessions sessions_admin_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY sessions_admin_read ON public.sessions FOR SELECT TO app_user USING (public.app_actor_is_secretariat_admin());


--
-- Name: sessions sessions_admin_revoke; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY sessions_admin_revoke ON public.sessions FOR UPDATE TO app_user USING (public.app_actor_is_secretariat_admin()) WITH CHECK (public.app_actor_is_secretariat_admin());


--
-- Name: sessions sessions_own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY sessions_own ON public.sessions TO app_user USING ((public.app_actor_is_system() OR (user_id = public.app_actor_id()))) WITH CHECK ((public.app_actor_is_system() OR (user_id = public.app_actor_id())));


--
-- Name: sign_in_failures; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sign_in_failures ENABLE ROW LEVEL SECURITY;

--
-- Name: sign_in_failures sign_in_failures_front_door; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY sign_in_failures_front_door ON public.sign_in_failures TO app_user USING (public.app_actor_is_system()) WITH CHECK (public.app_actor_is_system());


--
-- Name: taxa; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.taxa ENABLE ROW LEVEL SECURITY;

--
-- Name: taxa taxa_maintain; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY taxa_maintain ON public.taxa TO app_user USING (public.app_actor_maintains_reference()) WITH CHECK (public.app_actor_maintains_reference());


--
-- Name: taxa taxa_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY taxa_read ON public.taxa FOR SELECT TO app_user USING (true);


--
-- Name: taxon_names; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.taxon_names ENABLE ROW LEVEL SECURITY;

--
-- Name: taxon_names taxon_names_maintain; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY taxon_names_maintain ON public.taxon_names TO app_user USING (public.app_actor_maintains_reference()) WITH CHECK (public.app_actor_maintains_reference());


--
-- Name: taxon_names taxon_names_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY taxon_names_read ON public.taxon_names FOR SELECT TO app_user USING (true);


--
-- Name: terms_acceptances; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.terms_acceptances ENABLE ROW LEVEL SECURITY;

--
-- Name: terms_acceptances terms_acceptances_own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY terms_acceptances_own ON public.terms_acceptances TO app_user USING ((public.app_actor_is_system() OR (user_id = public.app_actor_id()) OR public.app_actor_is_secretariat_admin())) WITH CHECK ((public.app_actor_is_system() OR (user_id = public.app_actor_id())));


--
-- Name: terms_versions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.terms_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: terms_versions terms_versions_publish; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY terms_versions_publish ON public.terms_versions FOR INSERT TO app_user WITH CHECK ((public.app_actor_is_system() OR public.app_actor_is_secretariat_admin()));


--
-- Name: terms_versions terms_versions_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY terms_versions_read ON public.terms_versions FOR SELECT TO app_user USING (true);


--
-- Name: user_preferences; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.user_preferences ENABLE ROW LEVEL SECURITY;

--
-- Name: user_preferences user_preferences_own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY user_preferences_own ON public.user_preferences TO app_user USING ((public.app_actor_is_system() OR (user_id = public.app_actor_id()))) WITH CHECK ((user_id = public.app_actor_id()));


--
-- Name: users; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;

--
-- Name: users users_create; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY users_create ON public.users FOR INSERT TO app_user WITH CHECK ((public.app_actor_is_system() OR public.app_actor_is_secretariat_admin()));


--
-- Name: users users_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY users_read ON public.users FOR SELECT TO app_user USING ((public.app_actor_is_system() OR (id = public.app_actor_id()) OR public.app_actor_is_secretariat_admin()));


--
-- Name: users users_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY users_write ON public.users FOR UPDATE TO app_user USING ((public.app_actor_is_system() OR (id = public.app_actor_id()) OR public.app_actor_is_secretariat_admin())) WITH CHECK ((public.app_actor_is_system() OR (id = public.app_actor_id()) OR public.app_actor_is_secretariat_admin()));


--
-- Name: webauthn_challenges; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.webauthn_challenges ENABLE ROW LEVEL SECURITY;

--
-- Name: webauthn_challenges webauthn_challenges_own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY webauthn_challenges_own ON public.webauthn_challenges TO app_user USING ((public.app_actor_is_system() OR (EXISTS ( SELECT 1
   FROM public.sessions s
  WHERE ((s.id = webauthn_challenges.session_id) AND (s.user_id = public.app_actor_id())))))) WITH CHECK ((public.app_actor_is_system() OR (EXISTS ( SELECT 1
   FROM public.sessions s
  WHERE ((s.id = webauthn_challenges.session_id) AND (s.user_id = public.app_actor_id()))))));


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO app_user;


--
-- Name: FUNCTION app_actor_is_management_authority(); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_actor_is_management_authority() TO app_user;


--
-- Name: FUNCTION app_actor_verifies_permits(); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_actor_verifies_permits() TO app_user;


--
-- Name: FUNCTION app_compact_seizure_figures(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.app_compact_seizure_figures() FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_compact_seizure_figures() TO app_user;


--
-- Name: FUNCTION app_front_door_session(secret_hash text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.app_front_door_session(secret_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_front_door_session(secret_hash text) TO app_user;


--
-- Name: FUNCTION app_group_category(g uuid); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_group_category(g uuid) TO app_user;


--
-- Name: FUNCTION app_group_contacts(g uuid, audience text, owners_only boolean); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_group_contacts(g uuid, audience text, owners_only boolean) TO app_user;


--
-- Name: FUNCTION app_group_is_owner(g uuid); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_group_is_owner(g uuid) TO app_user;


--
-- Name: FUNCTION app_group_member_visible(g uuid, row_user uuid, row_is_owner boolean); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_group_member_visible(g uuid, row_user uuid, row_is_owner boolean) TO app_user;


--
-- Name: FUNCTION app_link_audit_entries(max_entries integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.app_link_audit_entries(max_entries integer) FROM PUBLIC;


--
-- Name: FUNCTION app_message_shows_recipients(msg uuid); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_message_shows_recipients(msg uuid) TO app_user;


--
-- Name: FUNCTION app_near_taxon_names(q text); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_near_taxon_names(q text) TO app_user;


--
-- Name: TABLE access_receipt_summaries; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.access_receipt_summaries TO app_user;


--
-- Name: TABLE access_receipts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.access_receipts TO app_user;


--
-- Name: TABLE api_tokens; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.api_tokens TO app_user;


--
-- Name: TABLE audit_chain_head; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.audit_chain_head TO app_user;


--
-- Name: TABLE audit_events; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.audit_events TO app_user;


--
-- Name: TABLE cites_codes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.cites_codes TO app_user;


--
-- Name: TABLE countries; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.countries TO app_user;


--
-- Name: TABLE downloads; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.row_count; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(row_count) ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.parties; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(parties) ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.checksum; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(checksum) ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.size_bytes; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(size_bytes) ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.completed_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(completed_at) ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(deleted_on) ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.deletion_statement; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(deletion_statement) ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.deleted_attested_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(deleted_attested_at) ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.reminders_sent; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(reminders_sent) ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.last_reminded_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(last_reminded_at) ON TABLE public.downloads TO app_user;


--
-- Name: COLUMN downloads.party_counts; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(party_counts) ON TABLE public.downloads TO app_user;


--
-- Name: TABLE group_files; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.group_files TO app_user;


--
-- Name: TABLE group_join_requests; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.group_join_requests TO app_user;


--
-- Name: TABLE group_members; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.group_members TO app_user;


--
-- Name: TABLE group_message_recipients; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.group_message_recipients TO app_user;


--
-- Name: TABLE group_message_senders; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.group_message_senders TO app_user;


--
-- Name: TABLE group_messages; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.group_messages TO app_user;


--
-- Name: TABLE group_notifications; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.group_notifications TO app_user;


--
-- Name: TABLE groups; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.groups TO app_user;


--
-- Name: TABLE import_batches; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.import_batches TO app_user;


--
-- Name: TABLE import_mapping_profiles; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.import_mapping_profiles TO app_user;


--
-- Name: TABLE import_rows; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.import_rows TO app_user;


--
-- Name: COLUMN import_rows.cells; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(cells) ON TABLE public.import_rows TO app_user;


--
-- Name: COLUMN import_rows.extra; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(extra) ON TABLE public.import_rows TO app_user;


--
-- Name: COLUMN import_rows.normalised; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(normalised) ON TABLE public.import_rows TO app_user;


--
-- Name: COLUMN import_rows.problems; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(problems) ON TABLE public.import_rows TO app_user;


--
-- Name: COLUMN import_rows.accepted; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(accepted) ON TABLE public.import_rows TO app_user;


--
-- Name: COLUMN import_rows.fingerprint; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(fingerprint) ON TABLE public.import_rows TO app_user;


--
-- Name: COLUMN import_rows.outcome; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(outcome) ON TABLE public.import_rows TO app_user;


--
-- Name: COLUMN import_rows.file_cells; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(file_cells) ON TABLE public.import_rows TO app_user;


--
-- Name: COLUMN import_rows.edits; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(edits) ON TABLE public.import_rows TO app_user;


--
-- Name: TABLE library_items; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.library_items TO app_user;


--
-- Name: TABLE library_versions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.library_versions TO app_user;


--
-- Name: TABLE one_time_tokens; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.one_time_tokens TO app_user;


--
-- Name: TABLE organisations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.organisations TO app_user;


--
-- Name: TABLE outbox; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.outbox TO app_user;


--
-- Name: TABLE permit_endorsements; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.permit_endorsements TO app_user;


--
-- Name: TABLE permit_events; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.permit_events TO app_user;


--
-- Name: TABLE permit_lines; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.permit_lines TO app_user;


--
-- Name: TABLE permit_lookups; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.permit_lookups TO app_user;


--
-- Name: TABLE permit_stamp_marks; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.permit_stamp_marks TO app_user;


--
-- Name: TABLE permits; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.permits TO app_user;


--
-- Name: TABLE publication_consents; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.publication_consents TO app_user;


--
-- Name: COLUMN publication_consents.status; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(status) ON TABLE public.publication_consents TO app_user;


--
-- Name: COLUMN publication_consents.decided_by; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(decided_by) ON TABLE public.publication_consents TO app_user;


--
-- Name: COLUMN publication_consents.decider_name; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(decider_name) ON TABLE public.publication_consents TO app_user;


--
-- Name: COLUMN publication_consents.decider_organisation; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(decider_organisation) ON TABLE public.publication_consents TO app_user;


--
-- Name: COLUMN publication_consents.decided_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(decided_at) ON TABLE public.publication_consents TO app_user;


--
-- Name: COLUMN publication_consents.comment; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(comment) ON TABLE public.publication_consents TO app_user;


--
-- Name: COLUMN publication_consents.comment_language; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(comment_language) ON TABLE public.publication_consents TO app_user;


--
-- Name: TABLE publication_requests; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.publication_requests TO app_user;


--
-- Name: COLUMN publication_requests.status; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(status) ON TABLE public.publication_requests TO app_user;


--
-- Name: COLUMN publication_requests.consents_undecided; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(consents_undecided) ON TABLE public.publication_requests TO app_user;


--
-- Name: COLUMN publication_requests.closed_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(closed_at) ON TABLE public.publication_requests TO app_user;


--
-- Name: COLUMN publication_requests.filed_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(filed_at) ON TABLE public.publication_requests TO app_user;


--
-- Name: COLUMN publication_requests.reminders_sent; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(reminders_sent) ON TABLE public.publication_requests TO app_user;


--
-- Name: COLUMN publication_requests.last_reminded_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(last_reminded_at) ON TABLE public.publication_requests TO app_user;


--
-- Name: TABLE recovery_codes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recovery_codes TO app_user;


--
-- Name: TABLE reference_seeds; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.reference_seeds TO app_user;


--
-- Name: TABLE registrations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.registrations TO app_user;


--
-- Name: TABLE report_events; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.report_events TO app_user;


--
-- Name: TABLE report_files; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.report_files TO app_user;


--
-- Name: COLUMN report_files.report_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(report_id) ON TABLE public.report_files TO app_user;


--
-- Name: TABLE reports; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.reports TO app_user;


--
-- Name: TABLE security_keys; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.security_keys TO app_user;


--
-- Name: TABLE seizure_figures; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.seizure_figures TO app_user;


--
-- Name: TABLE seizure_permit_links; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.seizure_permit_links TO app_user;


--
-- Name: TABLE seizure_record_versions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.seizure_record_versions TO app_user;


--
-- Name: TABLE seizure_records; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.is_published; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(is_published) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.share_parties; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(share_parties) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.share_iccwc; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(share_iccwc) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.share_etis; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(share_etis) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.version; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(version) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.seizure_date; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(seizure_date) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.date_precision; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(date_precision) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.seizing_agency; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(seizing_agency) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.taxon_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(taxon_id) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.taxon_name; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(taxon_name) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.appendix; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(appendix) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.term_code; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(term_code) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.quantity; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(quantity) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.unit_code; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(unit_code) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.quantity_kg; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(quantity_kg) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.quantity_count; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(quantity_count) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.reason; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(reason) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.location_type; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(location_type) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.location_name; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(location_name) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.detection_method; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(detection_method) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.transport_mode; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(transport_mode) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.seizure_country; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(seizure_country) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.origin_country; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(origin_country) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.export_country; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(export_country) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.transit_countries; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(transit_countries) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.destination_country; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(destination_country) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.offender_nationalities; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(offender_nationalities) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.additional_info; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(additional_info) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.is_elephant; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(is_elephant) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.fingerprint; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(fingerprint) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(updated_by) ON TABLE public.seizure_records TO app_user;


--
-- Name: COLUMN seizure_records.updated_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(updated_at) ON TABLE public.seizure_records TO app_user;


--
-- Name: TABLE sessions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sessions TO app_user;


--
-- Name: TABLE sign_in_failures; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.sign_in_failures TO app_user;


--
-- Name: TABLE taxa; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.taxa TO app_user;


--
-- Name: TABLE taxon_names; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.taxon_names TO app_user;


--
-- Name: TABLE terms_acceptances; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.terms_acceptances TO app_user;


--
-- Name: TABLE terms_versions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.terms_versions TO app_user;


--
-- Name: TABLE user_preferences; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.user_preferences TO app_user;


--
-- Name: COLUMN user_preferences.access_receipt_summary; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(access_receipt_summary) ON TABLE public.user_preferences TO app_user;


--
-- Name: COLUMN user_preferences.updated_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(updated_at) ON TABLE public.user_preferences TO app_user;


--
-- Name: TABLE users; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.users TO app_user;


--
-- Name: TABLE webauthn_challenges; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.webauthn_challenges TO app_user;


--
-- PostgreSQL database dump complete
--


