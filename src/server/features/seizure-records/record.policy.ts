/**
 * Who may correct a seizure record: the one statement of it, read by the explorer's abilities
 * (seizures.policy.ts) and by the report pages' (reports.policy.ts). The same writers as row-level security's
 * app_can_write_report (migrations/0007):
 *   - Secretariat admins and data officers with ITD access, for any Party's records, published or not;
 *   - a Party's focal points and reporters with ITD access, for their own Party's records until publication;
 *   - the platform's own jobs (imports, demo data), which act for the Secretariat.
 * The role × action table names these roles `report.import`; the record adds its Party and publication.
 */
import type { Actor } from '../../../shared/actor.ts';
import { can as roleCan } from '../../../shared/permissions.ts';

/** The columns of a record (or of its report) the rule reads. */
export interface CorrectionFacts {
  reportingParty: string;
  isPublished: boolean;
}

export function canCorrectRecord(actor: Actor, record: CorrectionFacts): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user' || !roleCan(actor, 'report.import')) return false;
  if (actor.organisationKind === 'secretariat') return true;
  // A published record is the Party's final word: only the Secretariat changes it from then on.
  return actor.party === record.reportingParty.trim() && !record.isPublished;
}
