/**
 * The process the import-kill test kills: `stage FILE` stages a report file and prints the batch id;
 * `submit ID` submits it, printing each chunk's progress, so the test can SIGKILL it in the middle.
 *   node --import tsx test/topology/import-submit-child.ts <postgres URL | data dir> stage <file>
 *   node --import tsx test/topology/import-submit-child.ts <postgres URL | data dir> submit <batch id>
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../../src/shared/actor.ts';
import { uploadFieldsSchema } from '../../src/shared/imports.contract.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { stageUpload, submitBatch } from '../../src/server/features/imports/index.ts';
import { NO_REQUEST } from '../../src/server/lib/request-context.ts';

const [target = '', mode, argument = ''] = process.argv.slice(2);
const database = await openDatabase(
  target.startsWith('postgres') ? { databaseUrl: target, poolSize: 2 } : { dataDir: target },
);
const actor = systemActor('import kill test');
const deps = { db: database.db, clock: () => new Date() };
if (mode === 'stage') {
  const batch = await stageUpload(deps, actor, NO_REQUEST, {
    fields: uploadFieldsSchema.parse({ party: 'KE', year: '2022' }),
    fileName: path.basename(argument),
    bytes: fs.readFileSync(argument),
  });
  process.stdout.write(`staged ${batch.id} ${batch.counts.ready}\n`);
  await database.close();
} else {
  await submitBatch(deps, actor, NO_REQUEST, {
    id: argument,
    publish: false,
    onProgress: (done) => process.stdout.write(`progress ${done}\n`),
  });
  process.stdout.write('submitted\n');
  await database.close();
}
