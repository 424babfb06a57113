-- Why: under row-level security PostgreSQL uses a condition as an index condition only when its operator is
-- LEAKPROOF (ARCHITECTURE "Under row-level security"), and pg_trgm's `%` is not: a species name not found exactly
-- scanned all 55,000 names of the full Species+ checklist — 150 to 800 ms a name as app_user against 5 to 25 ms
-- through the trigram index, so a 773-row file of free-text names took 33 s to check. The checklist's names are
-- readable by everyone (policy taxon_names_read is `true`), so a function that reads them past the policies shows
-- no caller anything it could not read row by row. Owned by the migrations' superuser (README), it is planned
-- without the policies and uses taxon_names_trgm_idx. The caller sets pg_trgm.similarity_threshold first.
create function app_near_taxon_names(q text)
  returns table (taxon_id bigint, name text, kind text, normalized text)
  language sql stable security definer set search_path = public
  rows 20
  as $$
    select tn.taxon_id, tn.name, tn.kind, tn.normalized from taxon_names tn where tn.normalized % q
  $$;
grant execute on function app_near_taxon_names(text) to app_user;
