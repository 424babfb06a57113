/**
 * The alert sent when a permit, or a range of blank security stamps, is reported lost or stolen: an e-mail to
 * every active user of the issuing Party, and — for each group its author chose among its own — an in-app
 * notification and an e-mail to the group's law-enforcement members (the groups feature's alertGroupMembers).
 * Each names the Party, the number(s), the status and the day, never the permit's contents. Run as the platform
 * itself, in its own transaction after the change is committed (a Management Authority user may not read other
 * users' addresses); someone reached twice (a Party user who is also a member) gets one e-mail.
 */
import type { Tx } from '../../db/with-actor.ts';
import { alertGroupMembers } from '../groups/index.ts';
import { queueMail } from '../mail/index.ts';
import { findPartyContacts } from './permit-activity.repo.ts';

const STATUS_WORDS = {
  lost: { en: 'lost', fr: 'perdu', es: 'perdido' },
  stolen: { en: 'stolen', fr: 'volé', es: 'robado' },
} as const;
/** Stamps are plural in French and Spanish. */
const STAMPS_STATUS_WORDS = {
  lost: { en: 'lost', fr: 'perdus', es: 'perdidos' },
  stolen: { en: 'stolen', fr: 'volés', es: 'robados' },
} as const;

export interface MarkAlert {
  country: string;
  status: 'lost' | 'stolen';
  on: string;
  what: { kind: 'permit'; number: string } | { kind: 'stamps'; from: string; to: string };
  /** Groups whose members are alerted too, already checked to be groups of the author. */
  groupIds: readonly string[];
}

type Recipient = { email: string; language: 'en' | 'fr' | 'es' };

export async function alertOfMark(tx: Tx, clock: () => Date, alert: MarkAlert): Promise<number> {
  const recipients = new Map<string, Recipient>();
  for (const contact of await findPartyContacts(tx, alert.country)) recipients.set(contact.email, contact);
  const title =
    alert.what.kind === 'permit'
      ? `Permit ${alert.country} ${alert.what.number} reported ${alert.status} on ${alert.on}`
      : `Security stamps ${alert.what.from}–${alert.what.to} of ${alert.country} reported ${alert.status} on ${alert.on}`;
  for (const groupId of alert.groupIds) {
    for (const member of await alertGroupMembers(tx, { groupId, title, now: clock() }))
      if (!recipients.has(member.email)) recipients.set(member.email, member);
  }
  for (const recipient of recipients.values()) await queueMail(tx, mailOf(alert, recipient));
  return recipients.size;
}

function mailOf(alert: MarkAlert, to: Recipient) {
  const common = { party: alert.country, on: alert.on };
  if (alert.what.kind === 'permit')
    return {
      to: to.email,
      language: to.language,
      template: 'permit_marked' as const,
      params: { ...common, number: alert.what.number, status: STATUS_WORDS[alert.status][to.language] },
    };
  return {
    to: to.email,
    language: to.language,
    template: 'permit_stamps_marked' as const,
    params: {
      ...common,
      from: alert.what.from,
      to: alert.what.to,
      status: STAMPS_STATUS_WORDS[alert.status][to.language],
    },
  };
}
