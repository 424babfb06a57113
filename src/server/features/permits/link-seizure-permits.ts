/**
 * Matching the permit numbers of seizure records to the registry (issue 16, item 6). For each record of the scope:
 * the numbers it names (permit-mentions.ts), each looked up by (issuing Party, key) — the issuing Party being the
 * record's country of export, the one that issues an export permit or re-export certificate — and judged by the
 * lookup's own rules (permit-verdict.ts) as of the seizure date: valid, invalid (found with a red flag), or
 * unknown (no country of export, or no such permit registered). The links are the platform's derived data: it
 * writes them as itself, a page of records per transaction, after the records or the permits changed
 * (an import's submit, a correction, a permit import, mark or endorsement) and for every record on `itd permits
 * link`. Reading them is the reader's affair (seizure-permit-view.ts, the explorer's filter).
 */
import { systemActor } from '../../../shared/actor.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { permitMentionsOf } from './permit-mentions.ts';
import { stampReportsOfPermits } from './permit-stamp-reports.ts';
import { judgePermit } from './permit-verdict.ts';
import { todayOf, type PermitsDeps } from './permits-deps.ts';
import { findPermitsByKeys, readLinesOfPermits, type PermitRow } from './permits.repo.ts';
import {
  replaceLinks,
  selectRecordsToLink,
  type LinkScope,
  type NewLink,
  type RecordToLink,
} from './seizure-links.repo.ts';

export type { LinkScope } from './seizure-links.repo.ts';

/** Records per transaction: their permits and lines are read in one query each. */
const PAGE = 1000;

export async function linkSeizurePermits(
  deps: PermitsDeps,
  scope: LinkScope,
): Promise<{ records: number; links: number }> {
  const actor = systemActor('permit links');
  const totals = { records: 0, links: 0 };
  let afterId = '0';
  for (;;) {
    const done = await withActor(deps.db, actor, async (tx) => {
      const records = await selectRecordsToLink(tx, scope, { afterId, limit: PAGE });
      const links = await linksOf(tx, records, todayOf(deps.clock));
      await replaceLinks(
        tx,
        records.map((record) => record.id),
        links,
        deps.clock(),
      );
      totals.records += records.length;
      totals.links += links.length;
      afterId = records.at(-1)?.id ?? afterId;
      return records.length < PAGE;
    });
    if (done) return totals;
  }
}

const pairKey = (country: string, numberKey: string) => `${country}|${numberKey}`;

async function linksOf(tx: Tx, records: RecordToLink[], today: string): Promise<NewLink[]> {
  const named = records.map((record) => ({
    record,
    country: record.exportCountry || null,
    mentions: permitMentionsOf({ field: record.field, text: record.text }),
  }));
  const pairs = named.flatMap(({ country, mentions }) =>
    country === null ? [] : mentions.map((mention) => ({ country, numberKey: mention.key })),
  );
  const permits = new Map<string, PermitRow>(
    (await findPermitsByKeys(tx, pairs)).map((permit) => [
      pairKey(permit.issuingCountry.trim(), permit.numberKey),
      permit,
    ]),
  );
  const lines = await readLinesOfPermits(
    tx,
    [...permits.values()].map((permit) => permit.id),
  );
  const stampReports = await stampReportsOfPermits(tx, [...permits.values()]);
  return named.flatMap(({ record, country, mentions }) =>
    mentions.map((mention): NewLink => {
      const permit = country === null ? undefined : permits.get(pairKey(country, mention.key));
      const base = {
        recordId: record.id,
        source: mention.source,
        number: mention.number.slice(0, 200),
        numberKey: mention.key,
        issuingCountry: country,
      };
      if (permit === undefined) return { ...base, permitId: null, verdict: 'unknown', flags: [] };
      const verdict = judgePermit(permit, lines.get(permit.id) ?? [], record.seizureDate ?? today, {
        stampReport: stampReports.get(permit.id) ?? null,
      });
      return {
        ...base,
        permitId: permit.id,
        verdict: verdict.valid ? 'valid' : 'invalid',
        flags: verdict.flags,
      };
    }),
  );
}
