/**
 * Group files: sealed at rest (the bytes in the database are not the file and do not contain it), checked by
 * content (a forged extension or a forbidden type is refused), size-limited from configuration, names cleaned,
 * downloaded only as attachments with no sniffing, and only by those who may read what they are attached to.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { testClock } from '../../../../test/support/identity.ts';
import { realDataFile } from '../../../../test/support/real-data.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { problemSchema } from '../../../shared/problem.contract.ts';
import { messageSchema } from '../../../shared/groups.contract.ts';
import { cleanFileName } from './check-upload.ts';
import {
  addMember,
  makeGroup,
  pdfBytes,
  signedInUser,
  upload,
  uploadOk,
  type SignedInUser,
} from './groups.test-support.ts';

let t: TestApp;
const clock = testClock();
let alice: SignedInUser;
let bob: SignedInUser;
let outsider: SignedInUser;
let groupId: string;
const LIMIT = 600_000;

before(async () => {
  t = await createTestApp(
    { RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', GROUP_FILE_MAX_BYTES: String(LIMIT) },
    { clock },
  );
  alice = await signedInUser(t, clock);
  bob = await signedInUser(t, clock);
  outsider = await signedInUser(t, clock);
  groupId = await makeGroup(t);
  await addMember(t, groupId, alice, 'customs', true);
  await addMember(t, groupId, bob, 'police');
});
after(async () => {
  await t?.close();
});

describe('group files', () => {
  test('a real spreadsheet is stored sealed: the raw bytes differ from the file and do not contain it', async (ctx) => {
    const file = realDataFile('eia_pangolin_seizures_2000-2019.xlsx');
    if (!file) return ctx.skip('real data not beside the checkout');
    const content = fs.readFileSync(file);
    const uploaded = await uploadOk(t, alice, groupId, 'eia pangolin seizures.xlsx', content);
    assert.equal(uploaded.mediaType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const row = await t.database.db
      .selectFrom('group_files')
      .select(['sealed', 'size_bytes'])
      .where('id', '=', uploaded.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.size_bytes, content.length);
    assert.notDeepEqual(row.sealed, content);
    // Neither the zip signature nor any 64-byte run of the file appears in what the database holds.
    assert.equal(row.sealed.indexOf(content.subarray(0, 4)), -1);
    for (const at of [0, 1000, Math.floor(content.length / 2), content.length - 64])
      assert.equal(row.sealed.indexOf(content.subarray(at, at + 64)), -1, `run at ${at}`);

    // The uploader downloads it back byte for byte, as an attachment.
    const download = await alice.client.call('GET', uploaded.downloadPath);
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, content);
    assert.match(
      String(download.headers['content-disposition']),
      /^attachment; filename="eia pangolin seizures.xlsx"/,
    );
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.match(String(download.headers['content-security-policy']), /sandbox/);
    // Not attached yet: nobody else may fetch it.
    assert.equal((await bob.client.call('GET', uploaded.downloadPath)).statusCode, 404);
  });

  test('a CSV counts as text; a forged extension is refused; a program is refused', async (ctx) => {
    const csv = realDataFile('sapi_cites_annual_report_upload_sample.csv');
    if (!csv) return ctx.skip('real data not beside the checkout');
    const text = await uploadOk(t, alice, groupId, 'sample.csv', fs.readFileSync(csv));
    assert.equal(text.mediaType, 'text/plain');

    // A PDF named .png, a spreadsheet named .pdf, a Windows program named .pdf, a web page named .pdf: the
    // message names what the content really is.
    const xlsx = realDataFile('eia_pangolin_seizures_2000-2019.xlsx');
    const forged: [string, Buffer, RegExp][] = [
      ['scan.png', pdfBytes('not a picture'), /“\.png” but its content is application\/pdf/],
      ['invoice.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]), /not accepted/],
      ['page.pdf', Buffer.from('<html><script>alert(1)</script></html>'), /content is text\/plain/],
      ...(xlsx ? [['report.pdf', fs.readFileSync(xlsx), /spreadsheetml/] as [string, Buffer, RegExp]] : []),
    ];
    for (const [name, content, why] of forged) {
      const refused = await upload(t, alice, groupId, name, content);
      assert.equal(refused.statusCode, 400, `${name}: ${refused.body}`);
      const problem = problemSchema.parse(refused.json());
      assert.equal(problem.field, 'file');
      assert.match(problem.errors?.[0]?.message ?? '', why, name);
      const stored = await t.database.db
        .selectFrom('group_files')
        .select('id')
        .where('file_name', '=', name)
        .execute();
      assert.equal(stored.length, 0, `${name} was not stored`);
    }
  });

  test('the size limit comes from configuration; an empty file is refused', async () => {
    const big = Buffer.concat([pdfBytes('big'), Buffer.alloc(LIMIT, 0x20)]);
    const tooBig = await upload(t, alice, groupId, 'big.pdf', big);
    assert.equal(tooBig.statusCode, 400, tooBig.body);
    assert.match(tooBig.body, /600000/);
    assert.equal((await upload(t, alice, groupId, 'empty.pdf', Buffer.alloc(0))).statusCode, 400);
  });

  test('names are cleaned; non-members cannot upload; attachments follow the message', async () => {
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName('C:\\Users\\x\\rapport <final>.pdf'), 'rapport _final_.pdf');
    assert.equal(cleanFileName('a"b;c\r\n.pdf'), 'a_b_c_.pdf');
    assert.equal(cleanFileName('...'), 'file');
    assert.ok(cleanFileName(`${'x'.repeat(300)}.pdf`).endsWith('.pdf'));
    assert.equal(cleanFileName(`${'x'.repeat(300)}.pdf`).length, 150);

    assert.equal((await upload(t, outsider, groupId, 'a.pdf', pdfBytes('x'))).statusCode, 404);

    const attachment = await uploadOk(t, alice, groupId, 'Saisie n°17 <cubs>.pdf', pdfBytes('seizure 17'));
    assert.equal(attachment.name, 'Saisie n_17 _cubs_.pdf');
    const sent = await alice.client.call('POST', `/api/v1/groups/${groupId}/messages`, {
      to: { kind: 'group' },
      subject: 'Seizure 17',
      body: 'Attached.',
      attachmentIds: [attachment.id],
    });
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(messageSchema.parse(sent.json()).attachments[0]?.id, attachment.id);
    const got = await bob.client.call('GET', attachment.downloadPath);
    assert.equal(got.statusCode, 200);
    assert.deepEqual(got.rawPayload, pdfBytes('seizure 17'));
    assert.equal(got.headers['content-type'], 'application/pdf');
    assert.match(String(got.headers['content-disposition']), /filename\*=UTF-8''Saisie%20n_17%20_cubs_.pdf/);
    assert.equal((await outsider.client.call('GET', attachment.downloadPath)).statusCode, 404);
    // An attached file cannot be attached again (to another message or item).
    const reuse = await alice.client.call('POST', `/api/v1/groups/${groupId}/messages`, {
      to: { kind: 'group' },
      subject: 'again',
      body: 'again',
      attachmentIds: [attachment.id],
    });
    assert.equal(reuse.statusCode, 400);
    // The sealed copy does not open under another row's id (the id is the associated data).
    const row = await t.database.db
      .selectFrom('group_files')
      .select('sealed')
      .where('id', '=', attachment.id)
      .executeTakeFirstOrThrow();
    const { createFileSealer } = await import('./file-sealing.ts');
    const sealer = createFileSealer(Buffer.from(t.settings.secretKeyHex!, 'hex'));
    assert.deepEqual(sealer.open(attachment.id, row.sealed), pdfBytes('seizure 17'));
    assert.throws(() => sealer.open(crypto.randomUUID(), row.sealed));
  });
});
