-- Why: every search, chart and record view writes an audit entry, and the chain's one-row head serialises those
-- writers. Linked by the server, each append held the head's row lock across three round trips and a disk flush,
-- so reads took turns at a few hundred a second. From here on the database links each entry in the statement that
-- appends it (scheme 2 of src/server/features/audit/audit-chain.ts, ADR 0007): the head remembers the hash it
-- replaced so the new entry can name it. Entries already written keep scheme 1 and still verify.

alter table audit_events add column scheme smallint not null default 1 check (scheme in (1, 2));
alter table audit_events alter column scheme set default 2;
alter table audit_chain_head add column prev_hash text;
