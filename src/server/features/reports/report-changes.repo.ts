/**
 * Writing `reports`: a new report in draft, then the changes of its lifecycle. Each runs in the use case's
 * transaction after the report policy allowed it; row-level security (reports_insert, reports_update) asks again.
 */
import type { NewReport, PartTwo, ReportHeader, Sharing } from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';

/** insert into reports (…) values (…) returning id, party, year and the sharing answers */
export async function insertReport(tx: Tx, input: NewReport, createdBy: string | null, now: Date) {
  return tx
    .insertInto('reports')
    .values({
      party: input.party,
      year: input.year,
      status: 'draft',
      preparing_agency: input.header.preparingAgency,
      contributing_agencies: input.header.contributingAgencies,
      contact_name: input.header.contactName,
      contact_email: input.header.contactEmail,
      submitted_on: input.header.submittedOn,
      part_two: JSON.stringify(input.partTwo),
      share_parties: input.sharing.shareParties,
      share_iccwc: input.sharing.shareIccwc,
      share_etis: input.sharing.shareEtis,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'party', 'year', 'share_parties', 'share_iccwc', 'share_etis'])
    .executeTakeFirstOrThrow();
}

/** update reports set (the header's columns), part_two, updated_at where id = $1 */
export async function updateReportHeader(
  tx: Tx,
  id: string,
  change: { header: ReportHeader; partTwo: PartTwo },
  now: Date,
): Promise<void> {
  await tx
    .updateTable('reports')
    .set({
      preparing_agency: change.header.preparingAgency,
      contributing_agencies: change.header.contributingAgencies,
      contact_name: change.header.contactName,
      contact_email: change.header.contactEmail,
      submitted_on: change.header.submittedOn,
      part_two: JSON.stringify(change.partTwo),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** update reports set share_parties, share_iccwc, share_etis, updated_at where id = $1 */
export async function updateReportSharing(tx: Tx, id: string, sharing: Sharing, now: Date): Promise<void> {
  await tx
    .updateTable('reports')
    .set({
      share_parties: sharing.shareParties,
      share_iccwc: sharing.shareIccwc,
      share_etis: sharing.shareEtis,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** update reports set status = 'submitted', submitted_on, updated_at where id = $1 */
export async function markReportSubmitted(tx: Tx, id: string, submittedOn: string, now: Date): Promise<void> {
  await tx
    .updateTable('reports')
    .set({ status: 'submitted', submitted_on: submittedOn, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** update reports set status = 'published', published_at, published_by, updated_at where id = $1 */
export async function markReportPublished(
  tx: Tx,
  id: string,
  publishedBy: string | null,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('reports')
    .set({ status: 'published', published_at: now, published_by: publishedBy, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** update reports set status = 'draft', published_at = null, published_by = null, updated_at where id = $1 */
export async function markReportDraft(tx: Tx, id: string, now: Date): Promise<void> {
  await tx
    .updateTable('reports')
    .set({ status: 'draft', published_at: null, published_by: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}
