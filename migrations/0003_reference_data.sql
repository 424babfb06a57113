-- Why: one set of reference data serves both halves of the platform (DESIGN §3): countries, CITES
-- codes with their unit conversions, and the species checklist with every name a person may write
-- (accepted names, synonyms, common names) so the resolver can find a taxon from any of them.
-- Everyone may read it; only the platform's jobs and Secretariat maintainers may change it.

create table countries (
  code char(2) primary key check (code ~ '^[A-Z]{2}$'),
  kind text not null check (kind in ('country', 'territory', 'special')),
  is_cites_party boolean not null,
  name_en text not null,
  name_fr text not null,
  name_es text not null
);

create table cites_codes (
  kind text not null check (kind in ('term', 'unit', 'purpose', 'source')),
  code text not null check (code ~ '^[A-Z]{1,3}$'),
  label_en text not null,
  label_fr text not null,
  label_es text not null,
  base_unit text check (base_unit in ('kg', 'm', 'm2', 'm3', 'count')),
  factor numeric check (factor > 0),
  primary key (kind, code),
  check ((base_unit is null) = (factor is null))
);

create table taxa (
  id bigint generated always as identity primary key,
  speciesplus_id integer unique,
  name text not null,
  rank text not null check (rank in ('KINGDOM', 'PHYLUM', 'CLASS', 'ORDER', 'FAMILY', 'SUBFAMILY',
                                      'GENUS', 'SPECIES', 'SUBSPECIES', 'VARIETY')),
  parent_id bigint references taxa (id) on delete restrict,
  -- Ids from the kingdom down to this taxon itself: "everything below X" is lineage @> {X}.
  lineage bigint[] not null default '{}',
  author text,
  appendix text,
  -- Names are unique within a kingdom only: Pholidota is both the pangolins' order and an orchid genus.
  kingdom text not null,
  phylum text,
  class_name text,
  order_name text,
  family text,
  genus text,
  is_cites_accepted boolean not null default true,
  distribution text[] not null default '{}',
  source text not null check (source in ('starter', 'speciesplus', 'implied')),
  updated_at timestamptz not null default now(),
  unique (kingdom, name)
);
create index taxa_parent_idx on taxa (parent_id);
create index taxa_name_idx on taxa (name);
create index taxa_lineage_idx on taxa using gin (lineage);

create table taxon_names (
  id bigint generated always as identity primary key,
  taxon_id bigint not null references taxa (id) on delete cascade,
  kind text not null check (kind in ('accepted', 'synonym', 'common')),
  language text check (language in ('en', 'fr', 'es')),
  name text not null,
  -- Lower case, accents removed, spaces folded: what the resolver compares.
  normalized text not null,
  check ((kind = 'common') = (language is not null))
);
create unique index taxon_names_unique_idx on taxon_names (taxon_id, kind, coalesce(language, ''), normalized);
create index taxon_names_normalized_idx on taxon_names (normalized);
create index taxon_names_trgm_idx on taxon_names using gin (normalized gin_trgm_ops);

-- Which version of each shipped reference file was loaded, so start-up reloads only what changed.
create table reference_seeds (
  name text primary key,
  checksum text not null,
  loaded_at timestamptz not null default now()
);

alter table countries enable row level security;
alter table cites_codes enable row level security;
alter table taxa enable row level security;
alter table taxon_names enable row level security;
alter table reference_seeds enable row level security;

create policy countries_read on countries for select to app_user using (true);
create policy countries_maintain on countries for all to app_user
  using (app_actor_maintains_reference()) with check (app_actor_maintains_reference());
create policy cites_codes_read on cites_codes for select to app_user using (true);
create policy cites_codes_maintain on cites_codes for all to app_user
  using (app_actor_maintains_reference()) with check (app_actor_maintains_reference());
create policy taxa_read on taxa for select to app_user using (true);
create policy taxa_maintain on taxa for all to app_user
  using (app_actor_maintains_reference()) with check (app_actor_maintains_reference());
create policy taxon_names_read on taxon_names for select to app_user using (true);
create policy taxon_names_maintain on taxon_names for all to app_user
  using (app_actor_maintains_reference()) with check (app_actor_maintains_reference());
create policy reference_seeds_maintain on reference_seeds for all to app_user
  using (app_actor_maintains_reference()) with check (app_actor_maintains_reference());

grant select, insert, update, delete on countries, cites_codes, taxa, taxon_names, reference_seeds to app_user;
