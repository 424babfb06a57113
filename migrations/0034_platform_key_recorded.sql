-- Why: a server started with another platform key than the one that sealed the second factors and group files
-- (a restore onto a new machine without the key file) created a new key quietly, after which every second factor
-- and every group file answered 500. The id of the key that sealed the stored secrets (a one-way fingerprint, never
-- the key) is recorded here at first start; a server whose key has another id refuses to start and names the id it
-- expected. `itd keys rotate` re-seals every secret and changes the id in the same transaction. Backups carry this
-- row, so a backup says which key it needs. Only the owner's connection (start, commands) reads or writes it.
create table platform_key (
  singleton boolean primary key default true check (singleton),
  key_id text not null check (key_id ~ '^k1-[0-9a-f]{16}$'),
  recorded_at timestamptz not null default now()
);
alter table platform_key enable row level security;
alter table platform_key force row level security;
create policy platform_key_closed on platform_key for all to app_user using (false) with check (false);
