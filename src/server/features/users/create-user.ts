/**
 * Creating an approved user from the command line (bootstrap and operations), with a one-time
 * password to hand over; the second factor is enrolled at the first sign-in. On an empty database
 * the server creates the first Secretariat admin this way and prints the credentials once.
 */
import type { Kysely } from 'kysely';
import { systemActor, type OrganisationKind, type Role } from '../../../shared/actor.ts';
import { emailSchema } from '../../../shared/auth.contract.ts';
import { ORGANISATION_KIND_ROLES } from '../../../shared/permissions.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { hashPassword } from '../identity/index.ts';
import { randomSecret } from '../identity/index.ts';
import { findOrganisationByName, insertOrganisation } from '../organisations/index.ts';
import { hasAnyUser, insertUser, isEmailTaken } from './users.repo.ts';

export interface CreateUserInput {
  email: string;
  firstName: string;
  lastName: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  party: string | null;
  authorityType: string | null;
  role: Role;
  itdAccess: boolean;
  language?: 'en' | 'fr' | 'es';
}

export class CreateUserError extends Error {}

export async function createUserWithPassword(
  db: Kysely<DB>,
  input: CreateUserInput,
  clock: () => Date = () => new Date(),
): Promise<{ userId: string; password: string }> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new CreateUserError(`--email: "${input.email}" is not an e-mail address`);
  if (!ORGANISATION_KIND_ROLES[input.organisationKind].includes(input.role)) {
    throw new CreateUserError(
      `--role: a ${input.organisationKind} user may be ${ORGANISATION_KIND_ROLES[input.organisationKind].join(', ')}`,
    );
  }
  if ((input.organisationKind === 'party') !== (input.party !== null)) {
    throw new CreateUserError('--party: required for (and only for) a party organisation');
  }
  const actor = systemActor('itd users create');
  const password = randomSecret(15);
  const passwordHash = await hashPassword(password);
  return withActor(db, actor, async (tx) => {
    if (await isEmailTaken(tx, email.data)) {
      throw new CreateUserError(`A user with the address ${email.data} already exists.`);
    }
    let organisation = await findOrganisationByName(tx, input.organisationName);
    if (organisation && organisation.kind !== input.organisationKind) {
      throw new CreateUserError(
        `The organisation "${input.organisationName}" exists and is of kind ${organisation.kind}.`,
      );
    }
    organisation ??= await insertOrganisation(tx, {
      name: input.organisationName,
      kind: input.organisationKind,
      party: input.party,
      authority_type: input.authorityType,
    });
    const userId = await insertUser(tx, {
      email: email.data,
      first_name: input.firstName,
      last_name: input.lastName,
      organisation_id: organisation.id,
      role: input.role,
      has_itd_access: input.itdAccess && input.organisationKind !== 'igo',
      language: input.language ?? 'en',
      password_hash: passwordHash,
      must_change_password: true,
    });
    await recordAudit(tx, auditContextOf(actor, clock, NO_REQUEST), {
      action: 'user.created',
      targetType: 'user',
      targetId: userId,
      details: { role: input.role, organisationId: organisation.id },
    });
    return { userId, password };
  });
}

/** On an empty database: the first Secretariat admin, or null when users exist already. */
export async function ensureFirstAdmin(
  db: Kysely<DB>,
  email: string,
): Promise<{ email: string; password: string } | null> {
  const someoneExists = () => withActor(db, systemActor('bootstrap'), hasAnyUser);
  if (await someoneExists()) return null;
  let created: { password: string };
  try {
    created = await createUserWithPassword(db, {
      email,
      firstName: 'Secretariat',
      lastName: 'Administrator',
      organisationName: 'CITES Secretariat',
      organisationKind: 'secretariat',
      party: null,
      authorityType: null,
      role: 'admin',
      itdAccess: true,
    });
  } catch (error) {
    // Several servers starting together on an empty database (docs/TOPOLOGY.md) all try; the first one's admin
    // stands and the others start without creating one.
    if (await someoneExists()) return null;
    throw error;
  }
  return { email, password: created.password };
}
