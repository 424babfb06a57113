/** Keeps an upload whole before any report exists (DESIGN §5, originals are kept), in the caller's transaction. */
import type { Actor } from '../../../shared/actor.ts';
import type { Tx } from '../../db/with-actor.ts';
import { actorIdOf } from '../../lib/actor-names.ts';
import { insertReportFile } from './report-files.repo.ts';

/** Returns the kept file's id; createReportWithRecords later makes it the report's original file. */
export function keepUploadedFile(
  tx: Tx,
  actor: Actor,
  file: { party: string; fileName: string; mediaType: string; content: Buffer },
): Promise<string> {
  return insertReportFile(tx, { ...file, uploadedBy: actorIdOf(actor) });
}
