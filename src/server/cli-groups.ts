/** The group sub-command of `itd`: groups create (bootstrap a closed user group with its owner). */
import { systemActor } from '../shared/actor.ts';
import { MEMBER_CATEGORIES, type MemberCategory } from '../shared/groups.contract.ts';
import type { Settings } from './config.ts';
import { openDatabase } from './db/database.ts';
import { withActor } from './db/with-actor.ts';
import { recordAudit } from './features/audit/audit.service.ts';
import { insertGroup } from './features/groups/groups.service.ts';
import { setUpDatabase } from './setup-database.ts';

export interface GroupsCreateOptions {
  nameEn: string;
  nameFr?: string;
  nameEs?: string;
  owner: string;
  category: string;
  confidential?: boolean;
}

export async function runGroupsCreate(settings: Settings, options: GroupsCreateOptions): Promise<void> {
  if (!(MEMBER_CATEGORIES as readonly string[]).includes(options.category))
    throw new Error(`--category must be one of ${MEMBER_CATEGORIES.join(', ')}`);
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    poolSize: 2,
  });
  try {
    await setUpDatabase(database.db);
    const actor = systemActor('itd groups create');
    const id = await withActor(database.db, actor, async (tx) => {
      const owner = await tx
        .selectFrom('users')
        .select(['id', 'status'])
        .where('email', '=', options.owner.toLowerCase())
        .executeTakeFirst();
      if (!owner || owner.status !== 'active')
        throw new Error(`No active user with the address ${options.owner}.`);
      const now = new Date();
      const group = await insertGroup(
        tx,
        null,
        {
          name: {
            en: options.nameEn,
            fr: options.nameFr ?? options.nameEn,
            es: options.nameEs ?? options.nameEn,
          },
          description: { en: '', fr: '', es: '' },
          isConfidential: options.confidential === true,
          owners: [{ userId: owner.id, category: options.category as MemberCategory }],
        },
        now,
      );
      await recordAudit(
        tx,
        { actor, clock: () => now },
        {
          action: 'groups.created',
          targetType: 'group',
          targetId: group.id,
          details: { owners: [owner.id] },
        },
      );
      return group.id;
    });
    process.stdout.write(
      `Group ${options.nameEn} created (${id}), owned by ${options.owner.toLowerCase()}.\n`,
    );
  } finally {
    await database.close();
  }
}
