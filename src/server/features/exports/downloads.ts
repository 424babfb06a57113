/**
 * The download register's use cases: a user's own downloads ("My downloads", GET /api/v1/downloads), the dated
 * attestation that a download's copies were deleted (POST /api/v1/downloads/{id}/deleted), and the Secretariat's
 * view of everyone's register with the attestations outstanding (GET /api/v1/downloads/register).
 */
import type { Actor } from '../../../shared/actor.ts';
import type { AttestDeletion, Download } from '../../../shared/exports.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { AppError, NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import {
  attestDeletionRow,
  selectDownload,
  selectOwnDownloads,
  selectRegister,
  type DownloadRow,
} from './downloads.repo.ts';
import type { ExportsDeps } from './exports-deps.ts';
import { requireAction } from './exports.policy.ts';

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/**
 * A `date` column as YYYY-MM-DD: the drivers give it as text or as a Date at midnight (UTC for one, local time for
 * the other), never to be shifted by a time zone.
 */
function dayText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  if (!(value instanceof Date)) return null;
  const utcMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0;
  const [y, m, d] = utcMidnight
    ? [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()]
    : [value.getFullYear(), value.getMonth() + 1, value.getDate()];
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function toDownload(row: DownloadRow): Download {
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    language: row.language,
    filters: row.filters,
    columns: row.columns,
    groupBy: row.group_by,
    publication: row.publication,
    rowCount: row.row_count,
    parties: row.parties,
    checksum: row.checksum,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    createdAt: row.created_at.toISOString(),
    completedAt: iso(row.completed_at),
    deletedOn: dayText(row.deleted_on),
    deletionStatement: row.deletion_statement,
    deletedAttestedAt: iso(row.deleted_attested_at),
    remindersSent: row.reminders_sent,
  };
}

export async function listMyDownloads(
  deps: ExportsDeps,
  actor: Actor,
  _request: RequestContext,
): Promise<{ items: Download[] }> {
  // Anyone signed in may list their own register (an exporter who later lost ITD access still has duties).
  if (actor.kind !== 'user') throw new NotFoundError();
  const rows = await withActor(deps.db, actor, (tx) => selectOwnDownloads(tx, actor.userId, 500), {
    readsOnly: true,
  });
  return { items: rows.map(toDownload) };
}

/** A date as YYYY-MM-DD in UTC. */
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export async function attestDeletion(
  deps: ExportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string } & AttestDeletion,
): Promise<Download> {
  if (actor.kind !== 'user') throw new NotFoundError();
  const now = deps.clock();
  if (input.deletedOn > dayOf(now)) throw new ValidationError([{ field: 'deletedOn', reason: 'in_future' }]);
  return withActor(deps.db, actor, async (tx) => {
    // Row-level security hides other users' downloads: theirs is the same 404 as none.
    const existing = await selectDownload(tx, input.id);
    if (!existing || existing.user_id !== actor.userId) throw new NotFoundError();
    if (input.deletedOn < dayOf(existing.created_at))
      throw new ValidationError([{ field: 'deletedOn', reason: 'before_download' }]);
    const row = await attestDeletionRow(tx, {
      id: input.id,
      userId: actor.userId,
      deletedOn: input.deletedOn,
      statement: input.statement ?? null,
      at: now,
    });
    if (!row) throw new AppError('conflict', 409); // attested already
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'export.deletion_attested',
      targetType: 'download',
      targetId: input.id,
      details: { deletedOn: input.deletedOn },
    });
    return toDownload(row);
  });
}

export async function readDownloadRegister(
  deps: ExportsDeps,
  actor: Actor,
  request: RequestContext,
  query: { outstanding: boolean; olderThanDays?: number | undefined; limit: number },
) {
  const user = requireAction(actor, 'download.register');
  const createdBefore =
    query.olderThanDays === undefined
      ? null
      : new Date(deps.clock().getTime() - query.olderThanDays * 86_400_000);
  return withActor(deps.db, user, async (tx) => {
    const rows = await selectRegister(tx, {
      outstanding: query.outstanding,
      createdBefore,
      limit: query.limit,
    });
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'export.register_read',
      details: {
        outstanding: query.outstanding,
        olderThanDays: query.olderThanDays ?? null,
        resultCount: rows.length,
      },
    });
    return {
      items: rows.map((row) => ({
        ...toDownload(row),
        userLabel: row.user_label,
        organisationName: row.organisation_name,
      })),
    };
  });
}
