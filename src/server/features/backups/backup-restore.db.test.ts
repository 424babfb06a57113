/**
 * Backups that restore (both databases): a platform with a report and its records, a group with a sealed file,
 * accounts with second factors and an audit log is backed up, restored into an empty database, and found whole:
 * every record, the file still opening with the platform key, the accounts, the audit entries, a verified chain.
 * A target that holds anything is refused unless --force; a damaged archive is refused before anything changes.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { testClock } from '../../../../test/support/identity.ts';
import { createReport, createRecords } from '../../../../test/support/seizure-factories.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { withDatabase } from '../../../../test/support/test-database.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { linkAuditEntries, verifyAuditLog } from '../audit/index.ts';
import { createFileSealer } from '../groups/index.ts';
import { addMember, makeGroup, pdfBytes, signedInUser, uploadOk } from '../groups/groups.test-support.ts';
import { keyIdOf, openPlatformKey } from '../platform-key/index.ts';
import {
  readManifest,
  restoreBackup,
  takeBackup,
  TargetNotEmptyError,
  type BackupManifest,
} from './index.ts';

let t: TestApp;
const clock = testClock();
const key = randomBytes(32);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-backup-'));
const archive = path.join(work, 'platform.backup');
const fileContent = pdfBytes('a confidential brief for the group');
let fileId: string;
let manifest: BackupManifest;
let targetUrl: string | undefined;
const targetDir = path.join(work, 'restored-data');
const extraDatabases: string[] = [];

async function emptyPostgresDatabase(): Promise<string> {
  const name = `itd_restore_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: t.database.adminUrl! });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  extraDatabases.push(name);
  return withDatabase(t.database.adminUrl!, name);
}

before(async () => {
  t = await createTestApp({ ITD_SECRET_KEY: key.toString('hex') }, { clock });
  const admin = await signedInUser(t, clock, { kind: 'secretariat' });
  await signedInUser(t, clock, { kind: 'party', party: 'KE', role: 'focal_point' });
  const groupId = await makeGroup(t);
  await addMember(t, groupId, admin, 'secretariat', true);
  fileId = (await uploadOk(t, admin, groupId, 'brief.pdf', fileContent)).id;
  const report = await createReport(t.database.db, { party: 'KE', year: 2021 });
  await createRecords(t.database.db, report, [{ taxon: 'Manis gigantea' }, { taxon: 'Loxodonta africana' }]);
  await openPlatformKey(t.database.db, { secretKeyHex: key.toString('hex'), dataDir: work });
  await linkAuditEntries(t.database.db);
  manifest = await takeBackup(t.database, t.database.url, archive, clock);
  if (t.database.adminUrl) targetUrl = await emptyPostgresDatabase();
});
after(async () => {
  await t?.close();
  if (t?.database.adminUrl && extraDatabases.length > 0) {
    const admin = new pg.Client({ connectionString: t.database.adminUrl });
    await admin.connect();
    for (const name of extraDatabases) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  fs.rmSync(work, { recursive: true, force: true });
});

const target = () => ({ databaseUrl: targetUrl, dataDir: targetDir, secretKeyHex: key.toString('hex') });

/** Everything the round trip must keep, read with the owner's connection. */
async function contents(db: Kysely<DB>, upToSeq: number) {
  const [users, organisations, reports, records, groups, files, audit] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'email', 'password_hash', 'totp_secret_sealed', 'status'])
      .orderBy('id')
      .execute(),
    db.selectFrom('organisations').select(['id', 'name']).orderBy('id').execute(),
    db.selectFrom('reports').select(['id', 'party', 'year', 'status']).orderBy('id').execute(),
    db
      .selectFrom('seizure_records')
      .select(['id', 'report_id', 'taxon_name', 'original'])
      .orderBy('id')
      .execute(),
    db.selectFrom('groups').select(['id', 'name_en']).orderBy('id').execute(),
    db.selectFrom('group_files').select(['id', 'file_name', 'sealed']).orderBy('id').execute(),
    db
      .selectFrom('audit_events')
      .select(['seq', 'action', 'actor_id', 'hash'])
      .where('seq', '<=', upToSeq)
      .orderBy('seq')
      .execute(),
  ]);
  return {
    users,
    organisations,
    reports,
    records,
    groups,
    files: files.map((file) => ({ ...file, sealed: Buffer.from(file.sealed).toString('base64') })),
    audit,
  };
}

describe(`backup and restore (${(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL) ? 'PostgreSQL' : 'embedded'})`, () => {
  test('the manifest names the key the backup needs, never the key, and the audit head it holds', () => {
    const onDisk = readManifest(archive);
    assert.deepEqual(onDisk, manifest);
    assert.equal(manifest.keyId, keyIdOf(key));
    assert.equal(manifest.backend, t.database.backend);
    assert.ok(manifest.auditHead.seq > 5, 'sign-ins, the upload and the records left audit entries');
    const text = fs.readFileSync(`${archive}.manifest.json`, 'utf8');
    assert.ok(!text.includes(key.toString('hex')) && !text.includes(key.toString('base64')));
  });

  test('a damaged archive is refused before the target is touched', async () => {
    const damaged = path.join(work, 'damaged.backup');
    const bytes = fs.readFileSync(archive);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10]! + 1) % 256;
    fs.writeFileSync(damaged, bytes);
    fs.copyFileSync(`${archive}.manifest.json`, `${damaged}.manifest.json`);
    await assert.rejects(restoreBackup(target(), damaged), /checksum differs/);
    assert.equal(fs.existsSync(path.join(targetDir, 'pgdata')), false);
  });

  test('restored into an empty database: every record, account, file and audit entry, and a verified chain', async () => {
    const report = await restoreBackup(target(), archive, { clock });
    assert.equal(report.auditProblems, 0);
    assert.equal(report.localKeyId, keyIdOf(key));
    assert.ok(report.auditEntries >= manifest.auditHead.seq);
    const restored: Database = await openDatabase({
      databaseUrl: targetUrl,
      dataDir: targetDir,
      poolSize: 2,
    });
    try {
      const expected = await contents(t.database.db, manifest.auditHead.seq);
      const found = await contents(restored.db, manifest.auditHead.seq);
      assert.equal(found.records.length, 2);
      assert.ok(found.users.some((user) => user.totp_secret_sealed !== null));
      assert.equal(found.audit.length, manifest.auditHead.seq);
      assert.deepEqual(found, expected);
      const file = await restored.db
        .selectFrom('group_files')
        .select('sealed')
        .where('id', '=', fileId)
        .executeTakeFirstOrThrow();
      assert.ok(createFileSealer(key).open(fileId, Buffer.from(file.sealed)).equals(fileContent));
      assert.deepEqual((await verifyAuditLog(restored.db)).problems, []);
      // The restored platform starts only with its key.
      await assert.rejects(
        openPlatformKey(restored.db, { secretKeyHex: randomBytes(32).toString('hex'), dataDir: work }),
        new RegExp(keyIdOf(key)),
      );
      const restoredEntry = await restored.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'backup.restored')
        .execute();
      assert.equal(restoredEntry.length, 1);
    } finally {
      await restored.close();
    }
  });

  test('a target that holds a database is refused, and replaced only with --force', async () => {
    await assert.rejects(restoreBackup(target(), archive), TargetNotEmptyError);
    const report = await restoreBackup(target(), archive, { force: true, clock });
    assert.equal(report.auditProblems, 0);
    const restored = await openDatabase({ databaseUrl: targetUrl, dataDir: targetDir, poolSize: 2 });
    try {
      // Replaced, not merged: one restore entry, from this restore.
      const entries = await restored.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'backup.restored')
        .execute();
      assert.equal(entries.length, 1);
    } finally {
      await restored.close();
    }
  });
});
