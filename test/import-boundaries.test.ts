/**
 * The architecture's import boundaries are lint errors (eslint-rules/import-boundaries.js): each case below is a
 * line that must be refused, or allowed, in a file at the given place. Linted with ESLint itself, as `npm run lint`
 * does, so a rule that stops biting fails here.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import architecture from '../eslint-rules/import-boundaries.js';
import { projectRoot } from '../src/server/config.ts';

const eslint = new ESLint({
  cwd: projectRoot(),
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser },
      plugins: { architecture },
      rules: { 'architecture/import-boundaries': 'error', 'architecture/sql-in-repositories': 'error' },
    },
  ],
});

async function messagesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot(), file) });
  return (result?.messages ?? []).map((message) => message.message);
}

const REFUSED: [string, string, RegExp][] = [
  [
    'src/web/features/explorer/page.tsx',
    "import { x } from '../../../server/db/database.ts';",
    /web app never imports/,
  ],
  ['src/shared/thing.ts', "import { x } from '../server/config.ts';", /imports neither/],
  [
    'src/server/features/demo/x.ts',
    "import { x } from '../../../web/ui/frame.tsx';",
    /never imports the web app/,
  ],
  [
    'src/server/features/reports/reports.routes.ts',
    "import { x } from './reports.repo.ts';",
    /never imports a repository/,
  ],
  [
    'src/server/features/groups/groups.routes.ts',
    "import { x } from '../reports/reports.repo.ts';",
    /repository/,
  ],
  [
    'src/server/features/groups/notify.ts',
    "import { x } from '../identity/secrets.ts';",
    /features\/identity\/index\.ts/,
  ],
  [
    'src/server/app.ts',
    "import { x } from './features/audit/audit.service.ts';",
    /features\/audit\/index\.ts/,
  ],
  [
    'src/server/features/imports/a/b.ts',
    "export { x } from '../../reports/create-report.ts';",
    /reports\/index\.ts/,
  ],
];

const ALLOWED: [string, string][] = [
  ['src/web/features/explorer/page.tsx', "import { x } from '../../../shared/seizures.contract.ts';"],
  ['src/server/features/reports/reports.routes.ts', "import { x } from './reports.service.ts';"],
  ['src/server/features/reports/update-report.ts', "import { x } from './reports.repo.ts';"],
  ['src/server/features/groups/notify.ts', "import { x } from '../identity/index.ts';"],
  ['src/server/features/imports/submit/submit-batch.ts', "import { x } from '../check/check-rows.ts';"],
  ['src/server/features/groups/groups.service.ts', "import { x } from '../../db/with-actor.ts';"],
  ['src/server/features/groups/groups.test.ts', "import { x } from '../identity/secrets.ts';"],
];

test('imports across the boundaries are refused', async () => {
  for (const [file, code, expected] of REFUSED) {
    const messages = await messagesFor(file, code);
    assert.equal(messages.length, 1, `${file}: ${code} → ${messages.join('; ') || 'no error'}`);
    assert.match(messages[0]!, expected, file);
  }
});

test('imports inside the boundaries are allowed', async () => {
  for (const [file, code] of ALLOWED) {
    assert.deepEqual(await messagesFor(file, code), [], `${file}: ${code}`);
  }
});

const SQL_REFUSED: [string, string][] = [
  ['src/server/features/reports/update-report.ts', "await tx.selectFrom('reports').selectAll().execute();"],
  ['src/server/features/groups/groups.service.ts', "await tx.updateTable('groups').set({ name: 'x' });"],
  ['src/server/features/mail/mail.service.ts', 'await sql`select 1`.execute(tx);'],
  ['src/server/features/imports/stage/stage-upload.ts', 'await query.executeTakeFirstOrThrow();'],
];
const SQL_ALLOWED: [string, string][] = [
  ['src/server/features/reports/reports.repo.ts', "await tx.selectFrom('reports').selectAll().execute();"],
  ['src/server/features/groups/groups.test.ts', "await tx.insertInto('groups').values({}).execute();"],
  [
    'src/server/features/groups/groups.test-support.ts',
    "await tx.insertInto('groups').values({}).execute();",
  ],
  ['src/server/db/migrate.ts', 'await sql`select 1`.execute(db);'],
  ['src/server/features/seizures/seizures.policy.ts', 'const predicate = sql`visibility_keys && ${keys}`;'],
];

test('only repositories run SQL inside a feature', async () => {
  for (const [file, code] of SQL_REFUSED) {
    const messages = await messagesFor(file, code);
    assert.ok(messages.length > 0, `${file}: ${code} was not refused`);
    for (const message of messages) assert.match(message, /Only a \*\.repo\.ts file runs SQL/, file);
  }
  for (const [file, code] of SQL_ALLOWED)
    assert.deepEqual(await messagesFor(file, code), [], `${file}: ${code}`);
});
