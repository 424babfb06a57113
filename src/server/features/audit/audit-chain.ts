/**
 * The audit chain's arithmetic, free of any database: how an entry is hashed and how a sequence of
 * entries is checked. Two schemes (ADR 0007, ADR 0010):
 *   1. hash = sha256(previous hash + canonical JSON of seq and the entry's fields), linked by the server;
 *   2. hash = sha256(previous hash + seq + ':' + sha256(canonical JSON of the entry's fields)), linked by the
 *      database after the writing transaction has committed, in batches (app_link_audit_entries,
 *      migrations/0021), so no request waits for the chain's one lock.
 */
import { createHash } from 'node:crypto';

export interface ChainedEntry {
  seq: number;
  occurredAt: string;
  actorKind: 'user' | 'system' | 'anonymous';
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ipAddress: string | null;
  requestId: string | null;
  prevHash: string;
  scheme: 1 | 2;
}

/** The fields an entry's hash covers, apart from its place in the chain (seq, previous hash). */
export type EntryContent = Omit<ChainedEntry, 'seq' | 'prevHash' | 'scheme'>;

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The entry's content in the order both schemes hash it. */
function contentFields(entry: EntryContent): unknown[] {
  return [
    entry.occurredAt,
    entry.actorKind,
    entry.actorId,
    entry.actorLabel,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.details,
    entry.ipAddress,
    entry.requestId,
  ];
}

/** What scheme 2 hands to the database: the digest of the entry's content. */
export function contentDigest(entry: EntryContent): string {
  return sha256(canonicalJson(contentFields(entry)));
}

/** Scheme 2's link, the same arithmetic as the SQL of app_link_audit_entries (migrations/0021). */
export function linkHash(prevHash: string, seq: number, digest: string): string {
  return sha256(`${prevHash}${seq}:${digest}`);
}

export function hashEntry(entry: ChainedEntry): string {
  if (entry.scheme === 2) return linkHash(entry.prevHash, entry.seq, contentDigest(entry));
  const content = canonicalJson([entry.seq, ...contentFields(entry)]);
  return createHash('sha256').update(entry.prevHash).update(content).digest('hex');
}

export type ChainProblem =
  | { kind: 'edited'; seq: number }
  | { kind: 'missing'; afterSeq: number; expectedSeq: number }
  | { kind: 'out_of_order'; seq: number }
  | { kind: 'head_mismatch'; headSeq: number; lastSeq: number };

export interface ChainVerdict {
  entriesChecked: number;
  problems: ChainProblem[];
}
export interface ChainLink {
  seq: number;
  hash: string;
}
export const CHAIN_START: ChainLink = { seq: 0, hash: GENESIS_HASH };

/**
 * Walks entries in storage order (by seq) from the link before them, and reports every break: a row
 * whose content no longer matches its hash (edited), a gap in seq (deleted), or a prev_hash that
 * points elsewhere (reordered or replaced).
 */
export function verifySegment(
  entries: Iterable<ChainedEntry & { hash: string }>,
  start: ChainLink,
): { problems: ChainProblem[]; last: ChainLink; checked: number } {
  const problems: ChainProblem[] = [];
  let previous = start;
  let checked = 0;
  for (const entry of entries) {
    checked++;
    if (hashEntry(entry) !== entry.hash) problems.push({ kind: 'edited', seq: entry.seq });
    if (entry.seq !== previous.seq + 1) {
      problems.push({ kind: 'missing', afterSeq: previous.seq, expectedSeq: previous.seq + 1 });
    } else if (entry.prevHash !== previous.hash) {
      problems.push({ kind: 'out_of_order', seq: entry.seq });
    }
    previous = { seq: entry.seq, hash: entry.hash };
  }
  return { problems, last: previous, checked };
}

/** The head must name the last entry: otherwise the newest entries were removed. */
export function checkHead(last: ChainLink, head: ChainLink): ChainProblem | null {
  return head.seq === last.seq && head.hash === last.hash
    ? null
    : { kind: 'head_mismatch', headSeq: head.seq, lastSeq: last.seq };
}
