-- Sign-in failures are throttled per account and address, not per account alone (issue 20, item 9): five wrong
-- passwords from one address must not lock an official out for an hour. Each failed password is kept with the
-- address it came from and the address typed (known account or not, so the throttle tells nothing about which
-- addresses have accounts); only the front door reads or writes them. The hard lock on `users` stays for attacks
-- from many addresses or of many attempts.
create table sign_in_failures (
  id bigint generated always as identity primary key,
  email text not null check (email = lower(email)),
  ip_address text not null,
  failed_at timestamptz not null
);
create index sign_in_failures_email_idx on sign_in_failures (email, failed_at);
create index sign_in_failures_address_idx on sign_in_failures (ip_address, failed_at);

alter table sign_in_failures enable row level security;
alter table sign_in_failures force row level security;
create policy sign_in_failures_front_door on sign_in_failures for all to app_user
  using (app_actor_is_system()) with check (app_actor_is_system());
grant select, insert, delete on sign_in_failures to app_user;
create index sign_in_failures_age_idx on sign_in_failures (failed_at);
