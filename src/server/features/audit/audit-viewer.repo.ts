/**
 * SQL of the audit viewer, run inside withActor: row-level security lets only Secretariat admins read the log
 * (migrations/0002), so these queries return nothing to anyone else even if a policy check were forgotten.
 * Entries appear once linked (within a second of their commit); pages go backwards by entry number (keyset).
 */
import { sql } from 'kysely';
import type { AuditExportQuery } from '../../../shared/audit.contract.ts';
import type { Tx } from '../../db/with-actor.ts';

export interface AuditEntryRow {
  seq: number;
  occurred_at: Date;
  actor_kind: 'user' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_label: string | null;
  organisation_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  ip_address: string | null;
}

export async function selectAuditEntries(
  tx: Tx,
  filters: AuditExportQuery,
  page: { beforeSeq: number | null; limit: number },
): Promise<AuditEntryRow[]> {
  let query = tx
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'e.seq',
      'e.occurred_at',
      'e.actor_kind',
      'e.actor_id',
      'e.actor_label',
      'o.name as organisation_name',
      'e.action',
      'e.target_type',
      'e.target_id',
      'e.details',
      'e.ip_address',
    ])
    .where('e.seq', 'is not', null);
  if (page.beforeSeq !== null) query = query.where('e.seq', '<', page.beforeSeq);
  if (filters.from) query = query.where('e.occurred_at', '>=', new Date(filters.from));
  if (filters.to) query = query.where('e.occurred_at', '<', new Date(filters.to));
  if (filters.actorId) query = query.where('e.actor_id', '=', filters.actorId);
  if (filters.organisationId) query = query.where('u.organisation_id', '=', filters.organisationId);
  if (filters.action) query = query.where('e.action', '=', filters.action);
  if (filters.recordId !== undefined) {
    query = query
      .where('e.target_type', '=', 'seizure_record')
      .where('e.target_id', '=', String(filters.recordId));
  }
  if (filters.reportId) {
    const reportId = filters.reportId;
    // About the report itself, or about one of its records read through it.
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('e.target_type', '=', 'report'), eb('e.target_id', '=', reportId)]),
        eb(sql<string>`e.details ->> 'reportId'`, '=', reportId),
      ]),
    );
  }
  const rows = await query.orderBy('e.seq', 'desc').limit(page.limit).execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}
