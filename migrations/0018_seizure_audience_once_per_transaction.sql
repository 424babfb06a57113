-- Why: the planner could not see how many records an actor may see. The policy of migration 0016 compared the
-- records' audiences with "(select app_actor_visibility_keys())", a sub-select whose value is known only when the
-- query runs, so PostgreSQL guessed 0.5% of the table for every actor: 5,000 rows for the Secretariat, who sees a
-- million, and for ICCWC partners, who see 840,000. With that guess it chose bitmap scans of the whole table for
-- searches that walking the sort-date index answers in milliseconds (a 50-row page for ICCWC: 550 ms, now 12 ms).
--
-- withActor now sets the actor's audience once, as the transaction-local setting app.actor_audience, computed by
-- app_audience_of from the same values it sets for the other actor settings; the policy reads that setting.
-- current_setting is stable, so the planner reads the value when estimating and uses the column's statistics of
-- audiences. The rule is unchanged (the property test holds it to the reference). The country overlap &&& gets the
-- generic estimator that applies the operator to the column's statistics, instead of a fixed 0.1%.

-- The one audience of an actor described by withActor's settings (null: no ITD record at all).
create function app_audience_of(kind text, org_kind text, party text, role text, has_itd text) returns text
  language sql immutable parallel safe
  as $$
    select case
      when kind = 'system' then 'all'
      when kind <> 'user' or coalesce(has_itd, '') <> 'true' then null
      when org_kind = 'secretariat' then 'all'
      when org_kind = 'iccwc' then 'iccwc'
      when org_kind = 'party' and nullif(party, '') is not null then
        case when role in ('focal_point', 'reporter') then 'preparer:' else 'reader:' end || party
    end
  $$;

create or replace function app_actor_audience() returns text
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.actor_audience', true), '') $$;

-- Security: the sharing rule: the record lists the actor's audience. Unset, the setting matches no record.
drop policy seizure_records_read on seizure_records;
create policy seizure_records_read on seizure_records for select to app_user
  using (visibility_keys && array[current_setting('app.actor_audience', true)]);
drop function app_actor_visibility_keys();

drop policy seizure_figures_read on seizure_figures;
create policy seizure_figures_read on seizure_figures for select to app_user
  using (audience = current_setting('app.actor_audience', true));

alter operator &&& (char(2)[], char(2)[]) set (restrict = matchingsel, join = matchingjoinsel);
