/**
 * The audit viewer's use cases (Secretariat admins, `audit.read`): a page of entries, and the export of every entry
 * that matches, as CSV through the spreadsheet toolkit (formula-safe). Reading the log is itself recorded.
 */
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/actor.ts';
import type { AuditEntry, AuditExportQuery, AuditPage, AuditQuery } from '../../../shared/audit.contract.ts';
import { can } from '../../../shared/permissions.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { ForbiddenError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { SpreadsheetRow } from '../../lib/spreadsheets/spreadsheet-cell.ts';
import { writeCsv } from '../../lib/spreadsheets/write-csv.ts';
import { selectAuditEntries, type AuditEntryRow } from './audit-viewer.repo.ts';
import { auditContextOf, recordAudit } from './audit.service.ts';

export interface AuditViewerDeps {
  db: Kysely<DB>;
  clock: () => Date;
}

const READS_ONLY = { readsOnly: true };
const EXPORT_PAGE = 1000;

function toEntry(row: AuditEntryRow): AuditEntry {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    organisationName: row.organisation_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details,
    ipAddress: row.ip_address,
  };
}

const filtersOf = ({ cursor: _cursor, limit: _limit, ...filters }: AuditQuery): AuditExportQuery => filters;

export async function listAuditEntries(
  deps: AuditViewerDeps,
  actor: Actor,
  request: RequestContext,
  query: AuditQuery,
): Promise<AuditPage> {
  if (!can(actor, 'audit.read')) throw new ForbiddenError();
  const rows = await withActor(
    deps.db,
    actor,
    async (tx) => {
      await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
        action: 'audit.viewed',
        details: { filters: filtersOf(query), cursor: query.cursor ?? null },
      });
      return selectAuditEntries(tx, filtersOf(query), {
        beforeSeq: query.cursor ?? null,
        limit: query.limit + 1,
      });
    },
    READS_ONLY,
  );
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.seq : null,
  };
}

export const AUDIT_CSV_HEADER = [
  'seq',
  'occurred_at',
  'actor_kind',
  'actor_id',
  'actor',
  'organisation',
  'action',
  'target_type',
  'target_id',
  'details',
  'ip_address',
];

/**
 * Writes every matching entry, newest first, to the output as CSV (a page of entries at a time, each in its own
 * read). The export is recorded before the first byte is sent.
 */
export async function exportAuditEntries(
  deps: AuditViewerDeps,
  actor: Actor,
  request: RequestContext,
  filters: AuditExportQuery,
  output: Writable,
): Promise<void> {
  if (!can(actor, 'audit.read')) throw new ForbiddenError();
  await withActor(deps.db, actor, (tx) =>
    recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'audit.exported',
      details: { filters },
    }),
  );
  async function* rows(): AsyncGenerator<SpreadsheetRow> {
    yield AUDIT_CSV_HEADER;
    for (let beforeSeq: number | null = null; ;) {
      const before = beforeSeq;
      const page: AuditEntryRow[] = await withActor(
        deps.db,
        actor,
        (tx) => selectAuditEntries(tx, filters, { beforeSeq: before, limit: EXPORT_PAGE }),
        READS_ONLY,
      );
      for (const row of page) {
        yield [
          row.seq,
          row.occurred_at.toISOString(),
          row.actor_kind,
          row.actor_id,
          row.actor_label,
          row.organisation_name,
          row.action,
          row.target_type,
          row.target_id,
          JSON.stringify(row.details),
          row.ip_address,
        ];
      }
      if (page.length < EXPORT_PAGE) return;
      beforeSeq = page[page.length - 1]!.seq;
    }
  }
  await writeCsv(output, rows(), { bom: true });
}
