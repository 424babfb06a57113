/**
 * Importing a permit file (CITESEPermit XML, or the CSV/XLSX layout) for one issuing Party, by that Party's
 * Management Authority or a Secretariat data officer. The file is read and every permit checked before anything is
 * written; a file with problems changes nothing and answers every problem (row, box, value, message, suggestion).
 * A permit already in the registry (same Party, same number key) is updated when it differs — its version counted
 * up and the changed boxes written in its history — and left alone when it is the same: never a second copy.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../../../shared/actor.ts';
import type {
  PermitImportProblem,
  PermitImportSummary,
  PermitSourceFormat,
} from '../../../../shared/permits.contract.ts';
import type { Resolution } from '../../../../shared/reference.contract.ts';
import { withActor, type Tx } from '../../../db/with-actor.ts';
import { linkSeizurePermits } from '../link-seizure-permits.ts';
import { ValidationError } from '../../../errors.ts';
import { actorIdOf } from '../../../lib/actor-names.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { UnreadableFileError } from '../../../lib/spreadsheets/read-spreadsheet.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import { resolveTaxonName } from '../../reference/index.ts';
import {
  insertPermitEvent,
  insertPermitEvents,
  readPermitStanding,
  type NewPermitEvent,
} from '../permit-activity.repo.ts';
import type { PermitsDeps } from '../permits-deps.ts';
import { assertAllowed, mayWritePermitsOf, partyOfWriter } from '../permits.policy.ts';
import { insertPermits, readStoredPermits, updatePermit, type PermitWriteMeta } from '../permits.repo.ts';
import { readCitesCodes, readCountryCodes } from '../permits-reference.repo.ts';
import { checkPermitDraft, type CheckedPermit, type CheckReferences } from './check-permit-draft.ts';
import type { PermitDraft } from './permit-draft.ts';
import { readPermitSheet } from './read-permit-sheet.ts';
import { readPermitXml } from './read-permit-xml.ts';
import { XmlRefusedError } from './read-xml-tree.ts';

export interface ImportPermitsInput {
  bytes: Buffer;
  fileName: string;
  /** The issuing Party; a Party user's own Party when left out. */
  party?: string;
}

/** An XML document starts with "<" (after a byte order mark and white space); anything else is a spreadsheet. */
export function looksLikeXml(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<');
}

type Read =
  | { format: PermitSourceFormat; drafts: PermitDraft[] }
  | { format: PermitSourceFormat; problem: PermitImportProblem };

async function readDrafts(bytes: Buffer): Promise<Read> {
  if (looksLikeXml(bytes)) {
    try {
      return { format: 'xml', drafts: readPermitXml(bytes) };
    } catch (error) {
      if (!(error instanceof XmlRefusedError)) throw error;
      const where = error.element === null ? 'the document' : `element ${error.element}`;
      return {
        format: 'xml',
        problem: {
          row: error.line,
          field: error.element ?? 'document',
          value: '',
          message: `${where}: ${error.message}`,
          suggestion: null,
        },
      };
    }
  }
  try {
    const { kind, drafts } = await readPermitSheet(bytes);
    return { format: kind, drafts };
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const message =
      error.reason === 'type'
        ? 'the file is neither CITESEPermit XML nor an XLSX workbook or CSV text'
        : 'no header row with the columns "Permit number", "Species" and "Quantity" (see the template)';
    return { format: 'csv', problem: { row: 1, field: 'file', value: '', message, suggestion: null } };
  }
}

const digestOf = (permit: CheckedPermit) => createHash('sha256').update(JSON.stringify(permit)).digest('hex');

/** A value as text with object keys sorted (jsonb hands stored objects back with its own key order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** The boxes (top-level fields, and `lines`) whose value differs between two imports of a permit. */
function changedBoxes(before: Record<string, unknown>, after: CheckedPermit): string[] {
  return Object.entries(after)
    .filter(([key, value]) => canonical(before[key]) !== canonical(value))
    .map(([key]) => key);
}

export async function importPermits(
  deps: PermitsDeps,
  actor: Actor,
  request: RequestContext,
  input: ImportPermitsInput,
): Promise<PermitImportSummary> {
  // Read before the transaction: parsing a large file holds no connection.
  const read = await readDrafts(input.bytes);
  // The `itd` command may leave the Party out: the file's first permit names it (and every other must agree).
  const named =
    'drafts' in read && actor.kind === 'system'
      ? read.drafts[0]?.issuingCountry?.trim().toUpperCase()
      : undefined;
  const party = partyOfWriter(actor, input.party) ?? named ?? null;
  if (party === null) throw new ValidationError([{ field: 'party', reason: 'permit_party_required' }]);
  let written: string[] = [];
  const summary = await withActor(deps.db, actor, async (tx) => {
    assertAllowed(mayWritePermitsOf(actor, await readPermitStanding(tx), party));
    const audit = auditContextOf(actor, deps.clock, request);
    const empty = { format: read.format, permits: 0, created: 0, updated: 0, unchanged: 0 };
    const refused = async (problems: PermitImportProblem[], permits: number) => {
      await recordAudit(tx, audit, {
        action: 'permit.import_refused',
        details: { party, file: input.fileName, format: read.format, permits, problems: problems.length },
      });
      return { ...empty, permits, problems };
    };
    if ('problem' in read) return refused([read.problem], 0);

    const checked = await checkDrafts(tx, read.drafts, party);
    if (checked.problems.length > 0) return refused(checked.problems, read.drafts.length);
    const counts = await writePermits(tx, checked.permits, read.format, actorIdOf(actor), deps.clock());
    written = checked.permits.map((permit) => permit.numberKey);
    await recordAudit(tx, audit, {
      action: 'permit.import',
      details: {
        party,
        file: input.fileName,
        format: read.format,
        permits: checked.permits.length,
        ...counts,
      },
    });
    return { ...empty, permits: checked.permits.length, ...counts, problems: [] };
  });
  // Seizure records naming these permits are judged again, now that the registry knows them (or knows more).
  if (written.length > 0)
    await linkSeizurePermits(deps, { permits: { country: party, numberKeys: written } });
  return summary;
}

async function checkDrafts(tx: Tx, drafts: PermitDraft[], party: string) {
  const species = new Map<string, Promise<Resolution>>();
  const refs: CheckReferences = {
    party,
    countries: await readCountryCodes(tx),
    codes: await readCitesCodes(tx),
    resolveSpecies: (name) => {
      const key = name.toLowerCase();
      if (!species.has(key)) species.set(key, resolveTaxonName(tx, name, 1));
      return species.get(key)!;
    },
  };
  const problems: PermitImportProblem[] = [];
  const permits: CheckedPermit[] = [];
  const firstRowOf = new Map<string, number>();
  if (drafts.length === 0)
    problems.push({
      row: 1,
      field: 'file',
      value: '',
      message: 'the file holds no permit',
      suggestion: null,
    });
  for (const draft of drafts) {
    const result = await checkPermitDraft(draft, refs);
    problems.push(...result.problems);
    if (!result.permit) continue;
    const earlier = firstRowOf.get(result.permit.numberKey);
    if (earlier !== undefined) {
      problems.push({
        row: draft.row,
        field: 'number',
        value: result.permit.number,
        message: `the same permit number is already at row ${earlier} of this file`,
        suggestion: null,
      });
      continue;
    }
    firstRowOf.set(result.permit.numberKey, draft.row);
    permits.push(result.permit);
  }
  return { permits, problems };
}

async function writePermits(
  tx: Tx,
  permits: CheckedPermit[],
  format: PermitSourceFormat,
  userId: string | null,
  at: Date,
) {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const country = permits[0]?.issuingCountry;
  if (country === undefined) return counts;
  const stored = await readStoredPermits(
    tx,
    country,
    permits.map((permit) => permit.numberKey),
  );
  // New permits are written together, a few hundred per statement (a Party's yearly file holds thousands).
  const fresh: { permit: CheckedPermit; meta: PermitWriteMeta }[] = [];
  for (const permit of permits) {
    const contentHash = digestOf(permit);
    const existing = stored.get(permit.numberKey);
    const meta = { format, userId, contentHash };
    if (existing === undefined) {
      fresh.push({ permit, meta });
      counts.created += 1;
    } else if (existing.contentHash === contentHash) {
      counts.unchanged += 1;
    } else {
      await updatePermit(tx, existing.id, permit, { ...meta, at });
      await insertPermitEvent(tx, {
        permitId: existing.id,
        kind: 'updated',
        occurredOn: null,
        userId,
        details: { format, fromVersion: existing.version, changed: changedBoxes(existing.content, permit) },
      });
      counts.updated += 1;
    }
  }
  const ids = await insertPermits(tx, fresh);
  await insertPermitEvents(
    tx,
    fresh.map(({ permit }): NewPermitEvent => ({
      permitId: ids.get(permit.numberKey)!,
      kind: 'issued',
      occurredOn: permit.issuedOn,
      userId,
      details: { format },
    })),
  );
  return counts;
}
