/**
 * Telling members that something happened: in-app notifications and e-mails. Both say what kind of thing
 * arrived and in which group, never what it says (DESIGN §5: e-mails carry no data); an e-mail's link leads to
 * the group, where the reader signs in. Recipients are read with app_group_contacts (migration 0014), which
 * honours the audience, so a law-enforcement item never notifies an IGO member.
 */
import { sql } from 'kysely';
import type { Audience } from '../../../shared/groups.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import type { Settings } from '../../config.ts';
import type { NotificationKind } from '../../db/schema-groups.ts';
import type { Tx } from '../../db/with-actor.ts';
import { queueMail } from '../mail/mail.service.ts';
import type { TemplateName } from '../mail/mail-templates.ts';
import type { GroupRow } from './groups.repo.ts';

export interface Contact {
  user_id: string;
  display_name: string;
  email: string;
  language: Language;
}

/** select * from app_group_contacts(g, audience, owners_only) */
export async function groupContacts(
  tx: Tx,
  groupId: string,
  audience: Audience,
  ownersOnly: boolean,
): Promise<Contact[]> {
  const result = await sql<Contact>`select user_id, display_name, email, language
      from app_group_contacts(${groupId}::uuid, ${audience}, ${ownersOnly})`.execute(tx);
  return result.rows;
}

export function groupName(group: GroupRow, language: Language): string {
  return { en: group.name_en, fr: group.name_fr, es: group.name_es }[language];
}

export function groupLink(settings: Settings, groupId: string, rest = ''): string {
  return `${settings.publicUrl}/groups/${groupId}${rest}`;
}

export async function mailContacts(
  tx: Tx,
  settings: Settings,
  group: GroupRow,
  contacts: Contact[],
  template: TemplateName,
  linkRest = '',
): Promise<void> {
  for (const contact of contacts) {
    await queueMail(tx, {
      to: contact.email,
      language: contact.language,
      template,
      params: { group: groupName(group, contact.language), link: groupLink(settings, group.id, linkRest) },
    });
  }
}

export async function notifyInApp(
  tx: Tx,
  rows: {
    userIds: string[];
    groupId: string;
    kind: NotificationKind;
    targetId: string | null;
    audience: Audience;
    title: string;
    now: Date;
  },
): Promise<void> {
  if (rows.userIds.length === 0) return;
  await tx
    .insertInto('group_notifications')
    .values(
      rows.userIds.map((userId) => ({
        user_id: userId,
        group_id: rows.groupId,
        kind: rows.kind,
        target_id: rows.targetId,
        audience: rows.audience,
        title: rows.title,
        created_at: rows.now,
      })),
    )
    .execute();
}
