-- Why: the ITD sharing rule (DESIGN §2) is checked on every row of every search, count and chart, over a million
-- records. The policy of 0007 states the rule correctly but reads the actor's settings through function calls on
-- every row and marks nothing parallel safe, so an aggregate over all records costs seconds and never runs in
-- parallel. This migration states the same rule with each actor setting read once per query (an InitPlan), lets
-- PostgreSQL run the record queries in parallel, and adds the indexes the explorer's query shapes need
-- (src/server/features/seizures/seizures.repo.ts holds that SQL).

-- The actor's settings are transaction-local GUCs, which parallel workers receive from the leader; reading them is
-- safe in a worker (set_config, which writes them, stays parallel unsafe).
alter function app_actor_kind() parallel safe;
alter function app_actor_id() parallel safe;
alter function app_actor_org_kind() parallel safe;
alter function app_actor_party() parallel safe;
alter function app_actor_role() parallel safe;
alter function app_actor_has_itd() parallel safe;
alter function app_can_see_seizure(char(2), boolean, boolean, boolean, char(2)[]) parallel safe;

-- Security: the rule of DESIGN §2, clause by clause, as in app_can_see_seizure (kept for checks of one row; the
-- property test holds the policy, the function and the server's visibleTo to one reference). Each
-- "(select app_actor_…())" is evaluated once per query, not once per row.
drop policy seizure_records_read on seizure_records;
create policy seizure_records_read on seizure_records for select to app_user
  using (
    (select app_actor_kind()) = 'system'
    or ((select app_actor_kind()) = 'user' and (select app_actor_has_itd()) and (
          -- 1. the Secretariat sees every record, published or not
          (select app_actor_org_kind()) = 'secretariat'
          -- 2. a body of the reporting Party; before publication only its focal points and reporters
       or ((select app_actor_org_kind()) = 'party'
           and reporting_party = (select app_actor_party())::char(2)
           and (is_published or (select app_actor_role()) in ('focal_point', 'reporter')))
          -- 3. ICCWC partners, when the Party shares with ICCWC
       or (is_published and (select app_actor_org_kind()) = 'iccwc' and share_iccwc)
          -- 4. a concerned Party, when the Party shares with Parties
       or (is_published and (select app_actor_org_kind()) = 'party' and share_parties
           and concerned_parties @> array[(select app_actor_party())::char(2)])
    ))
  );

-- Query shapes of the explorer. Keyset pages walk (sort date, id); a record without a date sorts on 1 January of
-- its report's year, the same expression as in seizures.repo.ts.
create index seizure_records_sort_date_idx
  on seizure_records ((coalesce(seizure_date, make_date(report_year, 1, 1))), id);
create index seizure_records_kg_idx on seizure_records ((coalesce(quantity_kg, -1)), id);
create index seizure_records_origin_idx on seizure_records (origin_country);
create index seizure_records_destination_idx on seizure_records (destination_country);
create index seizure_records_seizure_country_idx on seizure_records (seizure_country);
create index seizure_records_term_idx on seizure_records (term_code);
