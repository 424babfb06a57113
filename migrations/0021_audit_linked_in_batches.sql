-- Why: linking each entry at its own commit (0015) made every audited request take the chain head's lock, update
-- the head and rewrite its entry inside the commit. Under 50 concurrent record reads that work, done one
-- transaction at a time, cost about a quarter of the throughput. From here on (ADR 0010) entries are appended
-- unlinked, and a linker links every committed entry in one transaction, in batches: each server instance calls
-- app_link_audit_entries() every second, and verification calls it first. The entry is still written in the same
-- transaction as the action it records, so it commits or vanishes with it; only its place in the chain comes
-- later. The hash arithmetic is unchanged (scheme 2: sha256(previous hash ‖ seq ‖ ':' ‖ digest)).

drop trigger audit_events_link on audit_events;
drop function audit_events_link();

-- The entries still waiting for their link: a few at any moment, found without reading the log.
create index audit_events_unlinked_idx on audit_events (id) where seq is null;

-- Links up to max_entries committed entries, oldest first, and advances the head; returns how many it linked.
-- Linkers queue on the head's row lock; each then sees only entries the one before it left unlinked.
-- Runs as the owner: app_user appends entries but may not update them or the head.
create function app_link_audit_entries(max_entries integer default 10000) returns integer
  language plpgsql security definer set search_path = public, pg_temp
  as $$
  declare
    head_seq bigint;
    head_hash text;
    entry record;
    linked text;
    n integer := 0;
  begin
    select seq, hash into head_seq, head_hash from audit_chain_head where singleton for update;
    for entry in
      select e.id, e.digest from audit_events e where e.seq is null order by e.id limit max_entries
    loop
      linked := encode(sha256(convert_to(head_hash || (head_seq + 1)::text || ':' || entry.digest, 'UTF8')), 'hex');
      update audit_events set seq = head_seq + 1, prev_hash = head_hash, hash = linked where id = entry.id;
      head_seq := head_seq + 1;
      head_hash := linked;
      n := n + 1;
    end loop;
    if n > 0 then
      update audit_chain_head set seq = head_seq, hash = head_hash where singleton;
    end if;
    return n;
  end
  $$;
revoke all on function app_link_audit_entries(integer) from public;

-- The server no longer advances the head as the acting user.
revoke update on audit_chain_head from app_user;
