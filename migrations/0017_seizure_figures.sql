-- Why: the dashboards add up every record an actor may see: a million for the Secretariat, 600,000 for ICCWC
-- partners. Reading them for every chart costs one to two seconds, against a target of 300 ms (DESIGN §5). Since
-- every actor holds exactly one audience (migration 0016), the figures of each audience can be kept ready: counts,
-- specimens and kilograms per dimension value, per audience. Triggers keep them in the same transaction as the
-- records, so a figure never counts a record its reader may not see, not even for a moment (a changed sharing
-- answer moves the record's figures between audiences in the statement that changes it).
--
-- Rows are deltas: each statement that writes records appends the sums of what it added (+) and removed (-), and
-- app_compact_seizure_figures() folds them into one row per (audience, dimension, key). Appending never waits for
-- another writer, so imports and corrections do not queue behind each other on shared totals.

create table seizure_figures (
  audience text not null,
  -- total, year, month, term, unit, appendix, party, detectionMethod, transportMode, locationType, taxon,
  -- seizure, origin, export, destination, transit, nationality, route
  dimension text not null,
  -- The value (null: not given; a route is 'origin>destination'; a taxon its id).
  key text,
  records bigint not null,
  specimens numeric not null,
  kg numeric not null
);
create index seizure_figures_audience_idx on seizure_figures (audience, dimension);

-- Security: an actor reads the figures of its own audience only; only the triggers and compaction write.
alter table seizure_figures enable row level security;
create policy seizure_figures_read on seizure_figures for select to app_user
  using (audience = (select app_actor_audience()));
grant select on seizure_figures to app_user;

-- The statement that adds the figures of a set of records to seizure_figures. `source` is a query of rows of
-- seizure_records with a column `sign` (+1 for records added, -1 for records removed). Each record counts once per
-- audience that may see it, under each dimension of the dashboards and facets. Used by the triggers and by the
-- first fill below, so the figures have one definition.
create function app_seizure_figures_statement(source text) returns text
  language sql immutable
  as $fn$
    select format($sql$
      insert into seizure_figures (audience, dimension, key, records, specimens, kg)
      select a.audience, d.dimension, d.key, sum(r.sign), coalesce(sum(r.sign * r.quantity_count), 0),
             coalesce(sum(r.sign * r.quantity_kg), 0)
        from (%s) r
       cross join lateral unnest(r.visibility_keys) as a(audience)
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
      having sum(r.sign) <> 0 or coalesce(sum(r.sign * r.quantity_count), 0) <> 0
          or coalesce(sum(r.sign * r.quantity_kg), 0) <> 0
    $sql$, source)
  $fn$;

-- Moves the figures with the records, in the statement that changes them. Runs as the owner (security definer):
-- app_user may not write figures, but its record writes must move them.
create function app_seizure_figures_apply() returns trigger
  language plpgsql security definer set search_path = public, pg_temp
  as $$
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

-- A trigger with transition tables may name one event only.
create trigger seizure_figures_insert after insert on seizure_records
  referencing new table as new_rows for each statement execute function app_seizure_figures_apply();
create trigger seizure_figures_update after update on seizure_records
  referencing new table as new_rows old table as old_rows
  for each statement execute function app_seizure_figures_apply();
create trigger seizure_figures_delete after delete on seizure_records
  referencing old table as old_rows for each statement execute function app_seizure_figures_apply();

-- Folds the deltas into one row per (audience, dimension, key). Rows appended by transactions still open are not
-- seen, so they stay as deltas; one compaction at a time (advisory lock).
create function app_compact_seizure_figures() returns void
  language plpgsql security definer set search_path = public, pg_temp
  as $$
  begin
    perform pg_advisory_xact_lock(hashtext('seizure_figures'));
    with folded as (delete from seizure_figures returning *)
    insert into seizure_figures (audience, dimension, key, records, specimens, kg)
    select audience, dimension, key, sum(records), sum(specimens), sum(kg)
      from folded group by 1, 2, 3
     having sum(records) <> 0 or sum(specimens) <> 0 or sum(kg) <> 0;
  end
  $$;
revoke all on function app_compact_seizure_figures() from public;
grant execute on function app_compact_seizure_figures() to app_user;

-- The records stored before this migration.
do $$ begin execute app_seizure_figures_statement('select 1 as sign, * from seizure_records'); end $$;
