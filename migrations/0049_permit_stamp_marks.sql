-- Why: blank permit forms carry pre-printed security stamps (box 5b); when a Management Authority loses a batch of
-- them, or one is stolen, any permit later written on one of those stamps is a forgery whatever else it says
-- (issue 16, item 5). A mark covers a range of stamp numbers of one issuing Party, from–to, with the day and a
-- note; every later lookup whose stamp falls in a marked range shows the red flag (lookup-permit.ts).
-- A stamp number is matched as the registry matches it (permitNumberKey: upper case, no spaces, dashes, slashes,
-- dots or underscores) and split into the letters before its number and the number itself: "CH 0012345" is
-- prefix 'CH', number 12345. A range names one prefix.
-- Who may do what (the permits' rules of migrations/0038):
--   * mark a range: the issuing Party's Management Authority, the Secretariat's data officers, the platform;
--   * read the marks: enforcement users (they are what a lookup answers with) and the issuing Party's writers.

create table permit_stamp_marks (
  id bigint generated always as identity primary key,
  issuing_country char(2) not null references countries (code) on delete restrict,
  stamp_from text not null check (length(stamp_from) between 1 and 100),
  stamp_to text not null check (length(stamp_to) between 1 and 100),
  prefix text not null default '',
  first_no bigint not null check (first_no >= 0),
  last_no bigint not null,
  status text not null check (status in ('lost', 'stolen')),
  marked_on date not null,
  note text not null default '',
  user_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  check (last_no >= first_no),
  -- A range of a million stamps is a typing slip, not a lost batch.
  check (last_no - first_no < 1000000)
);
create index permit_stamp_marks_range_idx on permit_stamp_marks (issuing_country, prefix, first_no, last_no);

alter table permit_stamp_marks enable row level security;
alter table permit_stamp_marks force row level security;

create policy permit_stamp_marks_read on permit_stamp_marks for select to app_user
  using (app_actor_verifies_permits() or app_actor_writes_permits_of(issuing_country));
create policy permit_stamp_marks_insert on permit_stamp_marks for insert to app_user
  with check (app_actor_writes_permits_of(issuing_country) and (app_actor_is_system() or user_id = app_actor_id()));

grant select, insert on permit_stamp_marks to app_user;
