/**
 * What a lookup answers about a permit in hand, as a pure function of the permit, its lines, the day and what the
 * officer declared (security stamp, species, quantity): the red flags, whether the permit is valid, and a sentence
 * per flag. The one place these rules are written; the endorsement refuses a permit this calls not usable.
 */
import {
  INFORMATIVE_FLAGS,
  permitNumberKey,
  type PermitFlag,
  type PermitLine,
} from '../../../shared/permits.contract.ts';
import type { PermitLineRow, PermitRow } from './permits.repo.ts';
import type { StampReport } from './stamp-marks.repo.ts';

export interface Declared {
  stamp?: string;
  /** The taxon the declared species names (resolved by the caller), with its current Appendix. */
  taxon?: { id: number; appendix: string | null } | null;
  species?: string;
  quantity?: number;
  /** The stamp presented (or the permit's own) falls in a range of blank stamps reported lost or stolen. */
  stampReport?: StampReport | null;
}

export interface Verdict {
  valid: boolean;
  flags: PermitFlag[];
  reasons: string[];
  lines: PermitLine[];
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function lineView(line: PermitLineRow): PermitLine {
  return {
    lineNo: line.lineNo,
    taxonName: line.taxonName,
    commonName: line.commonName,
    description: line.description,
    termCode: line.termCode,
    appendix: line.appendix,
    sourceCode: line.sourceCode,
    unitCode: line.unitCode,
    originCountry: line.originCountry,
    originPermit: line.originPermit,
    authorised: line.quantity,
    endorsed: round(line.endorsed),
    remaining: round(Math.max(0, line.quantity - line.endorsed)),
  };
}

/** The Appendix part a line and the checklist can be compared on ("I/II" lists both). */
const appendicesOf = (value: string | null) =>
  new Set(
    (value ?? '')
      .toUpperCase()
      .split(/[/,\s]+/)
      .filter(Boolean),
  );

export function judgePermit(
  permit: PermitRow,
  rows: PermitLineRow[],
  today: string,
  declared: Declared,
): Verdict {
  const lines = rows.map(lineView);
  const flags: PermitFlag[] = [];
  const reasons: string[] = [];
  const flag = (name: PermitFlag, reason: string) => {
    flags.push(name);
    reasons.push(reason);
  };

  switch (permit.status) {
    case 'issued':
      break;
    case 'cancelled':
      flag('cancelled', `The issuing Management Authority cancelled this permit${on(permit.statusOn)}.`);
      break;
    case 'replaced':
      flag(
        'replaced',
        `This permit was replaced${permit.replacedBy ? ` by ${permit.replacedBy}` : ''}${on(permit.statusOn)}.`,
      );
      break;
    case 'lost':
      flag('lost', `This permit was reported lost${on(permit.statusOn)}.`);
      break;
    case 'stolen':
      flag('stolen', `This permit was reported stolen${on(permit.statusOn)}.`);
      break;
  }
  if (permit.validUntil !== null && permit.validUntil < today)
    flag('expired', `The permit expired after ${permit.validUntil}.`);
  if (permit.validFrom !== null && permit.validFrom > today)
    flag('not_yet_valid', `The permit is valid only from ${permit.validFrom}.`);
  if (
    declared.stamp !== undefined &&
    permit.securityStampKey !== null &&
    permitNumberKey(declared.stamp) !== permit.securityStampKey
  )
    flag('stamp_mismatch', 'The security stamp number does not match the one issued with this permit.');
  if (declared.stampReport) {
    const reported = stampReportFlag(declared.stampReport);
    flag(reported.flag, reported.reason);
  }

  const endorsed = lines.some((line) => line.endorsed > 0);
  if (lines.length > 0 && lines.every((line) => line.remaining <= 0))
    flag('used', 'The whole quantity of every line has already been exported.');
  else if (endorsed)
    flag('partly_used', 'Part of the permit has already been exported: check the remaining quantities.');

  // Lines the declared goods fall under: those of the declared species, or every line when none was declared.
  let matching = lines;
  if (declared.taxon !== undefined || declared.species !== undefined) {
    const taxon = declared.taxon ?? null;
    matching = rows
      .filter(
        (row) =>
          (taxon !== null && row.taxonId === taxon.id) ||
          row.taxonName.toLowerCase() === declared.species?.trim().toLowerCase(),
      )
      .map(lineView);
    if (matching.length === 0)
      flag('species_mismatch', `The permit does not cover ${declared.species ?? 'the declared species'}.`);
    else if (taxon?.appendix) {
      const listed = appendicesOf(taxon.appendix);
      const onPermit = matching.filter(
        (line) => line.appendix !== null && !listed.has(line.appendix.toUpperCase()),
      );
      if (onPermit.length > 0)
        flag(
          'appendix_mismatch',
          `The permit gives Appendix ${onPermit[0]!.appendix}; the species is listed in Appendix ${taxon.appendix}.`,
        );
    }
  }
  if (declared.quantity !== undefined && matching.length > 0) {
    const authorised = round(matching.reduce((sum, line) => sum + line.authorised, 0));
    const remaining = round(matching.reduce((sum, line) => sum + line.remaining, 0));
    if (declared.quantity > authorised)
      flag('quantity_mismatch', `The permit authorises ${authorised}; ${declared.quantity} was declared.`);
    else if (declared.quantity > remaining)
      flag(
        'quantity_exceeded',
        `Only ${remaining} of ${authorised} remains on the permit; ${declared.quantity} was declared.`,
      );
  }
  const valid = flags.every((name) => INFORMATIVE_FLAGS.includes(name));
  return { valid, flags, reasons, lines };
}

const on = (day: string | null) => (day === null ? '' : ` on ${day}`);

/** The red flag of a stamp from a batch of blank stamps reported lost or stolen (found permit or not). */
export function stampReportFlag(report: StampReport): { flag: PermitFlag; reason: string } {
  return {
    flag: report.status === 'lost' ? 'stamp_lost' : 'stamp_stolen',
    reason: `The security stamp belongs to a batch of blank stamps reported ${report.status} on ${report.on}: a permit written on it is not genuine.`,
  };
}
