/**
 * Writing and checking the audit log. recordAudit runs inside the caller's transaction, so an
 * action and its audit entry are committed (or rolled back) together.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import {
  CHAIN_START,
  checkHead,
  contentDigest,
  verifySegment,
  type ChainLink,
  type ChainVerdict,
  type EntryContent,
} from './audit-chain.ts';
import { appendEntry, unsafeLinkEntries, unsafeReadEntriesPage, unsafeReadHead } from './audit.repo.ts';

export interface AuditInput {
  action: string;
  targetType?: string;
  targetId?: string;
  /** What the action was about (filters, counts, ids) — never passwords, tokens or record contents. */
  details?: Record<string, unknown>;
}

export interface AuditContext {
  actor: Actor;
  clock: () => Date;
  ipAddress?: string | null;
  requestId?: string | null;
}

/** The one adapter from a use case's (actor, clock, request) to an audit entry's context (ADR 0012). */
export function auditContextOf(actor: Actor, clock: () => Date, request: RequestContext): AuditContext {
  return { actor, clock, ipAddress: request.ipAddress, requestId: request.requestId };
}

export async function recordAudit(tx: Tx, context: AuditContext, input: AuditInput): Promise<void> {
  const actor = context.actor;
  const entry: EntryContent = {
    occurredAt: context.clock().toISOString(),
    actorKind: actor.kind,
    actorId: actor.kind === 'user' ? actor.userId : null,
    actorLabel: actor.kind === 'anonymous' ? null : actor.label,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    // A JSON round-trip gives the exact value jsonb will hand back when the chain is verified.
    details: JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>,
    ipAddress: context.ipAddress ?? null,
    requestId: context.requestId ?? null,
  };
  await appendEntry(tx, entry, contentDigest(entry));
}

/**
 * Gives every committed entry its place in the chain (migrations/0021). Each server instance runs it every second;
 * any number may run at once (they take turns on the head). Needs the owner connection, not withActor.
 */
export async function linkAuditEntries(db: Kysely<DB>): Promise<number> {
  return unsafeLinkEntries(db);
}

/**
 * Links what is committed, then checks the whole chain page by page (constant memory). Entries of transactions
 * still open are not in the chain yet and not checked. Needs the owner connection, not withActor.
 */
export async function verifyAuditLog(
  db: Kysely<DB>,
  onProgress?: (checkedUpToSeq: number, headSeq: number) => void,
): Promise<ChainVerdict> {
  await unsafeLinkEntries(db);
  const head = await unsafeReadHead(db);
  const verdict: ChainVerdict = { entriesChecked: 0, problems: [] };
  let last: ChainLink = CHAIN_START;
  for (;;) {
    // Up to the head read first: entries linked meanwhile (by another instance) are for the next check.
    const page = (await unsafeReadEntriesPage(db, last.seq, 5000)).filter((entry) => entry.seq <= head.seq);
    if (page.length === 0) break;
    const segment = verifySegment(page, last);
    verdict.entriesChecked += segment.checked;
    verdict.problems.push(...segment.problems);
    last = segment.last;
    onProgress?.(last.seq, head.seq);
  }
  const headProblem = checkHead(last, head);
  if (headProblem) verdict.problems.push(headProblem);
  return verdict;
}

/** The chain's head (newest linked entry's number and hash) once everything committed is linked. Owner connection. */
export async function readAuditHead(db: Kysely<DB>): Promise<{ seq: number; hash: string }> {
  await unsafeLinkEntries(db);
  return unsafeReadHead(db);
}
