/**
 * Creating a group with its first owners: by a Secretariat admin through the API, or by the platform itself
 * (`itd groups create`, demo data). `insertGroup` is the step both share inside their transaction.
 */
import type { Actor, SystemActor } from '../../../shared/actor.ts';
import type { Group, MemberCategory } from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { can } from './groups.policy.ts';
import {
  addMemberIfAbsent,
  findActiveUserForMembership,
  findActiveUserIdByEmail,
  insertGroupRow,
  isGroupNameTaken,
} from './groups.repo.ts';
import { ANY_GROUP, groupInTx } from './groups.service.ts';

export interface GroupInput {
  name: { en: string; fr: string; es: string };
  description: { en: string; fr: string; es: string };
  isConfidential: boolean;
  owners: { userId: string; category: MemberCategory }[];
}

/** Creates a group with its owners (active users); a name already used in English is refused. */
export async function insertGroup(tx: Tx, createdBy: string | null, input: GroupInput, now: Date) {
  if (await isGroupNameTaken(tx, input.name.en))
    throw new ValidationError([{ field: 'name.en', reason: 'invalid' }]);
  const group = await insertGroupRow(tx, {
    name_en: input.name.en,
    name_fr: input.name.fr,
    name_es: input.name.es,
    description_en: input.description.en,
    description_fr: input.description.fr,
    description_es: input.description.es,
    is_confidential: input.isConfidential,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  });
  for (const [index, owner] of input.owners.entries()) {
    const user = await findActiveUserForMembership(tx, owner.userId);
    if (!user) throw new ValidationError([{ field: `owners.${index}.userId`, reason: 'invalid' }]);
    await addMemberIfAbsent(tx, {
      group_id: group.id,
      user_id: user.id,
      category: owner.category,
      is_owner: true,
      display_name: `${user.first_name} ${user.last_name}`,
      organisation_name: user.organisation,
      country: user.country,
      joined_at: now,
    });
  }
  return group;
}

export async function createGroup(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  input: GroupInput,
): Promise<Group> {
  const user = groupUser(actor);
  if (!can(user, null, 'administer', { group: ANY_GROUP })) throw new NotFoundError();
  return withActor(deps.db, user, async (tx) => {
    const group = await insertGroup(tx, user.userId, input, deps.clock());
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'groups.created',
      targetType: 'group',
      targetId: group.id,
      details: { isConfidential: input.isConfidential, owners: input.owners.map((o) => o.userId) },
    });
    return groupInTx(tx, user, group.id);
  });
}

/** `itd groups create`: the platform creates a group owned by an existing active user, named by address. */
export async function createGroupByCommand(
  deps: Pick<GroupsDeps, 'db' | 'clock'>,
  actor: SystemActor,
  request: RequestContext,
  input: Omit<GroupInput, 'owners'> & { ownerEmail: string; ownerCategory: MemberCategory },
): Promise<string> {
  return withActor(deps.db, actor, async (tx) => {
    const ownerId = await findActiveUserIdByEmail(tx, input.ownerEmail.toLowerCase());
    if (!ownerId) throw new Error(`No active user with the address ${input.ownerEmail}.`);
    const group = await insertGroup(
      tx,
      null,
      { ...input, owners: [{ userId: ownerId, category: input.ownerCategory }] },
      deps.clock(),
    );
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'groups.created',
      targetType: 'group',
      targetId: group.id,
      details: { owners: [ownerId] },
    });
    return group.id;
  });
}
