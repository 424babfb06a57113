/**
 * Who may see and act on a report. The same rules as the row-level security functions of
 * migrations/0007 (app_can_see_report, app_can_write_report), stated here so the queries can filter
 * and the responses can carry `abilities`; the database checks them a second time.
 */
import type { Actor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';
import type { ReportAbility, ReportStatus } from '../../../shared/reports.contract.ts';
import { canCorrectRecord } from '../seizure-records/index.ts';

export interface ReportFacts {
  party: string;
  status: ReportStatus;
}

/** Secretariat: every report. A Party's users: their own Party's, members only once published. */
export function canSeeReport(actor: Actor, report: ReportFacts): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user' || !can(actor, 'report.read')) return false;
  if (actor.organisationKind === 'secretariat') return true;
  if (actor.party !== report.party) return false;
  return report.status === 'published' || can(actor, 'report.import');
}

/** May start a report for this Party (upload or create): the Secretariat for any Party, a Party for its own. */
export function canCreateReport(actor: Actor, party: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user' || !can(actor, 'report.import')) return false;
  return actor.organisationKind === 'secretariat' || actor.party === party;
}

/** May change the report's data: as creating, and for a Party only until the report is published. */
export function canWriteReport(actor: Actor, report: ReportFacts): boolean {
  if (!canCreateReport(actor, report.party)) return false;
  if (actor.kind === 'user' && actor.organisationKind !== 'secretariat') return report.status !== 'published';
  return true;
}

/**
 * A published report refuses every change from anyone but Secretariat staff, whatever the action: the lifecycle
 * answers such a request with a refusal (403), not with a conflict of states (409).
 */
export function isClosedToActor(actor: Actor, report: ReportFacts): boolean {
  return (
    report.status === 'published' && !(actor.kind === 'user' && actor.organisationKind === 'secretariat')
  );
}

/**
 * Who publishes reports (and returns them to draft): the Secretariat's roles that may, and the platform's own jobs,
 * such as `itd import report --publish` run by the custodians on the server.
 */
export function mayPublishReports(actor: Actor): boolean {
  return actor.kind === 'system' || can(actor, 'report.publish');
}

export function reportAbilities(actor: Actor, report: ReportFacts): ReportAbility[] {
  if (!canSeeReport(actor, report)) return [];
  const abilities: ReportAbility[] = [];
  const writer = canWriteReport(actor, report);
  const publisher = mayPublishReports(actor);
  if (writer && report.status === 'draft') abilities.push('edit');
  if (writer) abilities.push('change_sharing');
  // Correcting its records: the record's own rule, the same one the explorer reads.
  if (canCorrectRecord(actor, { reportingParty: report.party, isPublished: report.status === 'published' }))
    abilities.push('correct');
  if (writer && report.status === 'draft') abilities.push('submit');
  if (publisher && report.status === 'submitted') abilities.push('publish');
  if (publisher && report.status !== 'draft') abilities.push('return_to_draft');
  return abilities;
}
