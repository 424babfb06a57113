/**
 * The e-mails of consent to publish, in each recipient's language. Users may not read each other's addresses, so
 * they are written as the platform (a system actor), in a transaction of their own after the step they tell of has
 * committed: a lost notice never undoes a decision.
 */
import type { Kysely } from 'kysely';
import { systemActor } from '../../../../shared/actor.ts';
import type { DB } from '../../../db/schema.ts';
import { withActor, type Tx } from '../../../db/with-actor.ts';
import { queueMail, type TemplateName } from '../../mail/index.ts';
import { selectFocalPoints, selectUserContact, type PublicationRow } from './publication.repo.ts';

const NOTICES = systemActor('publication notices');

type RequestFacts = Pick<
  PublicationRow,
  'id' | 'title' | 'organisation_name' | 'expires_at' | 'requester_id'
>;

/** Asks, reminds or tells each Party's focal points (a withdrawal); returns how many e-mails were queued. */
export async function tellFocalPoints(
  tx: Tx,
  row: RequestFacts,
  parties: string[],
  options: {
    template: 'publication_consent_requested' | 'publication_consent_reminder' | 'publication_withdrawn';
    publicUrl: string;
  },
): Promise<number> {
  let queued = 0;
  for (const party of parties) {
    for (const person of await selectFocalPoints(tx, party)) {
      await queueMail(tx, {
        to: person.email,
        language: person.language,
        template: options.template,
        params: {
          firstName: person.first_name,
          party,
          organisation: row.organisation_name,
          title: row.title,
          expires: row.expires_at.toISOString().slice(0, 10),
          link: `${options.publicUrl}/publication/consents`,
        },
      });
      queued += 1;
    }
  }
  return queued;
}

export async function tellRequester(
  tx: Tx,
  row: RequestFacts,
  options: { template: TemplateName; party?: string; publicUrl: string },
): Promise<void> {
  const person = await selectUserContact(tx, row.requester_id);
  if (!person) return;
  await queueMail(tx, {
    to: person.email,
    language: person.language,
    template: options.template,
    params: {
      firstName: person.first_name,
      title: row.title,
      party: options.party ?? '',
      link: `${options.publicUrl}/publication/requests`,
    },
  });
}

/** Runs fn as the platform, in its own transaction. */
export async function asPlatform(db: Kysely<DB>, fn: (tx: Tx) => Promise<unknown>): Promise<void> {
  await withActor(db, NOTICES, async (tx) => {
    await fn(tx);
  });
}
