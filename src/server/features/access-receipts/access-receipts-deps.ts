/** What the access receipts' use cases need. */
import type { Kysely } from 'kysely';
import type { Settings } from '../../config.ts';
import type { DB } from '../../db/schema.ts';

export interface AccessReceiptsDeps {
  db: Kysely<DB>;
  clock: () => Date;
  settings: Pick<Settings, 'publicUrl'>;
}
