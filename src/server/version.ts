import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './config.ts';

/** The platform's version, from package.json: recorded with each migration it applies. */
export const APP_VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string }
).version;
