/**
 * The demo's closed user group: the cheetah enforcement group, owned by the demo Secretariat admin, so a newcomer
 * signing in as that admin finds a group to try messaging, the library and join requests with.
 */
import type { Kysely } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { seedCheetahGroup } from '../groups/index.ts';
import { demoUserSpecs } from './demo-users.ts';
import { selectUserIdByEmail } from './demo.repo.ts';

export async function seedDemoGroup(db: Kysely<DB>, now: Date): Promise<{ created: boolean }> {
  const ownerEmail = demoUserSpecs().find(
    (spec) => spec.organisationKind === 'secretariat' && spec.role === 'admin',
  )?.email;
  return withActor(db, systemActor('itd demo'), async (tx) => {
    const ownerId = ownerEmail ? await selectUserIdByEmail(tx, ownerEmail) : undefined;
    if (!ownerId) return { created: false };
    const { created } = await seedCheetahGroup(tx, {
      ownerUserId: ownerId,
      ownerCategory: 'secretariat',
      now,
    });
    return { created };
  });
}
