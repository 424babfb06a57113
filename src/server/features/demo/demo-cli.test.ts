/**
 * `itd demo` as an operator runs it: a summary with the accounts and their password, a clear refusal the second
 * time, checked options, and the `--demo` start option in the help of `itd serve`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { projectRoot } from '../../config.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-demo-cli-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function itd(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(projectRoot(), 'bin', 'itd.mjs'), ...args], {
    cwd: projectRoot(),
    env: { ...process.env, ITD_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('itd demo', () => {
  test('generates records and accounts, prints them, then refuses to run again', () => {
    const first = itd('demo', '--records', '120', '--seed', '3', '--password', 'Demo-passphrase-2026');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^Demo data: 120 records in \d+ reports from \d+ Parties, \d{4}–\d{4}/m);
    assert.match(first.stdout, /secretariat\.admin@demo\.itd-platform\.invalid +admin, CITES Secretariat/);
    assert.match(first.stdout, /ke\.focal-point@demo\.itd-platform\.invalid +focal_point \(KE\)/);
    assert.match(first.stdout, /iccwc\.unodc@demo\.itd-platform\.invalid +member, United Nations Office/);
    assert.match(first.stdout, /^Password of the new demo accounts: Demo-passphrase-2026$/m);

    const again = itd('demo', '--records', '120', '--seed', '3');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /has demo data already \(120 records in \d+ reports\)/);
  });

  test('checks its options before touching the database', () => {
    const none = itd('demo', '--records', '0');
    assert.equal(none.status, 1);
    assert.match(none.stderr, /--records must be a whole number from 1/);
    const weak = itd('demo', '--records', '10', '--password', 'short');
    assert.equal(weak.status, 1);
    assert.match(weak.stderr, /--password must have at least 12 characters/);
  });

  test('serve explains --demo in its help', () => {
    const help = itd('serve', '--help');
    assert.equal(help.status, 0);
    assert.match(
      help.stdout,
      /--demo +on an ITD without seizure records, first generate 20000 demo\s+records/,
    );
  });
});
