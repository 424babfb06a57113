/** A request as its caller may see it: the consents they may see, and what they may do with it. */
import type { Actor } from '../../../../shared/actor.ts';
import type { PublicationRequest } from '../../../../shared/publication.contract.ts';
import type { Tx } from '../../../db/with-actor.ts';
import { publicationAbilities, shownPartiesOf } from './publication.policy.ts';
import { selectConsents, type ConsentRow, type PublicationRow } from './publication.repo.ts';

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

export function toPublicationRequest(
  actor: Actor,
  row: PublicationRow,
  consents: ConsentRow[],
): PublicationRequest {
  const shown = shownPartiesOf(actor, row);
  const visible = consents.filter(
    (consent) => consent.request_id === row.id && shown.has(consent.party.trim()),
  );
  const ownPending = visible.some(
    (consent) =>
      actor.kind === 'user' && consent.party.trim() === actor.party && consent.status === 'pending',
  );
  return {
    id: row.id,
    title: row.title,
    intendedUse: row.intended_use,
    modificationStatement: row.modification_statement,
    requesterName: row.requester_name,
    organisationName: row.organisation_name,
    downloadId: row.download_id,
    exportChecksum: row.export_checksum,
    filters: row.filters,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    closedAt: iso(row.closed_at),
    filedAt: iso(row.filed_at),
    consents: visible.map((consent) => ({
      party: consent.party.trim(),
      recordCount: consent.record_count,
      status: consent.status,
      deciderName: consent.decider_name,
      deciderOrganisation: consent.decider_organisation,
      decidedAt: iso(consent.decided_at),
      comment: consent.comment,
      commentLanguage: consent.comment_language,
    })),
    abilities: publicationAbilities(actor, row, ownPending),
  };
}

/** Several requests with their consents, read in one query. */
export async function presentRequests(
  tx: Tx,
  actor: Actor,
  rows: PublicationRow[],
): Promise<PublicationRequest[]> {
  const consents = await selectConsents(
    tx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toPublicationRequest(actor, row, consents));
}
