/**
 * The role × action table: one truth for what each kind of user may do. Record-level rules (which
 * Party's request, which report) are the features' policies, which start from this table.
 * The compiler checks that every role is listed for every action (Record<Role, …>).
 */
import type { Actor, OrganisationKind, Role, UserActor } from './actor.ts';

export const ACTIONS = [
  'registration.review', // see the vetting queue and decide (Secretariat)
  'registration.endorse', // endorse or object to a request from one's own Party (focal points)
  'user.list',
  'user.suspend',
  'organisation.manage',
  'terms.publish',
  'audit.read',
  'outbox.read', // read queued and sent e-mail, and the body of one not yet sent (Secretariat admins)
  'token.manage_own',
  'account.manage_own',
  'itd.read',
  'report.read', // see reports: the Secretariat all, a Party's users their own Party's (report policy)
  'report.import', // upload, fix and submit reports (Secretariat data officers; a Party's focal points, reporters)
  'report.publish', // publish a report or return it to draft (Secretariat data officers and admins)
  'group.administer', // create, change and archive closed user groups, and moderate any of them (Secretariat admins)
  // Permits (issue 16). Import and mark: Secretariat data officers and admins; a Party's users, narrowed by the permits
  // policy to a Management Authority of that Party (an organisation authority type the actor does not carry).
  'permit.import',
  // Verify a permit and endorse it (box 14): the Secretariat and Party bodies; the permits policy adds
  // closed-user-group members of the customs, police and wildlife enforcement categories (never the igo category).
  'permit.lookup',
  'data.export', // take records or figures out as a file, under the sharing rule and the terms (anyone reading the ITD)
  'data.export_own_party', // download all of one's own Party's records in the template's layout (focal points, reporters)
  'download.register', // read everyone's download register and outstanding attestations (Secretariat admins, data officers)
  // Access receipts: which organisations searched, viewed or downloaded a Party's records (its focal points, for their
  // own Party; the Secretariat's admins and data officers, naming a Party).
  'access.receipts',
  'publication.request', // ask the Parties concerned for consent to publish ITD data (anyone reading the ITD)
  'publication.consent', // approve or refuse a request for one's own Party's data (focal points)
  'publication.proofs', // see the filed proofs of consent (Secretariat admins, data officers)
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = boolean | ((actor: UserActor) => boolean);
const secretariat = (actor: UserActor) => actor.organisationKind === 'secretariat';
const partyBody = (actor: UserActor) => actor.organisationKind === 'party' && actor.party !== null;
const hasItd = (actor: UserActor) => actor.hasItdAccess && actor.organisationKind !== 'igo';
const secretariatItd = (actor: UserActor) => secretariat(actor) && actor.hasItdAccess;
const partyItd = (actor: UserActor) => partyBody(actor) && actor.hasItdAccess;
const reportReader = (actor: UserActor) => secretariatItd(actor) || partyItd(actor);
const permitVerifier = (actor: UserActor) => secretariat(actor) || partyBody(actor);

const TABLE: Record<Action, Record<Role, Rule>> = {
  'registration.review': {
    admin: secretariat,
    data_officer: false,
    focal_point: false,
    reporter: false,
    member: false,
  },
  'registration.endorse': {
    admin: false,
    data_officer: false,
    focal_point: partyBody,
    reporter: false,
    member: false,
  },
  'user.list': {
    admin: secretariat,
    data_officer: false,
    focal_point: false,
    reporter: false,
    member: false,
  },
  'user.suspend': {
    admin: secretariat,
    data_officer: false,
    focal_point: false,
    reporter: false,
    member: false,
  },
  'organisation.manage': {
    admin: secretariat,
    data_officer: false,
    focal_point: false,
    reporter: false,
    member: false,
  },
  'terms.publish': {
    admin: secretariat,
    data_officer: false,
    focal_point: false,
    reporter: false,
    member: false,
  },
  'audit.read': {
    admin: secretariat,
    data_officer: false,
    focal_point: false,
    reporter: false,
    member: false,
  },
  'outbox.read': {
    admin: secretariat,
    data_officer: false,
    focal_point: false,
    reporter: false,
    member: false,
  },
  'token.manage_own': { admin: true, data_officer: true, focal_point: true, reporter: true, member: true },
  'account.manage_own': { admin: true, data_officer: true, focal_point: true, reporter: true, member: true },
  'itd.read': { admin: hasItd, data_officer: hasItd, focal_point: hasItd, reporter: hasItd, member: hasItd },
  'report.read': {
    admin: reportReader,
    data_officer: reportReader,
    focal_point: reportReader,
    reporter: reportReader,
    member: reportReader,
  },
  'report.import': {
    admin: secretariatItd,
    data_officer: secretariatItd,
    focal_point: partyItd,
    reporter: partyItd,
    member: false,
  },
  'report.publish': {
    admin: secretariatItd,
    data_officer: secretariatItd,
    focal_point: false,
    reporter: false,
    member: false,
  },
  'group.administer': {
    admin: secretariat,
    data_officer: false,
    focal_point: false,
    reporter: false,
    member: false,
  },
  'permit.import': {
    admin: secretariat,
    data_officer: secretariat,
    focal_point: partyBody,
    reporter: partyBody,
    member: partyBody,
  },
  'permit.lookup': {
    admin: permitVerifier,
    data_officer: permitVerifier,
    focal_point: permitVerifier,
    reporter: permitVerifier,
    member: permitVerifier,
  },
  'data.export': {
    admin: hasItd,
    data_officer: hasItd,
    focal_point: hasItd,
    reporter: hasItd,
    member: hasItd,
  },
  'data.export_own_party': {
    admin: false,
    data_officer: false,
    focal_point: partyItd,
    reporter: partyItd,
    member: false,
  },
  'download.register': {
    admin: secretariatItd,
    data_officer: secretariatItd,
    focal_point: false,
    reporter: false,
    member: false,
  },
  'access.receipts': {
    admin: secretariatItd,
    data_officer: secretariatItd,
    focal_point: partyItd,
    reporter: false,
    member: false,
  },
  'publication.request': {
    admin: hasItd,
    data_officer: hasItd,
    focal_point: hasItd,
    reporter: hasItd,
    member: hasItd,
  },
  'publication.consent': {
    admin: false,
    data_officer: false,
    focal_point: partyItd,
    reporter: false,
    member: false,
  },
  'publication.proofs': {
    admin: secretariatItd,
    data_officer: secretariatItd,
    focal_point: false,
    reporter: false,
    member: false,
  },
};

/** May this actor do this kind of thing at all? Anonymous and system actors get nothing from the table. */
export function can(actor: Actor, action: Action): boolean {
  if (actor.kind !== 'user') return false;
  const rule = TABLE[action][actor.role];
  return typeof rule === 'function' ? rule(actor) : rule;
}

/** The actions an actor may take, for the `abilities` of responses about the actor itself. */
export function abilitiesOf(actor: Actor): Action[] {
  return ACTIONS.filter((action) => can(actor, action));
}

export const ORGANISATION_KIND_ROLES: Record<OrganisationKind, readonly Role[]> = {
  secretariat: ['admin', 'data_officer', 'member'],
  party: ['focal_point', 'reporter', 'member'],
  iccwc: ['member'],
  igo: ['member'],
};
