-- Why: under row-level security PostgreSQL may use a query's own condition as an index condition only when the
-- condition's functions are LEAKPROOF (they cannot reveal a row's values through an error). The explorer's most
-- common filters were not: array overlap on countries (a country "in any role", transit, nationality) and the
-- sort-date expression (make_date). Every Party search therefore read all the records the Party may see, one
-- heap page after another (130 ms and more on a million records). This migration:
--   1. gives the record its sort date and year as stored columns, so year and date ranges are plain comparisons;
--   2. adds &&&, the overlap of two lists of country codes, as a LEAKPROOF operator with a GIN operator class, so
--      country filters combine with the sharing rule's index (ADR 0008);
--   3. restates the visibility keys so that every actor holds exactly one key, its "audience": the records an
--      actor may see are exactly the records that list its audience. The rule is unchanged (the property test holds
--      the policy, visibleTo and app_can_see_seizure to the same reference); one key per actor is what lets the
--      figures of each audience be kept ready (migration 0017).
-- Creating a LEAKPROOF function and an operator class needs a superuser: migrations run as the database owner
-- with that right (ADR 0008).

-- 2. Overlap of country-code lists, leakproof: arrayoverlap on char(2) elements compares with bpchareq, which
-- PostgreSQL itself marks leakproof; the element type is fixed by the signature, so no type error can occur.
create function app_country_codes_overlap(char(2)[], char(2)[]) returns boolean
  language internal immutable strict parallel safe leakproof
  as 'arrayoverlap';
create operator &&& (
  leftarg = char(2)[], rightarg = char(2)[], function = app_country_codes_overlap, commutator = &&&,
  restrict = contsel, join = contjoinsel
);
-- GIN over country-code lists that serves &&& (strategy 1 of the array support functions: overlap).
create operator class app_country_codes_ops for type char(2)[] using gin as
  operator 1 &&& (char(2)[], char(2)[]),
  function 1 bpcharcmp(bpchar, bpchar),
  function 2 ginarrayextract(anyarray, internal, internal),
  function 3 ginqueryarrayextract(anyarray, internal, int2, internal, internal, internal, internal),
  function 4 ginarrayconsistent(internal, int2, anyarray, int4, internal, internal, internal, internal),
  function 6 ginarraytriconsistent(internal, int2, anyarray, int4, internal, internal, internal),
  storage bpchar;

-- 3. The audiences that may see a record, clause by clause of DESIGN §2:
--   'all'          1. the Secretariat (and the platform's own jobs);
--   'preparer:P'   2. the focal points and reporters of the reporting Party P, published or not;
--   'reader:P'     2. every other body of P, once published;
--   'iccwc'        3. ICCWC partners, once published, when shared with ICCWC;
--   'reader:C', 'preparer:C'
--                  4. every body of each concerned Party C, once published, when shared with Parties.
create function app_seizure_audiences(
  reporting_party char(2), is_published boolean, share_parties boolean, share_iccwc boolean,
  concerned char(2)[]
) returns text[]
  language sql immutable parallel safe
  as $$
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

-- The acting user's one audience (null: no ITD record at all, e.g. igo users, access not granted, anonymous).
create function app_actor_audience() returns text
  language sql stable parallel safe
  as $$
    select case
      when app_actor_kind() = 'system' then 'all'
      when app_actor_kind() <> 'user' or not app_actor_has_itd() then null
      when app_actor_org_kind() = 'secretariat' then 'all'
      when app_actor_org_kind() = 'iccwc' then 'iccwc'
      when app_actor_org_kind() = 'party' and app_actor_party() is not null then
        case when app_actor_role() in ('focal_point', 'reporter') then 'preparer:' else 'reader:' end
          || app_actor_party()
    end
  $$;
create or replace function app_actor_visibility_keys() returns text[]
  language sql stable parallel safe
  as $$ select case when audience is null then '{}'::text[] else array[audience] end
          from (select app_actor_audience() as audience) actor $$;

drop policy seizure_records_read on seizure_records;
drop index seizure_records_sort_date_idx;
drop index seizure_records_concerned_idx;
alter table seizure_records
  drop column visibility_keys,
  add column visibility_keys text[] generated always as (
    -- The record's countries as in concerned_parties (a generated column may not read another one).
    app_seizure_audiences(reporting_party, is_published, share_parties, share_iccwc,
      array[seizure_country, origin_country, export_country, destination_country]
      || transit_countries || offender_nationalities)
  ) stored,
  -- 1. The date a record sorts and counts by (1 January of the report's year when it has none), and its year.
  add column sort_date date generated always as (coalesce(seizure_date, make_date(report_year, 1, 1))) stored,
  add column seizure_year integer generated always as (
    coalesce(extract(year from seizure_date)::integer, report_year)
  ) stored;

create index seizure_records_visibility_idx on seizure_records using gin (visibility_keys);
create index seizure_records_sort_date_idx on seizure_records (sort_date, id);
create index seizure_records_concerned_idx on seizure_records using gin (concerned_parties app_country_codes_ops);
create index seizure_records_transit_idx on seizure_records using gin (transit_countries app_country_codes_ops);
create index seizure_records_nationality_idx
  on seizure_records using gin (offender_nationalities app_country_codes_ops);

-- Security: the sharing rule, as one overlap of the record's audiences with the actor's (computed once a query).
create policy seizure_records_read on seizure_records for select to app_user
  using (visibility_keys && (select app_actor_visibility_keys()));
