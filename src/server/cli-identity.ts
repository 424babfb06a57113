/** The identity sub-commands of `itd`: users create, tokens create. */
import { systemActor, ORGANISATION_KINDS, ROLES, type OrganisationKind, type Role } from '../shared/actor.ts';
import type { Settings } from './config.ts';
import { openDatabase } from './db/database.ts';
import { withActor } from './db/with-actor.ts';
import { recordAudit } from './features/audit/audit.service.ts';
import { hashSecret, randomSecret } from './features/identity/secrets.ts';
import { createUserWithPassword } from './features/users/create-user.ts';
import { suspendInactiveUsers } from './features/users/suspend-inactive.ts';
import { setUpDatabase } from './setup-database.ts';

export interface UsersCreateOptions {
  email: string;
  firstName: string;
  lastName: string;
  org: string;
  orgKind: string;
  party?: string;
  authority?: string;
  role: string;
  itdAccess?: boolean;
}

async function withDb<T>(
  settings: Settings,
  fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    poolSize: 2,
  });
  try {
    await setUpDatabase(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function runUsersCreate(settings: Settings, options: UsersCreateOptions): Promise<void> {
  if (!(ORGANISATION_KINDS as readonly string[]).includes(options.orgKind)) {
    throw new Error(`--org-kind must be one of ${ORGANISATION_KINDS.join(', ')}`);
  }
  if (!(ROLES as readonly string[]).includes(options.role))
    throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  await withDb(settings, async (database) => {
    const { password } = await createUserWithPassword(database.db, {
      email: options.email,
      firstName: options.firstName,
      lastName: options.lastName,
      organisationName: options.org,
      organisationKind: options.orgKind as OrganisationKind,
      party: options.party?.toUpperCase() ?? null,
      authorityType: options.authority ?? null,
      role: options.role as Role,
      itdAccess: options.itdAccess ?? false,
    });
    process.stdout.write(
      `User ${options.email.toLowerCase()} created.\nOne-time password: ${password}\n` +
        'Hand it over securely; the second factor is set up at the first sign-in.\n',
    );
  });
}

export async function runTokensCreate(
  settings: Settings,
  options: { email: string; days: string; name?: string },
): Promise<void> {
  const days = Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new Error('--days must be a whole number from 1 to 365');
  await withDb(settings, async (database) => {
    const actor = systemActor('itd tokens create');
    const secret = randomSecret(32);
    await withActor(database.db, actor, async (tx) => {
      const user = await tx
        .selectFrom('users')
        .select(['id', 'status'])
        .where('email', '=', options.email.toLowerCase())
        .executeTakeFirst();
      if (!user || user.status !== 'active')
        throw new Error(`No active user with the address ${options.email}.`);
      const now = new Date();
      const token = await tx
        .insertInto('api_tokens')
        .values({
          user_id: user.id,
          name: options.name ?? 'created with itd tokens create',
          token_hash: hashSecret(secret),
          // The user accepts the terms through the token itself (POST /api/v1/terms/accept).
          terms_version: null,
          created_at: now,
          expires_at: new Date(now.getTime() + days * 86_400_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(
        tx,
        { actor, clock: () => now },
        {
          action: 'token.created',
          targetType: 'api_token',
          targetId: token.id,
          details: { days, userId: user.id },
        },
      );
    });
    process.stdout.write(`${secret}\n`);
    process.stderr.write(
      `Token for ${options.email} valid ${days} days. It is shown only now; store it safely.\n`,
    );
  });
}

export async function runSuspendInactive(settings: Settings): Promise<void> {
  await withDb(settings, async (database) => {
    const report = await suspendInactiveUsers(database.db, {
      days: settings.inactivitySuspendDays,
      publicUrl: settings.publicUrl,
      clock: () => new Date(),
    });
    process.stdout.write(`Inactive accounts: ${report.warned} warned, ${report.suspended} suspended.\n`);
  });
}
