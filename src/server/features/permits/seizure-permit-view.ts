/**
 * The permits a seizure record names, as its drawer shows them: each number, the permit it matched and the
 * lookup's verdict on it as of the seizure date (permit-verdict.ts, judged afresh so a permit marked stolen since
 * shows so). Read in the caller's transaction, as the reader: row-level security shows a link only to someone who
 * sees both the record and the issuing Party's permits, and a permit only to someone who may read it, so a reader
 * who may not see permits gets an empty list.
 */
import type { SeizurePermitLink } from '../../../shared/permits.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { stampReportsOfPermits } from './permit-stamp-reports.ts';
import { judgePermit } from './permit-verdict.ts';
import { permitView } from './permit-view.ts';
import { findPermitsByKeys, readLinesOfPermits } from './permits.repo.ts';
import { readLinksOfRecord } from './seizure-links.repo.ts';

export async function permitLinksOfRecord(
  tx: Tx,
  record: { id: number; seizureDate: string | null },
  today: string,
): Promise<SeizurePermitLink[]> {
  const links = await readLinksOfRecord(tx, record.id);
  const pairs = links.flatMap((link) =>
    link.issuingCountry === null ? [] : [{ country: link.issuingCountry, numberKey: link.numberKey }],
  );
  const permits = await findPermitsByKeys(tx, pairs);
  const lines = await readLinesOfPermits(
    tx,
    permits.map((permit) => permit.id),
  );
  const stampReports = await stampReportsOfPermits(tx, permits);
  return links.map((link) => {
    const permit = permits.find(
      (candidate) =>
        candidate.issuingCountry.trim() === link.issuingCountry && candidate.numberKey === link.numberKey,
    );
    const base = { number: link.number, source: link.source, issuingCountry: link.issuingCountry };
    if (permit === undefined)
      return { ...base, verdict: 'unknown', found: false, flags: [], reasons: [], permit: null, lines: [] };
    const verdict = judgePermit(permit, lines.get(permit.id) ?? [], record.seizureDate ?? today, {
      stampReport: stampReports.get(permit.id) ?? null,
    });
    return {
      ...base,
      verdict: verdict.valid ? 'valid' : 'invalid',
      found: true,
      flags: verdict.flags,
      reasons: verdict.reasons,
      permit: permitView(permit),
      lines: verdict.lines,
    };
  });
}
