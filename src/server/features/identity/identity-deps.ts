/** What the identity use cases need, passed in explicitly (STYLE §3). */
import type { Kysely } from 'kysely';
import type { Settings } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { MailSender } from '../mail/index.ts';
import type { Sealer } from './secrets.ts';

export interface IdentityDeps {
  db: Kysely<DB>;
  clock: () => Date;
  settings: Settings;
  sealer: Sealer;
  mail: MailSender;
}
