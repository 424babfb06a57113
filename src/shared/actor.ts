/**
 * Who is acting. Every data access runs as an actor (withActor on the server); the permission table
 * and the row-level security policies read the same fields.
 */
export const ORGANISATION_KINDS = ['secretariat', 'party', 'iccwc', 'igo'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ['admin', 'data_officer', 'focal_point', 'reporter', 'member'] as const;
export type Role = (typeof ROLES)[number];

export interface UserActor {
  kind: 'user';
  userId: string;
  /** For logs and audit labels only; never used to decide anything. */
  label: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  /** ISO 3166-1 alpha-2 of the Party, for `party` organisations; null otherwise. */
  party: string | null;
  role: Role;
  hasItdAccess: boolean;
}

/** The platform's own work: `itd` commands, scheduled jobs. */
export interface SystemActor {
  kind: 'system';
  label: string;
}

/** Someone not signed in (public pages: registration, sign-in, the checklist). */
export interface AnonymousActor {
  kind: 'anonymous';
}

export type Actor = UserActor | SystemActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };
export const systemActor = (label: string): SystemActor => ({ kind: 'system', label });
