/**
 * A request for consent to publish (POST /api/v1/publication-requests), from one of the requester's own exports
 * (its register entry: the Parties and how many records of each, and the file's checksum) or from a filter of the
 * explorer (the Parties of the matching records the requester may see, counted now). One consent row per reporting
 * Party; each Party's focal points are told by e-mail. The request expires after PUBLICATION_CONSENT_DAYS.
 */
import type { UserActor, Actor } from '../../../../shared/actor.ts';
import type {
  CreatePublicationRequest,
  PublicationRequest,
} from '../../../../shared/publication.contract.ts';
import type { Language } from '../../../../shared/languages.ts';
import type { SeizureFilter } from '../../../../shared/seizures.contract.ts';
import { withActor, type Tx } from '../../../db/with-actor.ts';
import { NotFoundError, ValidationError } from '../../../errors.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import { resolveFilter, visibleTo, whereClause } from '../../seizures/index.ts';
import { selectDownload } from '../downloads.repo.ts';
import type { ExportsDeps } from '../exports-deps.ts';
import { selectMatchingParties } from '../exports.repo.ts';
import { asPlatform, tellFocalPoints } from './publication-notices.ts';
import { requireAbility } from './publication.policy.ts';
import {
  insertPublicationRequest,
  selectConsents,
  selectOrganisationName,
  selectRequest,
} from './publication.repo.ts';
import { toPublicationRequest } from './publication-view.ts';

const DAY = 86_400_000;

interface Source {
  downloadId: string | null;
  checksum: string | null;
  filters: Record<string, unknown>;
  /** Reporting Party → its records in the data (null: not known, for exports made before counts were kept). */
  counts: Map<string, number | null>;
}

async function fromDownload(tx: Tx, user: UserActor, id: string): Promise<Source> {
  const download = await selectDownload(tx, id);
  // Only one's own export: the Secretariat may read the register, not ask on someone else's behalf.
  if (!download || download.user_id !== user.userId) throw new NotFoundError();
  if (download.checksum === null) throw new ValidationError([{ field: 'downloadId', reason: 'invalid' }]);
  const counts = new Map<string, number | null>(download.parties.map((party) => [party.trim(), null]));
  for (const [party, count] of Object.entries(download.party_counts)) counts.set(party.trim(), count);
  return { downloadId: download.id, checksum: download.checksum, filters: download.filters, counts };
}

async function fromFilter(tx: Tx, user: UserActor, filter: SeizureFilter): Promise<Source> {
  const where = whereClause(visibleTo(user), await resolveFilter(tx, filter, user));
  const parties = await selectMatchingParties(tx, where);
  const filters = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  return {
    downloadId: null,
    checksum: null,
    filters,
    counts: new Map(parties.map((row) => [row.party, row.count])),
  };
}

export async function createPublicationRequest(
  deps: ExportsDeps,
  actor: Actor,
  request: RequestContext,
  input: CreatePublicationRequest & { language: Language },
): Promise<PublicationRequest> {
  const user = requireAbility(actor, 'publication.request');
  const now = deps.clock();
  const created = await withActor(deps.db, user, async (tx) => {
    const source = input.downloadId
      ? await fromDownload(tx, user, input.downloadId)
      : await fromFilter(tx, user, input.filters ?? { countryRole: 'any' });
    const parties = [...source.counts.keys()].sort();
    if (parties.length === 0)
      throw new ValidationError([{ field: input.downloadId ? 'downloadId' : 'filters', reason: 'invalid' }]);
    const id = await insertPublicationRequest(
      tx,
      {
        requester_id: user.userId,
        organisation_id: user.organisationId,
        requester_name: user.label,
        organisation_name: await selectOrganisationName(tx, user.organisationId),
        language: input.language,
        download_id: source.downloadId,
        export_checksum: source.checksum,
        filters: source.filters,
        title: input.title,
        intended_use: input.intendedUse,
        modification_statement: input.modificationStatement,
        parties,
        created_at: now,
        expires_at: new Date(now.getTime() + deps.settings.exports.publication.consentDays * DAY),
      },
      source.counts,
    );
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'publication.requested',
      targetType: 'publication_request',
      targetId: id,
      details: { parties, downloadId: source.downloadId, fromFilter: source.downloadId === null },
    });
    const row = await selectRequest(tx, id);
    if (!row) throw new NotFoundError();
    return { row, consents: await selectConsents(tx, [id]) };
  });
  await asPlatform(deps.db, (tx) =>
    tellFocalPoints(tx, created.row, created.row.parties, {
      template: 'publication_consent_requested',
      publicUrl: deps.settings.publicUrl,
    }),
  );
  return toPublicationRequest(user, created.row, created.consents);
}
