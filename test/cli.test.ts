/**
 * The `itd` command as an operator uses it: help for every sub-command, migrate, a Species+ import
 * with its summary and rejected-rows file, and audit verify — on a fresh embedded data directory.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { projectRoot } from '../src/server/config.ts';
import { readMigrationFiles } from '../src/server/db/migrate.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-cli-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function itd(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(projectRoot(), 'bin', 'itd.mjs'), ...args], {
    cwd: projectRoot(),
    env: { ...process.env, ITD_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('itd command', () => {
  test('every command explains itself with --help', () => {
    for (const command of [
      [],
      ['serve'],
      ['migrate'],
      ['reference', 'import-species'],
      ['audit', 'verify'],
    ]) {
      const { status, stdout } = itd(...command, '--help');
      assert.equal(status, 0, command.join(' '));
      assert.match(stdout, /^Usage: itd/m, command.join(' '));
    }
  });

  test('migrate brings a new data directory up to date, then has nothing to do', () => {
    const first = itd('migrate');
    assert.equal(first.status, 0, first.stderr);
    const count = readMigrationFiles().length;
    assert.ok(
      first.stdout.includes(`${count} migration(s) applied, 0 already in place; 3 reference file(s) loaded`),
      first.stdout,
    );
    const second = itd('migrate');
    assert.ok(
      second.stdout.includes(`0 migration(s) applied, ${count} already in place; 0 reference file(s) loaded`),
      second.stdout,
    );
  });

  test('reference import-species prints a summary that adds up and writes the rejected rows', () => {
    const file = path.join(dataDir, 'export.csv');
    fs.writeFileSync(
      file,
      [
        'TaxonId,Kingdom,Phylum,Class,Order,Family,Genus,Species,Subspecies,FullName,AuthorYear,RankName,CurrentListing,EnglishNames,SpanishNames,FrenchNames,CitesAccepted',
        '5034,Animalia,Chordata,Mammalia,Pholidota,Manidae,Manis,javanica,,Manis javanica,"(Desmarest, 1822)",SPECIES,I,Sunda Pangolin,,,true',
        '990010,Animalia,Chordata,Mammalia,Pholidota,Manidae,Manis,probus,,Manis probus,,SPECIES,I,,,,true',
        '990011,Animalia,Chordata,Mammalia,Pholidota,Manidae,Manis,,,Manis nulla,,KIND,I,,,,true',
      ].join('\n'),
    );
    const errors = path.join(dataDir, 'rejected.csv');
    const run = itd('reference', 'import-species', file, '--errors', errors);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /export\.csv: 3 rows read/);
    assert.match(run.stdout, /inserted\s+1/);
    assert.match(run.stdout, /updated\s+1/);
    assert.match(run.stdout, /rejected\s+1/);
    assert.match(run.stdout, /row 4: RankName "KIND" is not a known rank/);
    assert.match(run.stderr, /Importing taxa/, 'a progress bar is drawn');
    assert.equal(fs.readFileSync(errors, 'utf8'), 'row,reason\n4,"RankName ""KIND"" is not a known rank"\n');
    const missing = itd('reference', 'import-species', path.join(dataDir, 'nope.csv'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /No such file/);
  });

  test('users create prints a one-time password; tokens create prints a token', () => {
    const created = itd(
      'users',
      'create',
      '--email',
      'Officer@Customs.example.org',
      '--first-name',
      'Ana',
      '--last-name',
      'Silva',
      '--org',
      'Customs of Brazil',
      '--org-kind',
      'party',
      '--party',
      'br',
      '--role',
      'reporter',
      '--itd-access',
    );
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /User officer@customs\.example\.org created\.\nOne-time password: \S{16,}/);
    const twice = itd(
      'users',
      'create',
      '--email',
      'officer@customs.example.org',
      '--first-name',
      'A',
      '--last-name',
      'S',
      '--org',
      'Customs of Brazil',
      '--party',
      'BR',
      '--role',
      'reporter',
    );
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /already exists/);
    const badRole = itd(
      'users',
      'create',
      '--email',
      'x@example.org',
      '--first-name',
      'A',
      '--last-name',
      'S',
      '--org',
      'INTERPOL',
      '--org-kind',
      'iccwc',
      '--role',
      'admin',
    );
    assert.match(badRole.stderr, /--role: a iccwc user may be member/);
    const token = itd('tokens', 'create', '--email', 'officer@customs.example.org', '--days', '30');
    assert.equal(token.status, 0, token.stderr);
    assert.match(token.stdout, /^[A-Za-z0-9_-]{40,}\n$/);
  });

  test('audit verify reports an intact chain', () => {
    const run = itd('audit', 'verify');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Audit log intact: \d+ entries/);
  });
});
