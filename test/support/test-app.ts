/** An app on a fresh test database, for app.inject() tests; the structured log is captured. */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp, type App } from '../../src/server/app.ts';
import { readSettings, type Settings } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: App;
  database: TestDatabase;
  settings: Settings;
  /** Every log line the app wrote, as text. */
  logs: string[];
  close(): Promise<void>;
}

export async function createTestApp(
  env: Record<string, string> = {},
  options: {
    clock?: () => Date;
    /** What the app is given as its database (a probed pool, a read replica); the test database by default. */
    serve?: (database: TestDatabase) => Database;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const settings = readSettings({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    ITD_SECRET_KEY: randomBytes(32).toString('hex'),
    ...env,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  let app: App;
  try {
    app = await buildApp({
      database: options.serve ? options.serve(database) : database,
      settings,
      logStream,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    await app.ready();
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    app,
    database,
    settings,
    logs,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
