-- Why: the server keeps no state of its own (DESIGN §5), so rate-limit counters live in the database
-- where every instance behind a load balancer sees the same count.

create unlogged table rate_limit_hits (
  key text primary key,
  window_started_at timestamptz not null,
  hits integer not null
);
create index rate_limit_hits_window_idx on rate_limit_hits (window_started_at);

-- Counters carry no personal data beyond a network address and are not part of any actor's view:
-- the transport layer updates them outside withActor, as the connection's own role.
alter table rate_limit_hits enable row level security;
