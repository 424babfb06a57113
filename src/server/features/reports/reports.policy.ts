/**
 * Who may see and act on a report. Seeing a report itself (its header, events and file) follows the records' rule
 * (DESIGN §2) without its rules 3 and 4: a user with ITD access sees a report when
 *   1. the user's organisation is the Secretariat (every report, whatever its status);
 *   2. it is a body of the report's Party: published reports for every role, drafts and submitted reports only
 *      for the focal points and reporters who prepare them.
 * ICCWC partners and concerned Parties see the records shared with them, never the other Party's report; `igo`
 * users see none.
 *
 * `canSeeReport` states it for one report in hand and `reportsVisibleTo` as a SQL predicate for lists, both from
 * `reachOf`, so they cannot drift. The row-level security functions of migrations/0007 (app_can_see_report,
 * app_can_write_report) state it again, and reports-rule.property.db.test.ts checks that all of them agree.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';
import type { ReportAbility, ReportStatus } from '../../../shared/reports.contract.ts';
import { canCorrectRecord } from '../seizure-records/index.ts';

export interface ReportFacts {
  party: string;
  status: ReportStatus;
}

/** The reports an actor sees: every one, none, or one Party's (with its unpublished reports or without). */
type ReportReach = 'all' | 'none' | { party: string; unpublishedToo: boolean };

function reachOf(actor: Actor): ReportReach {
  // The platform's own jobs (imports, demo data) act for the Secretariat.
  if (actor.kind === 'system') return 'all';
  // ITD access, and a Secretariat or Party organisation (the role table's report.read).
  if (actor.kind !== 'user' || !can(actor, 'report.read')) return 'none';
  if (actor.organisationKind === 'secretariat') return 'all'; // 1
  if (actor.party === null) return 'none';
  // 2: report.import is what the Party's focal points and reporters hold.
  return { party: actor.party, unpublishedToo: can(actor, 'report.import') };
}

/** May this actor see this report? */
export function canSeeReport(actor: Actor, report: ReportFacts): boolean {
  const reach = reachOf(actor);
  if (reach === 'all' || reach === 'none') return reach === 'all';
  return reach.party === report.party && (report.status === 'published' || reach.unpublishedToo);
}

/**
 * canSeeReport as a SQL predicate over `reports` aliased `r`, for lists; the actor's Party is a parameter so the
 * planner can use reports_party_year_idx. Row-level security (reports_read) applies the same rule underneath.
 */
export function reportsVisibleTo(actor: Actor): RawBuilder<boolean> {
  const reach = reachOf(actor);
  if (reach === 'all') return sql<boolean>`true`;
  if (reach === 'none') return sql<boolean>`false`;
  const own = sql<boolean>`r.party = ${reach.party}::char(2)`;
  return reach.unpublishedToo ? own : sql<boolean>`(${own} and r.status = 'published')`;
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
