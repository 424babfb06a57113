/**
 * Reading reports: one report, a page of them, the count of corrected records. Every query runs inside withActor,
 * so row-level security hides what the caller may not see; the report policy filters the same way so lists and
 * counts agree with the wall behind them.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../shared/actor.ts';
import type { PartTwo, ReportListQuery, ReportStatus } from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import { canSeeReport, reportsVisibleTo } from './reports.policy.ts';
import type { ReportStamp } from '../seizure-records/index.ts';

export const isoOf = (value: Date | string): string =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export interface ReportRow {
  id: string;
  party: string;
  year: number;
  status: ReportStatus;
  preparingAgency: string;
  contributingAgencies: string;
  contactName: string;
  contactEmail: string;
  submittedOn: string | null;
  partTwo: PartTwo;
  shareParties: boolean;
  shareIccwc: boolean;
  shareEtis: boolean;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  recordCount: number;
}

function reportColumns(tx: Tx) {
  return tx.selectFrom('reports as r').select([
    'r.id',
    'r.party',
    'r.year',
    'r.status',
    'r.preparing_agency',
    'r.contributing_agencies',
    'r.contact_name',
    'r.contact_email',
    // A date column comes back as a Date in the local time zone from one driver: ask for the text.
    sql<string | null>`r.submitted_on::text`.as('submitted_on'),
    'r.part_two',
    'r.share_parties',
    'r.share_iccwc',
    'r.share_etis',
    'r.created_at',
    'r.updated_at',
    'r.published_at',
    sql<number>`(select count(*) from seizure_records s where s.report_id = r.id)`.as('record_count'),
  ]);
}

type RawReport = Awaited<ReturnType<ReturnType<typeof reportColumns>['executeTakeFirstOrThrow']>>;

function toReportRow(row: RawReport): ReportRow {
  return {
    id: row.id,
    party: row.party.trim(),
    year: row.year,
    status: row.status,
    preparingAgency: row.preparing_agency,
    contributingAgencies: row.contributing_agencies,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    submittedOn: row.submitted_on,
    partTwo: row.part_two,
    shareParties: row.share_parties,
    shareIccwc: row.share_iccwc,
    shareEtis: row.share_etis,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
    publishedAt: row.published_at === null ? null : isoOf(row.published_at),
    recordCount: Number(row.record_count),
  };
}

export const stampOf = (report: ReportRow): ReportStamp => ({
  id: report.id,
  party: report.party,
  year: report.year,
  isPublished: report.status === 'published',
  shareParties: report.shareParties,
  shareIccwc: report.shareIccwc,
  shareEtis: report.shareEtis,
});

/** One report the caller may see, or a 404 exactly like a missing one. */
export async function loadVisibleReport(tx: Tx, actor: Actor, id: string): Promise<ReportRow> {
  const raw = await reportColumns(tx).where('r.id', '=', id).executeTakeFirst();
  const report = raw ? toReportRow(raw) : null;
  if (!report || !canSeeReport(actor, report)) throw new NotFoundError();
  return report;
}

/**
 * Locks a report the caller is about to change and reads it again. Called after the policy allowed the change:
 * under row-level security a lock needs the update policy too, so a reader who may not write would see nothing.
 */
export async function lockReport(tx: Tx, actor: Actor, id: string): Promise<ReportRow> {
  await tx.selectFrom('reports').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return loadVisibleReport(tx, actor, id);
}

/** The cursor is the last report's id: the next page starts after its (created_at, id), compared exactly in SQL. */
const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeCursor(text: string | undefined): string | null {
  if (!text) return null;
  const id = Buffer.from(text, 'base64url').toString('utf8');
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : null;
}

/** Newest first, the reports the policy lets the actor see (reportsVisibleTo, the same rule as canSeeReport). */
export async function listVisibleReports(
  tx: Tx,
  actor: Actor,
  query: ReportListQuery,
): Promise<{ items: ReportRow[]; nextCursor: string | null }> {
  // Security: the policy's predicate states the rule; row-level security (reports_read) states it again.
  let q = reportColumns(tx).where(reportsVisibleTo(actor));
  if (query.party) q = q.where('r.party', '=', query.party);
  if (query.year) q = q.where('r.year', '=', query.year);
  if (query.status) q = q.where('r.status', '=', query.status);
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    q = q.where(
      sql<boolean>`(r.created_at, r.id) < (select c.created_at, c.id from reports c where c.id = ${cursor})`,
    );
  }
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map(toReportRow);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last.id) : null;
  return { items, nextCursor };
}

export async function countCorrectedRecords(tx: Tx, reportId: string): Promise<number> {
  const row = await tx
    .selectFrom('seizure_records')
    .select(sql<number>`count(*)`.as('n'))
    .where('report_id', '=', reportId)
    .where('version', '>', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
