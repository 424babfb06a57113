/**
 * The alert sent when a permit is reported lost or stolen: an e-mail to every active user of the issuing Party,
 * naming the Party, the number, the status and the day — never the permit's contents. Run as the platform itself,
 * in its own transaction after the change is committed.
 */
import type { Tx } from '../../db/with-actor.ts';
import { queueMail } from '../mail/index.ts';
import { findPartyContacts } from './permit-activity.repo.ts';

const STATUS_WORDS = {
  lost: { en: 'lost', fr: 'perdu', es: 'perdido' },
  stolen: { en: 'stolen', fr: 'volé', es: 'robado' },
} as const;

export async function alertPartyOfMarkedPermit(
  tx: Tx,
  _clock: () => Date,
  marked: { country: string; number: string; status: 'lost' | 'stolen'; on: string },
): Promise<number> {
  const contacts = await findPartyContacts(tx, marked.country);
  for (const contact of contacts) {
    await queueMail(tx, {
      to: contact.email,
      language: contact.language,
      template: 'permit_marked',
      params: {
        party: marked.country,
        number: marked.number,
        status: STATUS_WORDS[marked.status][contact.language],
        on: marked.on,
      },
    });
  }
  return contacts.length;
}
