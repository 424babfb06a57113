/**
 * Third-party test files are read where they are, in ../shared/realdata, never copied into the project.
 * A checkout without that folder beside it skips the tests that need them; in CI a missing file fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/server/config.ts';

export function realDataFile(name: string): string | null {
  const file = path.resolve(projectRoot(), '..', 'shared', 'realdata', name);
  if (fs.existsSync(file)) return file;
  if (process.env.CI)
    throw new Error(`Real test file missing: ${file} (CI runs with ../shared/realdata beside the checkout)`);
  return null;
}
