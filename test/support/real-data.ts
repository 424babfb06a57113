/** Third-party test files are read where they are, in ../shared/realdata, never copied into the project. */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/server/config.ts';

export function realDataFile(name: string): string {
  const file = path.resolve(projectRoot(), '..', 'shared', 'realdata', name);
  if (!fs.existsSync(file))
    throw new Error(`Real test file missing: ${file} (tests expect ../shared/realdata beside the checkout)`);
  return file;
}
