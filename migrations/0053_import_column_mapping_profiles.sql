-- Why: a file that is not our template (an NGO compilation, a national spreadsheet, another database's export)
-- was read through one of two mappings written in code, or not at all: columns the importer did not know went
-- unmapped with nobody deciding. The reviewer now maps each source column to a field, to "keep in additional
-- information" or to "ignore", and may keep that mapping as a named profile, offered again for files with the same
-- headers. The two compilations the platform already knew (EIA, C4ADS) become such profiles, as data.
create table import_mapping_profiles (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  -- The Party whose people keep and see the profile; null for a profile every importer is offered (the
  -- Secretariat's, and the seeded ones).
  party char(2) references countries (code) on delete cascade,
  description text not null default '',
  -- Headers (compared without case, accents or punctuation) that must all be in a file's header row.
  signature text[] not null,
  -- A reviewer's profile names every header of the file it was made on: offered only for the same headers.
  is_exact boolean not null default false,
  -- How the columns become the template's (read/row-mapping.ts MappingProfile, without name and signature).
  definition jsonb not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index import_mapping_profiles_name_idx on import_mapping_profiles (coalesce(party, '--'), lower(name));

-- Who may see and keep a profile: a Party's own importers for a Party's profile; everyone who may import for a
-- shared one, which only the Secretariat's importers (or the system) may write. app_can_write_report(null, …) is
-- true for the Secretariat's data officers and admins and false for a Party's people.
alter table import_mapping_profiles enable row level security;
alter table import_mapping_profiles force row level security;
create policy import_mapping_profiles_read on import_mapping_profiles for select to app_user
  using (app_can_write_report(coalesce(party, app_actor_party()), false));
create policy import_mapping_profiles_insert on import_mapping_profiles for insert to app_user
  with check (app_can_write_report(party, false));
create policy import_mapping_profiles_update on import_mapping_profiles for update to app_user
  using (app_can_write_report(party, false)) with check (app_can_write_report(party, false));
grant select, insert, update on import_mapping_profiles to app_user;

insert into import_mapping_profiles (name, description, signature, definition) values
  ('eia-pangolin-incidents', 'EIA pangolin seizure incidents (Taxon, Country, weights of scales and whole animals)', array['Taxon', 'Type of Incident', 'Country', 'Whole pangolins (live + dead OR reported without details)']::text[],
   '{"columns": {"Date of seizure": {"from": ["Date", "Year"], "first": true}, "Species": {"from": ["Taxon"], "values": {"Pangolin": "Manidae", "Pangolins": "Manidae"}}, "Location": {"from": ["Location"]}, "Country of seizure": {"from": ["Country"]}, "Mode of transport": {"from": ["Transit type"]}, "Country of origin": {"from": ["Origin"]}, "Country of export": {"from": ["Via (coming from, before seized)"]}, "Countries of transit": {"from": ["Outbound (going to, before seized)"]}, "Country of destination": {"from": ["Destination"]}, "Additional information": {"from": ["Name of incident", "Description of incident", "Method of Concealment (MoC)", "MoC Description"], "join": " | "}}, "quantities": [{"when": "Live number", "group": "whole", "set": {"Quantity": {"copy": "Live number"}, "Unit": "", "Description of specimen": "LIV"}}, {"when": "Whole pangolins (live + dead OR reported without details)", "group": "whole", "set": {"Quantity": {"copy": "Whole pangolins (live + dead OR reported without details)"}, "Unit": "", "Description of specimen": "BOD"}}, {"when": "Reported weight (kg)", "group": "whole", "set": {"Quantity": {"copy": "Reported weight (kg)"}, "Unit": "KIL", "Description of specimen": "BOD"}}, {"when": "Scales weight (kg). Indicate \"Y\" if seized, but no weight given", "group": "scales", "set": {"Quantity": {"copy": "Scales weight (kg). Indicate \"Y\" if seized, but no weight given"}, "Unit": "KIL", "Description of specimen": "SCA"}}]}'::jsonb),
  ('c4ads-routes-airport-seizures', 'C4ADS ROUTES airport seizures (Database, City/Country, Weight, Number)', array['Database', 'City, Country', 'Weight (kg)', 'Obfuscation Method']::text[],
   '{"columns": {"Date of seizure": {"from": ["Date", "Year"], "first": true}, "Species": {"from": ["Species", "Database"], "first": true, "values": {"Ivory": "Elephantidae", "Rhino Horn": "Rhinocerotidae", "Birds": "Aves", "Reptiles": "Reptilia"}}, "Description of specimen": {"from": ["Database"], "values": {"Ivory": "IVP", "Rhino Horn": "HOR", "Birds": "LIV", "Reptiles": "LIV"}}, "Location type": {"from": [], "otherwise": "Airport"}, "Location": {"from": ["Location", "City, Country"], "join": ", "}, "Country of seizure": {"from": ["City, Country"]}, "Country of origin": {"from": ["Origin"]}, "Countries of transit": {"from": ["Transit"]}, "Country of destination": {"from": ["Destination"]}, "Mode of transport": {"from": ["Mode of Transport"]}, "Detection method": {"from": ["Method of Detection"]}, "Additional information": {"from": ["Obfuscation Method", "Airline"], "join": " | "}}, "quantities": [{"when": "Number", "set": {"Quantity": {"copy": "Number"}, "Unit": ""}}, {"when": "Weight (kg)", "set": {"Quantity": {"copy": "Weight (kg)"}, "Unit": "KIL"}}]}'::jsonb);

-- A batch remembers its file's header row and how each column was decided, so the reviewer can map the columns
-- again from the staged source cells (source_cells, 0046) without the file being read twice.
alter table import_batches
  add column source_headers text[] not null default '{}',
  add column profile_name text,
  -- [{ "header": …, "to": <template column> | "extra" | "ignore" }], one per source header.
  add column column_decisions jsonb not null default '[]',
  add column mapping_decided_by text,
  add column mapping_decided_at timestamptz;

-- A new mapping changes which source cells are kept as additional information: `extra` follows the decision
-- (what the file wrote stays in source_cells, which is still never updated).
grant update (extra) on import_rows to app_user;
