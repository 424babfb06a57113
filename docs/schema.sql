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
-- Name: app_actor_id(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ select nullif(current_setting('app.actor_id', true), '')::uuid $$;


--
-- Name: app_actor_is_secretariat_admin(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_is_secretariat_admin() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    select app_actor_kind() = 'user' and app_actor_org_kind() = 'secretariat' and app_actor_role() = 'admin'
  $$;


--
-- Name: app_actor_kind(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_kind() RETURNS text
    LANGUAGE sql STABLE
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
    LANGUAGE sql STABLE
    AS $$ select nullif(current_setting('app.actor_org_kind', true), '') $$;


--
-- Name: app_actor_party(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_party() RETURNS text
    LANGUAGE sql STABLE
    AS $$ select nullif(current_setting('app.actor_party', true), '') $$;


--
-- Name: app_actor_role(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_actor_role() RETURNS text
    LANGUAGE sql STABLE
    AS $$ select nullif(current_setting('app.actor_role', true), '') $$;


--
-- Name: audit_events_refuse_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_events_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
  begin
    raise exception 'audit_events is append-only: % is not allowed', tg_op
      using errcode = 'insufficient_privilege';
  end
  $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_chain_head; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_chain_head (
    singleton boolean DEFAULT true NOT NULL,
    seq bigint NOT NULL,
    hash text NOT NULL,
    CONSTRAINT audit_chain_head_singleton_check CHECK (singleton)
);


--
-- Name: audit_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_events (
    seq bigint NOT NULL,
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
    prev_hash text NOT NULL,
    hash text NOT NULL,
    CONSTRAINT audit_events_actor_kind_check CHECK ((actor_kind = ANY (ARRAY['user'::text, 'system'::text, 'anonymous'::text])))
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


--
-- Name: rate_limit_hits; Type: TABLE; Schema: public; Owner: -
--

CREATE UNLOGGED TABLE public.rate_limit_hits (
    key text NOT NULL,
    window_started_at timestamp with time zone NOT NULL,
    hits integer NOT NULL
);


--
-- Name: reference_seeds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reference_seeds (
    name text NOT NULL,
    checksum text NOT NULL,
    loaded_at timestamp with time zone DEFAULT now() NOT NULL
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
    ADD CONSTRAINT audit_events_pkey PRIMARY KEY (seq);


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
-- Name: rate_limit_hits rate_limit_hits_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rate_limit_hits
    ADD CONSTRAINT rate_limit_hits_pkey PRIMARY KEY (key);


--
-- Name: reference_seeds reference_seeds_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reference_seeds
    ADD CONSTRAINT reference_seeds_pkey PRIMARY KEY (name);


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
-- Name: audit_events_action_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_events_action_idx ON public.audit_events USING btree (action, occurred_at);


--
-- Name: audit_events_actor_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_events_actor_idx ON public.audit_events USING btree (actor_id, occurred_at);


--
-- Name: rate_limit_hits_window_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rate_limit_hits_window_idx ON public.rate_limit_hits USING btree (window_started_at);


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
-- Name: audit_events audit_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON public.audit_events FOR EACH STATEMENT EXECUTE FUNCTION public.audit_events_refuse_change();


--
-- Name: audit_events audit_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_events_no_update BEFORE DELETE OR UPDATE ON public.audit_events FOR EACH ROW EXECUTE FUNCTION public.audit_events_refuse_change();


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
-- Name: rate_limit_hits; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.rate_limit_hits ENABLE ROW LEVEL SECURITY;

--
-- Name: reference_seeds; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.reference_seeds ENABLE ROW LEVEL SECURITY;

--
-- Name: reference_seeds reference_seeds_maintain; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reference_seeds_maintain ON public.reference_seeds TO app_user USING (public.app_actor_maintains_reference()) WITH CHECK (public.app_actor_maintains_reference());


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
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO app_user;


--
-- Name: TABLE audit_chain_head; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,UPDATE ON TABLE public.audit_chain_head TO app_user;


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
-- Name: TABLE reference_seeds; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.reference_seeds TO app_user;


--
-- Name: TABLE taxa; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.taxa TO app_user;


--
-- Name: TABLE taxon_names; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.taxon_names TO app_user;


--
-- PostgreSQL database dump complete
--


