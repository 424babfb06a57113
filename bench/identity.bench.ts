/**
 * The identity benchmark: what authentication costs per request. A signed-in session (cookie) and a
 * personal API token (bearer) each call a light signed-in route under concurrent load.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/app.ts';
import { readSettings } from '../src/server/config.ts';
import { setUpDatabase } from '../src/server/setup-database.ts';
import { createTestUser, signIn, testClock } from '../test/support/identity.ts';
import { openBenchDatabase, report } from './bench-support.ts';

export async function identityBenchmark(): Promise<void> {
  const { database, drop } = await openBenchDatabase();
  try {
    console.log(`Backend: ${database.backend}`);
    await setUpDatabase(database.db);
    const settings = readSettings({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '100000000',
      ITD_SECRET_KEY: randomBytes(32).toString('hex'),
    });
    const clock = testClock();
    const app = await buildApp({ database, settings, clock });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const client = await signIn(app, clock, await createTestUser(database.db));
      const token = (await client.call('POST', '/api/v1/tokens', { name: 'bench', days: 1 })).json<{
        token: string;
      }>().token;
      for (const [title, headers] of [
        ['session cookie, GET /api/v1/tokens (50 conn.)', { cookie: `itd_session=${client.cookie}` }],
        ['bearer token, GET /api/v1/tokens (50 conn.)', { authorization: `Bearer ${token}` }],
      ] as const) {
        report(
          title,
          await autocannon({ url: `${base}/api/v1/tokens`, connections: 50, duration: 10, headers }),
        );
      }
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await app.close();
    }
  } finally {
    await database.close();
    await drop();
  }
}
