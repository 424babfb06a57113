/** Actor factories: each test makes the actors it needs, with fresh ids. */
import { randomUUID } from 'node:crypto';
import type { OrganisationKind, Role, UserActor } from '../../src/shared/actor.ts';

export function makeUser(
  overrides: Partial<UserActor> & { organisationKind?: OrganisationKind; role?: Role } = {},
): UserActor {
  const organisationKind = overrides.organisationKind ?? 'party';
  return {
    kind: 'user',
    userId: randomUUID(),
    label: 'test user',
    organisationId: randomUUID(),
    organisationKind,
    party: organisationKind === 'party' ? 'KE' : null,
    role: 'member',
    hasItdAccess: true,
    ...overrides,
  };
}

export const secretariatAdmin = () =>
  makeUser({ organisationKind: 'secretariat', role: 'admin', party: null });
