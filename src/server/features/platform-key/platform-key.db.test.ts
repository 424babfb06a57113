/**
 * The key and the data belong together: a server whose key cannot open the stored secrets refuses to start and
 * names the key it expected; `itd keys rotate` re-seals second factors and group files under a new key in one
 * transaction, and a rotation that fails half-way changes nothing.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { testClock } from '../../../../test/support/identity.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createFileSealer } from '../groups/index.ts';
import {
  addMember,
  auditEntries,
  makeGroup,
  pdfBytes,
  signedInUser,
  uploadOk,
} from '../groups/groups.test-support.ts';
import { createSealer } from '../identity/index.ts';
import { keyIdOf, openPlatformKey, PlatformKeyMismatchError, rotatePlatformKey } from './index.ts';

let t: TestApp;
const clock = testClock();
const key = randomBytes(32);
let dataDir: string;
let fileId: string;
const fileContent = pdfBytes('sealed under the platform key');

before(async () => {
  t = await createTestApp({ ITD_SECRET_KEY: key.toString('hex') }, { clock });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-key-'));
  const owner = await signedInUser(t, clock, { kind: 'secretariat' }); // enrols a second factor: a sealed secret
  const groupId = await makeGroup(t);
  await addMember(t, groupId, owner, 'secretariat', true);
  fileId = (await uploadOk(t, owner, groupId, 'brief.pdf', fileContent)).id;
});
after(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const settingsWith = (k: Buffer) => ({ secretKeyHex: k.toString('hex'), dataDir });

async function storedSecrets() {
  const user = await t.database.db
    .selectFrom('users')
    .select('totp_secret_sealed')
    .where('totp_secret_sealed', 'is not', null)
    .executeTakeFirstOrThrow();
  const file = await t.database.db
    .selectFrom('group_files')
    .select('sealed')
    .where('id', '=', fileId)
    .executeTakeFirstOrThrow();
  return { totp: user.totp_secret_sealed!, file: Buffer.from(file.sealed) };
}

describe('the platform key at start', () => {
  test('a database with secrets but no recorded key refuses a key that cannot open them, then records the right one', async () => {
    const other = randomBytes(32);
    await assert.rejects(openPlatformKey(t.database.db, settingsWith(other)), (error: unknown) => {
      assert.ok(error instanceof PlatformKeyMismatchError);
      assert.match(error.message, new RegExp(keyIdOf(other)));
      return true;
    });
    const row = await t.database.db.selectFrom('platform_key').selectAll().executeTakeFirst();
    assert.equal(row, undefined, 'a refused key is not recorded');
    const opened = await openPlatformKey(t.database.db, settingsWith(key));
    assert.equal(opened.keyId, keyIdOf(key));
  });

  test('once recorded, another key is refused with the id it expected, and the right key opens again', async () => {
    const other = randomBytes(32);
    await assert.rejects(openPlatformKey(t.database.db, settingsWith(other)), (error: unknown) => {
      assert.ok(error instanceof PlatformKeyMismatchError);
      assert.equal(error.expectedKeyId, keyIdOf(key));
      assert.match(error.message, new RegExp(`sealed with the platform key ${keyIdOf(key)}`));
      return true;
    });
    assert.equal((await openPlatformKey(t.database.db, settingsWith(key))).keyId, keyIdOf(key));
  });

  test('without any key (a restore onto a new machine), no new key file is created and the expected id is named', async () => {
    await assert.rejects(
      openPlatformKey(t.database.db, { secretKeyHex: undefined, dataDir }),
      new RegExp(`${keyIdOf(key)}.*there is no key in ${dataDir.replace(/[/\\]/g, '.')}`),
    );
    assert.equal(fs.existsSync(path.join(dataDir, 'secret.key')), false);
  });
});

describe('itd keys rotate', () => {
  test('a rotation that cannot open a stored file changes nothing and leaves no new key behind', async () => {
    const before = await storedSecrets();
    // A second, damaged file: the rotation reaches it after re-sealing the first, then fails.
    const groupId = await makeGroup(t);
    const broken = await t.database.db
      .insertInto('group_files')
      .values({
        id: 'ffffffff-ffff-4fff-bfff-ffffffffffff', // after every real file, so the rotation fails late
        group_id: groupId,
        file_name: 'broken.pdf',
        media_type: 'application/pdf',
        size_bytes: 3,
        sha256: '0'.repeat(64),
        sealed: Buffer.from([1, ...randomBytes(40)]),
        audience: 'all_members',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await assert.rejects(rotatePlatformKey(t.database.db, settingsWith(key)));
    const after = await storedSecrets();
    assert.equal(after.totp, before.totp);
    assert.ok(after.file.equals(before.file));
    assert.equal(
      (await t.database.db.selectFrom('platform_key').select('key_id').executeTakeFirstOrThrow()).key_id,
      keyIdOf(key),
    );
    assert.deepEqual(
      fs.readdirSync(dataDir).filter((name) => name.startsWith('secret.key')),
      [],
    );
    await sql`delete from group_files where id = ${broken.id}`.execute(t.database.db);
  });

  test('re-seals second factors and group files under the new key and records its id, with an audit entry', async () => {
    const newKey = randomBytes(32);
    const rotation = await rotatePlatformKey(t.database.db, settingsWith(key), { newKey });
    assert.equal(rotation.fromKeyId, keyIdOf(key));
    assert.equal(rotation.toKeyId, keyIdOf(newKey));
    assert.ok(rotation.totpSecrets >= 1);
    assert.equal(rotation.files, 1);
    assert.equal(fs.readFileSync(rotation.newKeyFile, 'utf8'), newKey.toString('hex'));
    const after = await storedSecrets();
    assert.equal(createSealer(newKey).unseal(after.totp).length > 0, true);
    assert.throws(() => createSealer(key).unseal(after.totp));
    assert.ok(createFileSealer(newKey).open(fileId, after.file).equals(fileContent));
    assert.throws(() => createFileSealer(key).open(fileId, after.file));
    await assert.rejects(openPlatformKey(t.database.db, settingsWith(key)), PlatformKeyMismatchError);
    assert.equal((await openPlatformKey(t.database.db, settingsWith(newKey))).keyId, keyIdOf(newKey));
    const entries = await auditEntries(t, 'keys.rotated');
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0]!.details, {
      fromKeyId: keyIdOf(key),
      toKeyId: keyIdOf(newKey),
      totpSecrets: rotation.totpSecrets,
      files: 1,
    });
  });

  test('with a key file in the data directory, the new key takes its name and the old one is kept under its id', async () => {
    const current = Buffer.from(
      (await t.database.db.selectFrom('platform_key').select('key_id').executeTakeFirstOrThrow()).key_id,
    );
    assert.ok(current.length > 0);
    // The test's key now is the one rotated to above; put it in a key file and rotate from there.
    const [newKeyFile] = fs.readdirSync(dataDir).filter((name) => name.startsWith('secret.key.'));
    fs.renameSync(path.join(dataDir, newKeyFile!), path.join(dataDir, 'secret.key'));
    const fileKey = Buffer.from(fs.readFileSync(path.join(dataDir, 'secret.key'), 'utf8'), 'hex');
    const rotation = await rotatePlatformKey(t.database.db, { secretKeyHex: undefined, dataDir });
    assert.equal(rotation.fromKeyId, keyIdOf(fileKey));
    assert.equal(rotation.newKeyFile, path.join(dataDir, 'secret.key'));
    assert.equal(rotation.oldKeyFile, path.join(dataDir, `secret.key.${keyIdOf(fileKey)}`));
    assert.equal(fs.readFileSync(rotation.oldKeyFile, 'utf8'), fileKey.toString('hex'));
    assert.equal(
      (await openPlatformKey(t.database.db, { secretKeyHex: undefined, dataDir })).keyId,
      rotation.toKeyId,
    );
  });
});
