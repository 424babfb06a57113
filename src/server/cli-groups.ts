/** The group sub-command of `itd`: groups create (bootstrap a closed user group with its owner). */
import { systemActor } from '../shared/actor.ts';
import { MEMBER_CATEGORIES, type MemberCategory } from '../shared/groups.contract.ts';
import type { Settings } from './config.ts';
import { openDatabase } from './db/database.ts';
import { createGroupByCommand } from './features/groups/index.ts';
import { NO_REQUEST } from './lib/request-context.ts';
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
    const id = await createGroupByCommand(
      { db: database.db, clock: () => new Date() },
      systemActor('itd groups create'),
      NO_REQUEST,
      {
        name: {
          en: options.nameEn,
          fr: options.nameFr ?? options.nameEn,
          es: options.nameEs ?? options.nameEn,
        },
        description: { en: '', fr: '', es: '' },
        isConfidential: options.confidential === true,
        ownerEmail: options.owner,
        ownerCategory: options.category as MemberCategory,
      },
    );
    process.stdout.write(
      `Group ${options.nameEn} created (${id}), owned by ${options.owner.toLowerCase()}.\n`,
    );
  } finally {
    await database.close();
  }
}
