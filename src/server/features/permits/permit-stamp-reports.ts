/**
 * Which of these permits were issued on a security stamp of a range reported lost or stolen: the question the
 * seizure links ask of a page of permits at once (one query), where the lookup asks it of one stamp.
 */
import type { Tx } from '../../db/with-actor.ts';
import type { PermitRow } from './permits.repo.ts';
import { findStampReports, stampReportKey, type StampReport } from './stamp-marks.repo.ts';
import { stampParts } from './stamp-numbers.ts';

export async function stampReportsOfPermits(tx: Tx, permits: PermitRow[]): Promise<Map<string, StampReport>> {
  const asked = permits.flatMap((permit) => {
    const stamp = stampParts(permit.securityStampKey ?? '');
    return stamp === null ? [] : [{ permitId: permit.id, country: permit.issuingCountry.trim(), stamp }];
  });
  const reports = await findStampReports(tx, asked);
  const byPermit = new Map<string, StampReport>();
  for (const { permitId, country, stamp } of asked) {
    const report = reports.get(stampReportKey(country, stamp));
    if (report) byPermit.set(permitId, report);
  }
  return byPermit;
}
