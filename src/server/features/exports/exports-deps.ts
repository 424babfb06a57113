/** What the export use cases need. */
import type { Kysely } from 'kysely';
import type { Settings } from '../../config.ts';
import type { DB } from '../../db/schema.ts';

export interface ExportsDeps {
  db: Kysely<DB>;
  clock: () => Date;
  settings: Pick<Settings, 'exports' | 'publicUrl'>;
}
