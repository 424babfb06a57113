/**
 * Telling members by e-mail that something happened. An e-mail says what kind of thing arrived and in which
 * group, never what it says (DESIGN §5: e-mails carry no data); its link leads to the group, where the reader
 * signs in. Whom to tell comes from `groupContacts` (notifications.repo.ts).
 */
import type { Language } from '../../../shared/languages.ts';
import type { Settings } from '../../config.ts';
import type { Tx } from '../../db/with-actor.ts';
import { queueMail } from '../mail/index.ts';
import type { TemplateName } from '../mail/index.ts';
import type { GroupRow } from './groups.repo.ts';
import type { Contact } from './notifications.repo.ts';

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
