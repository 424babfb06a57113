/** The identity sub-commands of `itd`: users create, tokens create. */
import { systemActor, ORGANISATION_KINDS, ROLES, type OrganisationKind, type Role } from '../shared/actor.ts';
import type { Settings } from './config.ts';
import { openDatabase } from './db/database.ts';
import { createTokenByCommand } from './features/identity/index.ts';
import { createUserWithPassword } from './features/users/index.ts';
import { suspendInactiveUsers } from './features/users/index.ts';
import { NO_REQUEST } from './lib/request-context.ts';
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
  options: { email: string; days: string; name?: string; scope?: string },
): Promise<void> {
  const days = Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new Error('--days must be a whole number from 1 to 365');
  // Two kinds of scope: `export` adds taking data out as files (exports); `permits.lookup` narrows the token to
  // the permit lookup and endorsement (a customs system's token).
  if (options.scope !== undefined && options.scope !== 'export' && options.scope !== 'permits.lookup')
    throw new Error('--scope must be export or permits.lookup');
  const scopes = options.scope === 'export' ? (['export'] as const) : [];
  await withDb(settings, async (database) => {
    const secret = await createTokenByCommand(
      { db: database.db, clock: () => new Date() },
      systemActor('itd tokens create'),
      NO_REQUEST,
      {
        email: options.email,
        days,
        name: options.name ?? 'created with itd tokens create',
        scopes,
        ...(options.scope === 'permits.lookup' ? { scope: 'permits.lookup' as const } : {}),
      },
    );
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
