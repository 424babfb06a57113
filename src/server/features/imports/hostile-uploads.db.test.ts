/**
 * Hostile uploads against the server listening on a real port (this process is the server: its peak resident
 * memory is the server's): a 600 KB zip bomb holding one 629 MB cell, workbooks of millions of blank rows, a CSV
 * with a giant cell, too many columns and a DOCTYPE are each refused with the right status and a problem naming
 * the limit, quickly, with the peak memory under 300 MB, while a second client is answered promptly. Then the
 * caps on files read at once (per user 429, per server 503) and an abandoned upload, whose reading stops.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { testPostgresUrl } from '../../../../test/support/test-database.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../../../../test/support/identity.ts';
import {
  headerRowXml,
  MIB,
  plainPart,
  repeatedPart,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookParts,
  zipOf,
} from '../../lib/spreadsheets/hostile-files.fixture.ts';

const HEADER = headerRowXml(['Date of seizure', 'Species', 'Quantity']);
const clock = testClock();

const hugeCell = (megabytes: number, claimedSize?: number) =>
  zipOf(
    workbookParts(
      repeatedPart(
        'xl/worksheets/sheet1.xml',
        {
          head: `${SHEET_HEAD}${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>`,
          filler: Buffer.alloc(MIB, 'A'),
          times: megabytes,
          tail: `</t></is></c></row>${SHEET_TAIL}`,
        },
        claimedSize,
      ),
    ),
  );
const ROW = '<row r="7"/>';
const blankRows = (megabytes: number) =>
  zipOf(
    workbookParts(
      repeatedPart('xl/worksheets/sheet1.xml', {
        head: `${SHEET_HEAD}${HEADER}`,
        filler: Buffer.from(ROW.repeat(Math.floor(MIB / ROW.length))),
        times: megabytes,
        tail: SHEET_TAIL,
      }),
    ),
  );

/** Peak resident memory of this process since the last reset (Linux), in MB. */
const peakMb = () =>
  Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const resetPeak = () => fs.writeFileSync('/proc/self/clear_refs', '5');

interface Server {
  t: TestApp;
  url: string;
  users: ApiClient[];
}

async function startServer(env: Record<string, string>, userCount: number): Promise<Server> {
  const t = await createTestApp(
    { RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', ...env },
    { clock },
  );
  const users: ApiClient[] = [];
  for (let i = 0; i < userCount; i++)
    users.push(
      await signIn(t.app, clock, await createTestUser(t.database.db, { party: 'KE', role: 'reporter' })),
    );
  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { t, url, users };
}

/** Uploads over HTTP; answers the status, the problem and the time it took. */
async function upload(server: Server, user: ApiClient, bytes: Buffer, name: string, signal?: AbortSignal) {
  const form = new FormData();
  form.set('year', '2025');
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const started = performance.now();
  const response = await fetch(`${server.url}/api/v1/imports`, {
    method: 'POST',
    body: form,
    headers: { cookie: `itd_session=${user.cookie}`, 'x-csrf-token': user.csrf ?? '' },
    ...(signal ? { signal } : {}),
  });
  const body = (await response.json()) as {
    code?: string;
    detail?: string;
    errors?: { field: string; row?: number; message: string }[];
  };
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body,
    ms: performance.now() - started,
  };
}

/** Asks /healthz every 50 ms until `work` ends; answers the slowest answer's time. */
async function slowestHealthAnswer(server: Server, work: Promise<unknown>): Promise<number> {
  let done = false;
  void work.finally(() => (done = true));
  let slowest = 0;
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${server.url}/healthz`).catch((error: Error) => {
      throw new Error(`/healthz failed: ${String(error.cause)}`);
    });
    await response.text();
    assert.equal(response.status, 200);
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return slowest;
}

describe('hostile files are refused while they are read', () => {
  let server: Server;
  before(async () => (server = await startServer({}, 1)));
  after(async () => server?.t.close());

  const cases: { name: string; build: () => Buffer; file: string; status: number; setting: string }[] = [
    {
      name: '600 KB zip bomb, one 629 MB cell',
      build: () => hugeCell(600),
      file: 'bomb.xlsx',
      status: 413,
      setting: 'SPREADSHEET_MAX_INFLATED_BYTES',
    },
    {
      name: 'one 200 MB cell claimed within the size limit',
      build: () => hugeCell(200),
      file: 'cell.xlsx',
      status: 422,
      setting: 'SPREADSHEET_MAX_CELL_CHARS',
    },
    {
      name: '5.8 MB-like file of 2 GB of blank rows',
      build: () => blankRows(2000),
      file: 'blank-2g.xlsx',
      status: 413,
      setting: 'SPREADSHEET_MAX_INFLATED_BYTES',
    },
    {
      name: 'millions of blank rows within the size limit',
      build: () => blankRows(200),
      file: 'blank.xlsx',
      status: 422,
      setting: 'SPREADSHEET_MAX_ROWS',
    },
    {
      name: 'CSV with a 20 MB cell',
      build: () =>
        Buffer.concat([
          Buffer.from('Date of seizure,Species,Quantity\n01/01/2025,'),
          Buffer.alloc(20 * MIB, 'A'),
        ]),
      file: 'giant.csv',
      status: 422,
      setting: 'SPREADSHEET_MAX_CELL_CHARS',
    },
    {
      name: 'CSV with 300 columns',
      build: () => Buffer.from(`Date of seizure,Species,Quantity\n${'1,'.repeat(300)}\n`),
      file: 'wide.csv',
      status: 422,
      setting: 'SPREADSHEET_MAX_COLUMNS',
    },
    {
      name: 'workbook with a cell at column XFD',
      build: () =>
        zipOf(
          workbookParts(
            plainPart(
              'xl/worksheets/sheet1.xml',
              `${SHEET_HEAD}${HEADER}<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>${SHEET_TAIL}`,
            ),
          ),
        ),
      file: 'xfd.xlsx',
      status: 422,
      setting: 'SPREADSHEET_MAX_COLUMNS',
    },
  ];

  for (const hostile of cases)
    test(`${hostile.name}: ${hostile.status} naming ${hostile.setting}, memory and a second client fine`, async () => {
      const bytes = hostile.build();
      resetPeak();
      const before = rssMb();
      const refusal = upload(server, server.users[0]!, bytes, hostile.file);
      const slowest = await slowestHealthAnswer(server, refusal);
      const { status, type, body, ms } = await refusal;
      const peak = peakMb();
      console.log(
        `${hostile.name}: ${bytes.length} bytes, ${status} in ${ms.toFixed(0)} ms, RSS before ${before.toFixed(0)} MB, peak RSS ${peak.toFixed(0)} MB, slowest /healthz ${slowest.toFixed(0)} ms`,
      );
      assert.equal(status, hostile.status, JSON.stringify(body));
      assert.match(type, /application\/problem\+json/);
      assert.equal(body.code, 'file_limit_exceeded');
      assert.match(body.detail ?? '', new RegExp(hostile.setting));
      assert.equal(body.errors?.[0]?.field, 'file');
      // The embedded database lives in this process too (over 500 MB here): what the upload adds is measured.
      assert.ok(peak - before < 300, `the upload took the peak resident memory from ${before} to ${peak} MB`);
      assert.ok(ms < 20_000, `refused in ${ms} ms`);
      assert.ok(slowest < 2000, `the second client waited ${slowest} ms`);
    });

  test('an XLSX with a DOCTYPE is a 400 problem naming the file, not a 500', async () => {
    const entities = '<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const bytes = zipOf(
      workbookParts(plainPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${HEADER}${SHEET_TAIL}`), entities),
    );
    const { status, type, body } = await upload(server, server.users[0]!, bytes, 'doctype.xlsx');
    assert.equal(status, 400, JSON.stringify(body));
    assert.match(type, /application\/problem\+json/);
    assert.equal(body.errors?.[0]?.field, 'file');
    assert.match(body.errors?.[0]?.message ?? '', /DOCTYPE/);
    const staged = await server.t.database.db.selectFrom('import_batches').select('id').execute();
    assert.equal(staged.length, 0, 'nothing staged by any refusal');
  });

  test('one bad byte keeps a UTF-8 CSV in UTF-8; the row holding it is warned about, naming the column', async () => {
    const csv = Buffer.concat([
      Buffer.from('Date of seizure,Species,Quantity,Unit,Nationality of offenders,Additional information\n'),
      Buffer.from(
        '15/03/2025,Manis javanica,1,kg,Côte d’Ivoire,écailles\n16/03/2025,Manis javanica,2,kg,Sénégal,',
      ),
      Buffer.from([0x66, 0xe9, 0x21]),
      Buffer.from('\n17/03/2025,Manis javanica,3,kg,Bénin,défenses\n'),
    ]);
    const staged = await upload(server, server.users[0]!, csv, 'accents.csv');
    assert.equal(staged.status, 201, JSON.stringify(staged.body));
    const { id } = staged.body as unknown as { id: string };
    const user = server.users[0]!;
    const rows = (await user.call('GET', `/api/v1/imports/${id}/rows?limit=50`)).json<{
      items: {
        row: number;
        cells: Record<string, string>;
        problems: { column: string | null; code: string; severity: string }[];
      }[];
    }>().items;
    assert.equal(rows[0]!.cells['Nationality of offenders'], 'Côte d’Ivoire');
    assert.equal(rows[2]!.cells['Additional information'], 'défenses');
    const warned = rows.filter((row) => row.problems.some((p) => p.code === 'invalid_characters'));
    assert.deepEqual(
      warned.map((row) => row.row),
      [3],
    );
    const problem = warned[0]!.problems.find((p) => p.code === 'invalid_characters')!;
    assert.equal(problem.column, 'Additional information');
    assert.equal(problem.severity, 'warning');
  });
});

// With the embedded database every request waits for the one connection a staging transaction holds, so a second
// upload could not even be signed in while the first is read: the caps are shown on PostgreSQL.
const onPostgres = testPostgresUrl() !== undefined;

describe(
  'files read at once and abandoned uploads',
  { skip: onPostgres ? false : 'PostgreSQL only (TEST_DATABASE_URL)' },
  () => {
    let server: Server;
    // Rows and parse time generous, so a file of blank rows keeps a reader busy for a while.
    before(
      async () =>
        (server = await startServer(
          {
            SPREADSHEET_MAX_READS_PER_USER: '1',
            SPREADSHEET_MAX_READS: '2',
            SPREADSHEET_MAX_ROWS: '100000000',
          },
          3,
        )),
    );
    after(async () => server?.t.close());
    const small = Buffer.from('Date of seizure,Species,Quantity\n15/03/2025,Manis javanica,1\n');
    const batches = async () =>
      (await server.t.database.db.selectFrom('import_batches').select('id').execute()).length;

    test('a second file of one user is 429, a third file on the server 503; an abandoned upload frees its slot at once', async () => {
      const [first, second, third] = server.users as [ApiClient, ApiClient, ApiClient];
      const abandon = new AbortController();
      const busy = upload(server, first, blankRows(240), 'busy.xlsx', abandon.signal).catch(
        (error: Error) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));

      const mine = await upload(server, first, small, 'mine.csv');
      assert.equal(mine.status, 429, JSON.stringify(mine.body));
      assert.equal(mine.body.code, 'too_many_uploads');

      const otherAbandon = new AbortController();
      const other = upload(server, second, blankRows(240), 'other.xlsx', otherAbandon.signal).catch(
        (error: Error) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const full = await upload(server, third, small, 'third.csv');
      assert.equal(full.status, 503, JSON.stringify(full.body));
      assert.equal(full.body.code, 'server_busy');

      // The first uploader leaves: its reading stops and its slot is free again within moments, not when the
      // parse would have ended (blank rows up to the inflated-size limit take far longer).
      const left = performance.now();
      abandon.abort();
      otherAbandon.abort();
      await Promise.all([busy, other]);
      let again = await upload(server, first, small, 'again.csv');
      while (again.status === 429 && performance.now() - left < 3000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        again = await upload(server, first, small, 'again.csv');
      }
      const freedAfter = performance.now() - left;
      console.log(`slot freed ${freedAfter.toFixed(0)} ms after the upload was abandoned`);
      assert.equal(again.status, 201, JSON.stringify(again.body));
      assert.ok(freedAfter < 3000);
      assert.equal(await batches(), 1, 'only the small file after the abandoned one was staged');
    });
  },
);
