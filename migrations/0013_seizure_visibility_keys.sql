-- Why: under row-level security PostgreSQL may use a query's own conditions as index conditions only when their
-- operators are leakproof, and array containment (`concerned_parties @> …`) and the sort-date expression are not.
-- With 0012's policy every Party search therefore read the whole table (4 s on a million records). This migration
-- states the same rule in a form the policy itself can take to an index: each record lists the "keys" under which
-- it may be seen (a generated column, derived from the record's own columns and never typed), the actor has a set
-- of keys, and the policy is one overlap of the two, served by a GIN index. The rule is unchanged; the property
-- test holds this policy, visibleTo and app_can_see_seizure to the same reference.

-- 'codes' → {'prefix:code', …}: immutable, so a generated column may use it.
create function app_prefixed_codes(prefix text, codes char(2)[]) returns text[]
  language sql immutable parallel safe
  as $$ select coalesce(array_agg(prefix || code), '{}') from unnest(codes) as code where code is not null $$;

-- The keys under which a record may be seen, clause by clause of DESIGN §2:
--   'all'                     1. the Secretariat (and the platform's own jobs) see every record;
--   'own:P'                   2. the reporting Party's focal points and reporters, published or not;
--   'own-published:P'         2. every body of the reporting Party, once published;
--   'iccwc'                   3. ICCWC partners, once published, when shared with ICCWC;
--   'concerned:C'             4. a body of each concerned Party C, once published, when shared with Parties.
alter table seizure_records add column visibility_keys text[] generated always as (
  array['all', 'own:' || reporting_party]
  || case when is_published then array['own-published:' || reporting_party] else '{}'::text[] end
  || case when is_published and share_iccwc then array['iccwc'] else '{}'::text[] end
  || case when is_published and share_parties then
       app_prefixed_codes('concerned:',
         array[seizure_country, origin_country, export_country, destination_country]
         || transit_countries || offender_nationalities)
     else '{}'::text[] end
) stored;
create index seizure_records_visibility_idx on seizure_records using gin (visibility_keys);

-- The keys the acting user holds (none without ITD access, for igo users, for anyone not signed in).
create function app_actor_visibility_keys() returns text[]
  language sql stable parallel safe
  as $$
    select case
      when app_actor_kind() = 'system' then array['all']
      when app_actor_kind() <> 'user' or not app_actor_has_itd() then '{}'::text[]
      when app_actor_org_kind() = 'secretariat' then array['all']
      when app_actor_org_kind() = 'iccwc' then array['iccwc']
      when app_actor_org_kind() = 'party' and app_actor_party() is not null then
        array[case when app_actor_role() in ('focal_point', 'reporter') then 'own:' else 'own-published:' end
                || app_actor_party(),
              'concerned:' || app_actor_party()]
      else '{}'::text[]
    end
  $$;

-- Security: the policy of 0012, restated as one overlap; the actor's keys are computed once per query.
drop policy seizure_records_read on seizure_records;
create policy seizure_records_read on seizure_records for select to app_user
  using (visibility_keys && (select app_actor_visibility_keys()));
