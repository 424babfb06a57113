-- Why: every search, chart and record view writes an audit entry, and the chain's one-row head serialises those
-- writers. Linked by the server, each append held the head's row lock from the middle of the transaction to its
-- end: three round trips through a busy event loop, then the commit's disk flush. Reads took turns at a few hundred
-- a second. From here on (scheme 2 of src/server/features/audit/audit-chain.ts, ADR 0007):
--   - the server appends the entry with the digest of its content, and takes no lock;
--   - at commit, a deferred trigger links each entry of the transaction into the chain: it advances the head and
--     writes the entry's seq, the previous hash and its hash. The head's lock is taken inside the commit and held
--     only until the commit ends, with no round trip to the server in between.
-- No other transaction ever sees an unlinked entry: the link is written before the commit makes the entry
-- visible. Entries already written keep scheme 1 and still verify.

alter table audit_events
  add column id bigint generated always as identity,
  add column scheme smallint not null default 1 check (scheme in (1, 2)),
  -- sha256 of the canonical JSON of the entry's content (scheme 2), computed by the server.
  add column digest text,
  drop constraint audit_events_pkey,
  alter column seq drop not null,
  alter column prev_hash drop not null,
  alter column hash drop not null;
alter table audit_events add primary key (id);
alter table audit_events alter column scheme set default 2;
create unique index audit_events_seq_idx on audit_events (seq);
-- Scheme 2 entries carry their digest; every entry is linked by the end of its transaction.
alter table audit_events add constraint audit_events_digest_check check (scheme = 1 or digest is not null);

-- The one change an entry ever undergoes: its link, written once, at the commit of the transaction that wrote it.
create or replace function audit_events_refuse_change() returns trigger
  language plpgsql
  as $$
  begin
    if tg_op = 'UPDATE' and old.seq is null and old.hash is null and new.seq is not null and new.hash is not null
       and (new.id, new.occurred_at, new.actor_kind, new.actor_id, new.actor_label, new.action, new.target_type,
            new.target_id, new.details, new.ip_address, new.request_id, new.scheme, new.digest)
           is not distinct from
           (old.id, old.occurred_at, old.actor_kind, old.actor_id, old.actor_label, old.action, old.target_type,
            old.target_id, old.details, old.ip_address, old.request_id, old.scheme, old.digest) then
      return new;
    end if;
    raise exception 'audit_events is append-only: % is not allowed', tg_op
      using errcode = 'insufficient_privilege';
  end
  $$;

-- Links one entry: hash = sha256(previous hash ‖ seq ‖ ':' ‖ digest), the arithmetic of audit-chain.ts linkHash.
-- Runs as the owner: app_user appends entries but may not update them or the head.
create function audit_events_link() returns trigger
  language plpgsql security definer set search_path = public, pg_temp
  as $$
  declare
    head record;
    linked text;
  begin
    select seq, hash into head from audit_chain_head where singleton for update;
    linked := encode(sha256(convert_to(head.hash || (head.seq + 1)::text || ':' || new.digest, 'UTF8')), 'hex');
    update audit_chain_head set seq = head.seq + 1, hash = linked where singleton;
    update audit_events set seq = head.seq + 1, prev_hash = head.hash, hash = linked where id = new.id;
    return null;
  end
  $$;
create constraint trigger audit_events_link after insert on audit_events
  deferrable initially deferred for each row when (new.scheme = 2)
  execute function audit_events_link();
