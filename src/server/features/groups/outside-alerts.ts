/**
 * Alerts raised elsewhere in the platform for the members of a group (a permit, or a range of blank security
 * stamps, reported lost or stolen): an in-app notification of the group for each of its law-enforcement members —
 * the audience rule keeps IGO members out, as for an alert published in the group — and their addresses, for the
 * caller's own e-mail. The notification's title says what happened, never anything the members may not see. Run
 * as the platform itself, after the caller has checked that its author belongs to the groups it names.
 */
import type { Tx } from '../../db/with-actor.ts';
import { groupContacts, groupsOfActorAmong, notifyInApp, type Contact } from './notifications.repo.ts';

export async function alertGroupMembers(
  tx: Tx,
  input: { groupId: string; title: string; now: Date },
): Promise<Contact[]> {
  const audience = await groupContacts(tx, input.groupId, 'law_enforcement', false);
  await notifyInApp(tx, {
    userIds: audience.map((contact) => contact.user_id),
    groupId: input.groupId,
    kind: 'alert_published',
    targetId: null,
    audience: 'law_enforcement',
    title: input.title,
    now: input.now,
  });
  return audience;
}

/** Of these groups, those the acting user is a member of (read as the user: a group it is not in is left out). */
export async function memberGroupsOfActor(tx: Tx, groupIds: readonly string[]): Promise<string[]> {
  return groupIds.length === 0 ? [] : groupsOfActorAmong(tx, groupIds);
}
